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
    public void A_row_wider_than_its_colgroup_is_reported_once_at_the_template_line_that_writes_it()
    {
        var templates = RepoPaths.NewTempDirectory("templates");
        RepoPaths.CopyDirectory(RepoPaths.Templates, templates);
        var partial = Path.Combine(templates, "partials", "indicator-table.html.sbn");
        var lines = File.ReadAllLines(partial).ToList();
        lines[lines.FindIndex(l => l.StartsWith("<table", StringComparison.Ordinal))] += "\n<colgroup><col span=\"6\"></colgroup>";
        var row = lines.FindIndex(l => l.StartsWith("<td>{{ row.level3 }}", StringComparison.Ordinal));
        lines[row] += "<td>多出的格子</td>";
        File.WriteAllLines(partial, lines);
        var rowLine = File.ReadAllLines(partial).ToList().FindIndex(l => l.StartsWith("<tr data-src=", StringComparison.Ordinal)) + 1;
        var output = RepoPaths.NewTempDirectory("artifacts");

        var result = PublishingCommand.Run("build", RepoPaths.Sample, "--out", output, "--templates", templates);

        result.ExitCode.ShouldBe(0, result.Stderr);
        var display = Publishing.Diagnostics.DisplayPaths.For(partial);
        var warning = result.DiagnosticLines.Where(l => l.Contains("PUB4202")).ShouldHaveSingleItem();
        warning.ShouldStartWith($"{display}({rowLine},1): warning PUB4202: 表格这一行占 7 列，而 <colgroup> 只定义了 6 列");
        warning.ShouldContain("数据 data/indicators.csv 第 2 行");
        // The marks that located it are not in the published preview.
        File.ReadAllText(Path.Combine(output, "chengde-xinfang-2021", "index.html")).ShouldNotContain("data-template");
    }

    [Fact]
    public void Every_template_of_a_form_is_checked_and_a_computed_include_checks_every_template_it_could_name()
    {
        var templates = RepoPaths.NewTempDirectory("templates");
        RepoPaths.CopyDirectory(RepoPaths.Templates, templates);
        var form = Path.Combine(templates, "forms", "project-declaration");
        File.WriteAllText(Path.Combine(form, "signature.html.sbn"), "<p>签字</p>\n<blink>审核人</blink>\n");
        File.WriteAllText(Path.Combine(templates, "partials", "stamp.html.sbn"), "<p>\n<font color=\"red\">盖章</font></p>\n");
        string[] Warned() => TemplateVocabularyCheck.Check(templates, "forms/project-declaration")
            .Select(w => $"{Path.GetFileName(w.Path)}:{w.Line}").ToArray();

        // Not included by name anywhere: the form's own template is checked, the shared partial is not reachable.
        Warned().ShouldBe(new[] { "signature.html.sbn:2" });

        var document = Path.Combine(form, "document.html.sbn");
        File.WriteAllText(document, File.ReadAllText(document).Replace("</body>", "{{ include \"partials/\" + meta.fields[\"填表人\"] + \".html.sbn\" }}\n</body>"));
        Warned().ShouldBe(new[] { "signature.html.sbn:2", "stamp.html.sbn:2" }, ignoreOrder: true);
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
