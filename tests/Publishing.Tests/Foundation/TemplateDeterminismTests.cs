using Publishing.Assembly;
using Publishing.Diagnostics;
using Publishing.Tests.Support;
using Scriban.Runtime;

namespace Publishing.Tests.Foundation;

/// <summary>
/// Same input, same bytes: a template cannot read the clock or a random source (a located PUB4102 at its line
/// saying to use the document's date), and the document's date works with the date functions instead.
/// </summary>
public class TemplateDeterminismTests
{
    private static (string? Output, DiagnosticBag Diagnostics) Render(string text)
    {
        var templates = RepoPaths.NewTempDirectory("templates");
        File.WriteAllText(Path.Combine(templates, "t.sbn"), text);
        var diagnostics = new DiagnosticBag();
        var output = new DocumentAssembler(templates).Render("t.sbn",
            new ScriptObject { ["meta"] = SampleDocument.Document.Metadata, ["theme"] = Publishing.Theming.ThemeLoader.Load(RepoPaths.Templates) }, diagnostics);
        return (output, diagnostics);
    }

    [Theory]
    [InlineData("<p>\n  {{ date.now }}</p>", 2, "date.now", "meta.date")]
    [InlineData("<p>\n{{ x = date.now | date.to_string '%Y' }}{{ x }}</p>", 2, "date.now", "meta.date")]
    [InlineData("{{ math.random 1 100 }}", 1, "math.random", "文档的内容")]
    [InlineData("\n\n{{ math.uuid }}", 3, "math.uuid", "文档的内容")]
    public void Reading_the_clock_or_chance_is_a_located_error(string template, int line, string named, string suggestion)
    {
        var (output, diagnostics) = Render(template);

        output.ShouldBeNull();
        var diagnostic = diagnostics.Items.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe(DiagnosticCodes.TemplateRuntime);
        diagnostic.Line.ShouldBe(line);
        diagnostic.Column.ShouldBeGreaterThan(0);
        diagnostic.Message.ShouldContain(named);
        diagnostic.Message.ShouldContain(suggestion);
    }

    [Fact]
    public void The_document_s_date_reads_with_the_date_functions_and_other_date_members_stay()
    {
        var (output, diagnostics) = Render("{{ meta.date | date.to_string '%Y年%m月%d日' }}|{{ meta.date.year }}|{{ date.parse '2020-03-04' | date.to_string '%m' }}");

        diagnostics.Items.ShouldBeEmpty();
        output.ShouldBe("2021年01月15日|2021|03");
    }

    [Fact]
    public void The_templates_folder_s_absolute_path_is_not_readable()
    {
        var (output, diagnostics) = Render("{{ theme.base_directory }}");

        output.ShouldBeNull();
        diagnostics.Items.ShouldHaveSingleItem().Code.ShouldBe(DiagnosticCodes.TemplateRuntime);
    }

    [Fact]
    public void A_shipped_template_calling_date_now_fails_the_build_at_its_line()
    {
        var templates = ThemeTemplates.With(ThemeTemplates.DefaultTheme);
        var document = Path.Combine(templates, "document.html.sbn");
        var lines = File.ReadAllLines(document).ToList();
        var at = lines.FindIndex(l => l.StartsWith("<!DOCTYPE", StringComparison.Ordinal)) + 1;
        lines.Insert(at, "<!-- 生成于 {{ date.now }} -->");
        File.WriteAllLines(document, lines);
        var output = RepoPaths.NewTempDirectory("artifacts");

        var build = PublishingCommand.Run("build", RepoPaths.Sample, "--out", output, "--templates", templates, "--format", "html");

        build.ExitCode.ShouldBe(1, build.Stderr);
        build.DiagnosticLines.ShouldContain(l => l.StartsWith(DisplayPaths.For(document) + $"({at + 1},", StringComparison.Ordinal)
            && l.Contains("error PUB4102") && l.Contains("date.now") && l.Contains("meta.date"), build.Stderr);
        build.Stderr.ShouldNotContain("PUB9001");
    }
}
