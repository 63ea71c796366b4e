using Publishing.Diagnostics;
using Publishing.Layout.Fonts;
using Publishing.Rendering.Pdf;
using Publishing.Tests.Support;
using Publishing.Theming;

namespace Publishing.Tests.Pdf;

/// <summary>The HTML vocabulary the PDF reads is a checked contract: what it would ignore is a located warning.</summary>
public class VocabularyTests
{
    [Fact]
    public void Markup_the_PDF_ignores_is_a_warning_at_its_place_in_the_template()
    {
        var template = """
            <table class="indicator-table">
            <colgroup><col style="width:20%"><col data-weight="1"></colgroup>
            <tr class="{{ row.kind }}"><td nowrap>{{ row.level1 }}</td><td class="highlight num">{{ row.value }}</td></tr>
            <h2 class="numbering-level-{{ section.level }}"{{ if x }} id="a"{{ end }}>标题</h2>
            <marquee>滚动</marquee>
            </table>
            """;
        var warnings = TemplateVocabularyCheck.CheckText("templates/partials/x.html.sbn", template);
        warnings.ShouldAllBe(w => w.Code == "PUB4201" && w.Path == "templates/partials/x.html.sbn" && !w.IsError);
        warnings.Select(w => (w.Line, w.Column)).ShouldBe(new[] { (3, 32), (3, 64), (5, 1) });
        warnings[0].Message.ShouldContain("nowrap");
        warnings[1].Message.ShouldContain("highlight");
        warnings[2].Message.ShouldContain("<marquee>");
    }

    [Fact]
    public void The_shipped_templates_use_only_what_the_PDF_reads()
    {
        TemplateVocabularyCheck.Check(RepoPaths.Templates).ShouldBeEmpty();
        var forms = Directory.GetDirectories(Path.Combine(RepoPaths.Templates, "forms"));
        forms.ShouldNotBeEmpty();
        foreach (var form in forms)
            TemplateVocabularyCheck.Check(RepoPaths.Templates, Path.GetRelativePath(RepoPaths.Templates, form)).ShouldBeEmpty(form);
    }

    [Fact]
    public void A_build_reports_ignored_template_markup_with_the_template_file_and_line()
    {
        var templates = RepoPaths.NewTempDirectory("templates");
        RepoPaths.CopyDirectory(RepoPaths.Templates, templates);
        var partial = Path.Combine(templates, "partials", "indicator-table.html.sbn");
        var lines = File.ReadAllLines(partial).ToList();
        var at = lines.FindIndex(l => l.StartsWith("<thead>", StringComparison.Ordinal));
        lines[at] = "<thead bgcolor=\"#ccc\">";
        File.WriteAllLines(partial, lines);
        var output = RepoPaths.NewTempDirectory("artifacts");
        var result = PublishingCommand.Run("build", RepoPaths.Sample, "--out", output, "--templates", templates, "--format", "pdf");
        result.ExitCode.ShouldBe(0);
        var display = Publishing.Diagnostics.DisplayPaths.For(partial);
        result.DiagnosticLines.ShouldContain(l => l.StartsWith($"{display}({at + 1},8): warning PUB4201: PDF 不认识 <thead> 的属性 bgcolor"));
    }

    [Fact]
    public void An_element_in_the_content_the_PDF_does_not_read_is_a_warning_at_its_line()
    {
        var theme = ThemeLoader.Load(RepoPaths.Templates);
        var mapped = HtmlToLayout.Map("""
            <html><body><section class="part"><section class="section"><h2 data-src="sections/02.md:1">标题</h2>
            <p data-src="sections/02.md:3">正文</p><hr data-src="sections/02.md:5"><pre data-src="sections/02.md:7"><code>x = 1</code></pre>
            </section></section></body></html>
            """, new PdfStyles(theme, new FontLibrary()), new PdfDocumentInfo("t", "a", "s", "k", "zh-CN", DateTimeOffset.UnixEpoch));
        mapped.Diagnostics.Select(d => (d.Code, d.Path, d.Line)).ShouldBe(new[]
        {
            ("PUB4201", "sections/02.md", 5),
            ("PUB4201", "sections/02.md", 7),
        });
        mapped.Diagnostics[1].Message.ShouldContain("<pre>");
    }
}
