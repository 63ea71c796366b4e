using Publishing.Build;
using Publishing.Diagnostics;
using Publishing.Tests.Checks;
using Publishing.Tests.Support;

namespace Publishing.Tests.Safety;

/// <summary>A failed build leaves the document's previous outputs byte for byte as they were.</summary>
public sealed class AtomicOutputTests : IDisposable
{
    private readonly string _templates = RepoPaths.NewTempDirectory("publishing-templates");
    private readonly TinyDocument _document = new();

    public AtomicOutputTests() => RepoPaths.CopyDirectory(RepoPaths.Templates, _templates);

    private string Output(string name) => Path.Combine(_document.OutputRoot, "doc", name);

    private (bool Built, IReadOnlyList<Diagnostic> Diagnostics) Build() => _document.Build(_templates);

    private (byte[] Html, byte[] Css) BuildGoodDraft()
    {
        var (built, diagnostics) = Build();
        built.ShouldBeTrue(string.Join("\n", diagnostics));
        // The next build would change the output, so "unchanged" means "not written".
        _document.Write("sections/01.md", TinyDocument.BaseMarkdown + "\n（三）新增的一段。\n");
        return (File.ReadAllBytes(Output("index.html")), File.ReadAllBytes(Output("theme.css")));
    }

    [Fact]
    public void A_template_that_fails_after_output_began_leaves_the_previous_draft()
    {
        var (html, css) = BuildGoodDraft();
        // Strict variables: the document template errors at its last line, after everything else was rendered.
        File.AppendAllText(Path.Combine(_templates, "document.html.sbn"), "{{ no_such_variable }}\n");

        var (built, diagnostics) = Build();

        built.ShouldBeFalse();
        diagnostics.ShouldContain(d => d.Code == DiagnosticCodes.TemplateRuntime && d.Path.EndsWith("/document.html.sbn", StringComparison.Ordinal));
        File.ReadAllBytes(Output("index.html")).ShouldBe(html);
        File.ReadAllBytes(Output("theme.css")).ShouldBe(css);
    }

    [Fact]
    public void A_template_that_fails_inside_a_loop_of_an_include_leaves_the_previous_draft()
    {
        var (html, css) = BuildGoodDraft();
        var indicatorTable = Path.Combine(_templates, "partials", "indicator-table.html.sbn");
        File.WriteAllText(indicatorTable, File.ReadAllText(indicatorTable).Replace("{{ row.basis }}", "{{ row.basis }}{{ if for.index == 1 }}{{ no_such_variable }}{{ end }}"));

        var (built, diagnostics) = Build();

        built.ShouldBeFalse();
        diagnostics.ShouldContain(d => d.IsError && d.Path.EndsWith(".sbn", StringComparison.Ordinal));
        File.ReadAllBytes(Output("index.html")).ShouldBe(html);
        File.ReadAllBytes(Output("theme.css")).ShouldBe(css);
    }

    [Fact]
    public void A_write_that_fails_midway_through_the_files_leaves_every_previous_output()
    {
        var (html, css) = BuildGoodDraft();
        // index.html is written first; the temporary file of theme.css (written second) cannot be created.
        var blocker = Output($".theme.css.{Environment.ProcessId}.tmp");
        Directory.CreateDirectory(blocker);
        try
        {
            var (built, diagnostics) = Build();

            built.ShouldBeFalse();
            diagnostics.ShouldContain(d => d.Code == DiagnosticCodes.OutputWriteFailed);
            File.ReadAllBytes(Output("index.html")).ShouldBe(html);
            File.ReadAllBytes(Output("theme.css")).ShouldBe(css);
            Directory.GetFiles(Path.Combine(_document.OutputRoot, "doc"), "*.tmp").ShouldBeEmpty();
        }
        finally
        {
            Directory.Delete(blocker);
        }
    }

    [Fact]
    public void A_content_error_writes_nothing()
    {
        var (html, _) = BuildGoodDraft();
        _document.Write("data/projects.csv", TinyDocument.BaseProjects.Replace("10.00,8.00,2.00", "12.00,8.00,2.00"));

        var (built, diagnostics) = Build();

        built.ShouldBeFalse();
        diagnostics.ShouldContain(d => d.Code == DiagnosticCodes.BudgetSum);
        File.ReadAllBytes(Output("index.html")).ShouldBe(html);
    }

    public void Dispose()
    {
        _document.Dispose();
        try { Directory.Delete(_templates, recursive: true); } catch (IOException) { }
    }
}
