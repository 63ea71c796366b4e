using Publishing.Layout.Fonts;
using Publishing.Rendering.Pdf;
using Publishing.Tests.Support;
using Publishing.Theming;
using UglyToad.PdfPig;

namespace Publishing.Tests.Pdf;

/// <summary>Page setups from the theme: per document and per part or section, checked when the theme loads.</summary>
public class PageSetupTests
{
    private static readonly Theme Theme = ThemeLoader.Load(RepoPaths.Templates);
    private static readonly PdfDocumentInfo Info = new("t", "a", "s", "k", "zh-CN", DateTimeOffset.UnixEpoch);
    private const double Mm = 72 / 25.4;

    private static (List<(double Width, double Height, string Text)> Pages, IReadOnlyList<Diagnostics.Diagnostic> Diagnostics) Render(string body, Theme? theme = null)
    {
        using var stream = new MemoryStream();
        var diagnostics = PdfRenderer.Render($"<html><body>{body}</body></html>", theme ?? Theme, Info, stream);
        stream.Position = 0;
        using var pdf = PdfDocument.Open(stream);
        return (pdf.GetPages().Select(p => (p.Width, p.Height, p.Text)).ToList(), diagnostics);
    }

    [Fact]
    public void A_landscape_table_inside_a_portrait_part_gets_landscape_pages_and_the_part_resumes_portrait()
    {
        var rows = string.Concat(Enumerable.Range(1, 60).Select(i => $"<tr><td>指标{i}</td><td>值{i}</td></tr>"));
        var (pages, diagnostics) = Render($"""
            <section class="part"><h1 class="part-title" id="p1">第二部分</h1><p>竖排的说明文字。</p>
            <section class="project" data-page="landscape"><h2 class="table-caption" id="t1">横排的宽表</h2>
            <table><thead><tr><th>三级指标</th><th>指标值</th></tr></thead><tbody>{rows}</tbody></table></section>
            <p>表后的文字回到竖排。</p></section>
            """);
        diagnostics.ShouldBeEmpty();
        pages.Count.ShouldBeGreaterThanOrEqualTo(4);
        var first = pages[0];
        first.Width.ShouldBe(210 * Mm, 0.5);
        first.Height.ShouldBe(297 * Mm, 0.5);
        first.Text.ShouldContain("竖排的说明文字");
        var tablePages = pages.Where(p => p.Text.Contains("三级指标")).ToList();
        tablePages.Count.ShouldBeGreaterThan(1, "the table runs over several landscape pages");
        foreach (var page in tablePages)
        {
            page.Width.ShouldBe(297 * Mm, 0.5, "landscape: wider than tall");
            page.Height.ShouldBe(210 * Mm, 0.5);
        }
        pages[1].Text.ShouldContain("横排的宽表", customMessage: "the landscape piece starts a page of its own");
        var last = pages[^1];
        last.Text.ShouldContain("表后的文字回到竖排");
        last.Width.ShouldBe(210 * Mm, 0.5);
    }

    [Fact]
    public void A_whole_document_on_A3_landscape_by_data_page_on_body()
    {
        using var stream = new MemoryStream();
        PdfRenderer.Render("<html><body data-page=\"a3-landscape\"><section class=\"part\"><p>全文横排。</p></section></body></html>", Theme, Info, stream);
        stream.Position = 0;
        using var pdf = PdfDocument.Open(stream);
        var page = pdf.GetPage(1);
        page.Width.ShouldBe(420 * Mm, 0.5);
        page.Height.ShouldBe(297 * Mm, 0.5);
    }

    [Fact]
    public void An_unknown_page_setup_is_a_located_warning_and_the_document_page_is_used()
    {
        var (pages, diagnostics) = Render("""<section class="part"><section class="project" data-page="landscap" data-src="data/projects.csv:3"><p>文字</p></section></section>""");
        pages.ShouldAllBe(p => p.Width < p.Height);
        var warning = diagnostics.ShouldHaveSingleItem();
        warning.Code.ShouldBe("PUB4203");
        warning.Path.ShouldBe("data/projects.csv");
        warning.Line.ShouldBe(3);
        warning.Message.ShouldContain("landscape");
    }

    [Fact]
    public void A_body_wider_than_the_page_is_an_error_at_its_line_in_the_theme()
    {
        var yaml = File.ReadAllText(Path.Combine(RepoPaths.Templates, "theme", "default.yaml")).Replace("body_width_mm: 156 ", "body_width_mm: 200 ");
        var lines = yaml.Split('\n');
        var expectedLine = Array.FindIndex(lines, l => l.Contains("body_width_mm: 200")) + 1;
        var error = Should.Throw<ThemeInvalidException>(() => LoadTheme(yaml)).Problems.First(p => p.Message.Contains("版心"));
        error.Line.ShouldBe(expectedLine);
        error.Message.ShouldContain("版心比页面宽");
        error.Message.ShouldContain("228 mm");
    }

    [Fact]
    public void A_landscape_setup_checks_against_the_landscape_width()
    {
        // 225 mm fits a landscape A4 (297 mm) but a portrait one (210 mm) would not hold it: orientation counts.
        var yaml = File.ReadAllText(Path.Combine(RepoPaths.Templates, "theme", "default.yaml"))
            .Replace("orientation: landscape  # 297 × 210 mm", "orientation: portrait");
        var error = Should.Throw<ThemeInvalidException>(() => LoadTheme(yaml));
        error.Message.ShouldContain("版心比页面宽");
        var theme = ThemeLoader.Load(RepoPaths.Templates);
        theme.Pages["landscape"].WidthMm.ShouldBe(297);
        theme.Pages["landscape"].HeightMm.ShouldBe(210);
    }

    [Fact]
    public void The_preview_css_has_the_same_page_setups()
    {
        var diagnostics = new Diagnostics.DiagnosticBag();
        var css = new Assembly.DocumentAssembler(RepoPaths.Templates).AssembleStylesheet(Theme, diagnostics)!;
        diagnostics.Items.ShouldBeEmpty();
        css.ShouldContain("size: A4 portrait;");
        css.ShouldContain("@page landscape {");
        css.ShouldContain("size: A4 landscape;");
        css.ShouldContain("[data-page=\"landscape\"] { page: landscape; }");
        css.ShouldContain("margin: 28mm 35mm 26mm 37mm;");
    }

    private static Theme LoadTheme(string yaml)
    {
        var templates = RepoPaths.NewTempDirectory("templates");
        Directory.CreateDirectory(Path.Combine(templates, "theme"));
        File.WriteAllText(Path.Combine(templates, "theme", "default.yaml"), yaml);
        return ThemeLoader.Load(templates);
    }
}
