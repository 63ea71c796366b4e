using System.Text;
using Publishing.Diagnostics;
using Publishing.Tests.Support;

namespace Publishing.Tests.Scale;

/// <summary>
/// The assembled HTML's limits (the theme's limits.max_html_blocks and max_html_mb): a document, or a template,
/// that writes more fails right after the templates ran, with one error at the content where the HTML went past the
/// limit, and nothing of it is written.
/// </summary>
public sealed class HtmlLimitsTests
{
    private static readonly string BaseDocument = Path.Combine(RepoPaths.Root, "tests", "Publishing.Tests", "Corpus", "_base");

    [Fact]
    public void Paragraphs_past_the_block_limit_fail_at_the_first_block_too_many_and_nothing_is_written()
    {
        var (content, _) = DocumentWithParagraphs(200);
        // The base document's own blocks (cover, 目录, headings, table rows) come first; the paragraphs after them.
        var at50 = Build(content, "limits:\n  max_html_blocks: 50\n");
        var at51 = Build(content, "limits:\n  max_html_blocks: 51\n");

        foreach (var (result, limit) in new[] { (at50, 50), (at51, 51) })
        {
            result.Run.ExitCode.ShouldBe(1, result.Run.Stderr);
            var error = result.Run.DiagnosticLines.Where(l => l.Contains(": error ")).ShouldHaveSingleItem();
            error.ShouldContain("error PUB6004: ");
            error.ShouldContain($"超过了 {limit} 个块（段落、标题、列表项、表格行）的上限，这里是第 {limit + 1} 个");
            error.ShouldContain("limits.max_html_blocks");
            Directory.Exists(Path.Combine(result.Output, "doc")).ShouldBeFalse("no output for a document past the limit");
        }
        // Located at the paragraph that went past: one block further, the next paragraph (two lines down).
        var line50 = LineIn(at50.Run, "doc/sections/01.md");
        LineIn(at51.Run, "doc/sections/01.md").ShouldBe(line50 + 2);
        File.ReadAllLines(Path.Combine(content, "doc", "sections", "01.md"))[line50 - 1].ShouldStartWith("第");

        // Within the default limits the same document builds.
        var built = PublishingCommand.Run("build", content, "--out", RepoPaths.NewTempDirectory("out"), "--format", "html", "--templates", RepoPaths.Templates);
        built.ExitCode.ShouldBe(0, built.Stderr);
    }

    [Fact]
    public void Html_past_the_size_limit_fails_at_the_block_where_it_went_past()
    {
        // ~2.3 MB of Markdown (within the default content limit of 16 MB), a little more of HTML.
        var (content, _) = DocumentWithParagraphs(900, string.Concat(Enumerable.Repeat("本局全年接待群众来访，确保信访工作正常开展。", 40)));
        var result = Build(content, "limits:\n  max_html_mb: 1\n");

        result.Run.ExitCode.ShouldBe(1, result.Run.Stderr);
        var error = result.Run.DiagnosticLines.Where(l => l.Contains(": error ")).ShouldHaveSingleItem();
        error.ShouldContain("error PUB6005: ");
        error.ShouldContain("超过了 1 MB 的上限");
        error.ShouldContain("limits.max_html_mb");
        // At the paragraph where the HTML passed 1 MB: the Markdown before it is a little less (the HTML adds its tags).
        var line = LineIn(result.Run, "doc/sections/01.md");
        var before = File.ReadAllLines(Path.Combine(content, "doc", "sections", "01.md")).Take(line - 1).Sum(l => Encoding.UTF8.GetByteCount(l) + 1);
        before.ShouldBeInRange(1024 * 1024 * 95 / 100, 1024 * 1024);
        Directory.Exists(Path.Combine(result.Output, "doc")).ShouldBeFalse();
    }

    [Fact]
    public void A_template_that_writes_a_million_paragraphs_fails_at_the_block_limit_and_writes_nothing()
    {
        var (content, _) = DocumentWithParagraphs(0);
        var templates = RepoPaths.NewTempDirectory("templates");
        RepoPaths.CopyDirectory(RepoPaths.Templates, templates);
        var document = Path.Combine(templates, "document.html.sbn");
        var text = File.ReadAllText(document);
        text.ShouldContain("{{ include 'partials/toc.html.sbn' }}");
        File.WriteAllText(document, text.Replace("{{ include 'partials/toc.html.sbn' }}",
            "{{ include 'partials/toc.html.sbn' }}{{ for i in 1..999999 }}<p>第{{ i }}段</p>{{ end }}"));
        var output = RepoPaths.NewTempDirectory("out");

        var run = PublishingCommand.Run("build", content, "--out", output, "--templates", templates);

        run.ExitCode.ShouldBe(1, run.Stderr);
        var error = run.DiagnosticLines.Where(l => l.Contains(": error ")).ShouldHaveSingleItem();
        error.ShouldContain("error PUB6004: ");
        error.ShouldContain("超过了 100,000 个块");
        // The template's blocks carry no place of their own: the error is at the content block they follow.
        error.ShouldContain("doc/document.yaml(");
        Directory.Exists(Path.Combine(output, "doc")).ShouldBeFalse();
    }

    private static int LineIn(PublishingCommand.Result run, string file)
    {
        var error = run.DiagnosticLines.Single(l => l.Contains(": error "));
        var at = error.IndexOf(file + "(", StringComparison.Ordinal);
        at.ShouldBeGreaterThanOrEqualTo(0, error);
        var start = at + file.Length + 1;
        return int.Parse(error[start..error.IndexOf(',', start)], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static (PublishingCommand.Result Run, string Output) Build(string content, string limitsYaml)
    {
        var output = RepoPaths.NewTempDirectory("out");
        return (PublishingCommand.Run("build", content, "--out", output, "--format", "html", "--templates", TemplatesWithLimits(limitsYaml)), output);
    }

    /// <summary>The corpus's tiny document with <paramref name="count"/> paragraphs added to its section, one every other line.</summary>
    private static (string Content, string Document) DocumentWithParagraphs(int count, string? text = null)
    {
        var content = RepoPaths.NewTempDirectory("content");
        var document = Path.Combine(content, "doc");
        RepoPaths.CopyDirectory(BaseDocument, document);
        var markdown = new StringBuilder(File.ReadAllText(Path.Combine(document, "sections", "01.md")).TrimEnd()).Append('\n');
        for (var i = 0; i < count; i++) markdown.Append('\n').Append("第").Append(i).Append("段：").Append(text ?? "负责接待群众来访。").Append('\n');
        File.WriteAllText(Path.Combine(document, "sections", "01.md"), markdown.ToString());
        return (content, document);
    }

    private static string TemplatesWithLimits(string limitsYaml) => RepoPaths.TemplatesWithLimits(limitsYaml);
}
