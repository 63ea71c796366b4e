using Publishing.Layout.Flow;
using Publishing.Layout.Fonts;
using Publishing.Layout.Pages;
using Publishing.Rendering.Pdf;
using Publishing.Theming;

namespace Publishing.Tests.Pdf;

/// <summary>The HTML vocabulary mapped onto blocks and laid out, checked on the frames (no PDF needed).</summary>
public class HtmlMappingTests
{
    private static readonly Theme Theme = ThemeLoader.Load(Path.Combine(FindRoot(), "templates"));
    private static readonly FontLibrary Fonts = new();
    private static readonly PdfDocumentInfo Info = new("t", "a", "s", "k", "zh-CN", DateTimeOffset.UnixEpoch);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "templates", "theme", "default.yaml"))) return dir.FullName;
        throw new DirectoryNotFoundException("repository root not found");
    }

    private static LayoutResult Lay(string body)
    {
        var mapped = HtmlToLayout.Map($"<html><body>{body}</body></html>", new PdfStyles(Theme, Fonts), Info);
        return DocumentLayout.Run(mapped.Document);
    }

    [Fact]
    public void Inline_markup_lists_and_line_breaks()
    {
        var result = Lay("""
            <section class="part"><h1 class="part-title" id="part-1"><span class="part-number">第一部分</span> <span class="part-name">总则</span></h1>
            <section class="section"><h2 id="s1">一、目标</h2>
            <p>普通<strong>加粗</strong>文字<br>第二行<a href="#s1">链接</a></p>
            <ol><li>第一项</li><li>第二项</li></ol>
            <ul><li>要点</li><li><p>松散项</p><p>续段</p></li></ul>
            </section></section>
            """);
        var runs = result.Pages.SelectMany(p => p.Runs).ToList();
        runs.ShouldContain(r => r.Text == "加粗" && r.Face.Path.EndsWith("-Bold.ttf"));
        runs.ShouldContain(r => r.Text.StartsWith("普通") && !r.Face.Path.EndsWith("-Bold.ttf"));
        var firstLine = runs.First(r => r.Text.StartsWith("普通"));
        var secondLine = runs.First(r => r.Text.StartsWith("第二行"));
        secondLine.Baseline.ShouldBeGreaterThan(firstLine.Baseline, "<br> starts a new line");
        // A list item's marker and its text are runs of their own (Lbl and LBody in the tagged PDF), on one line.
        var lines = result.Pages.SelectMany(p => p.Runs.GroupBy(r => r.Baseline).Select(g => string.Concat(g.OrderBy(r => r.X).Select(r => r.Text)))).ToList();
        lines.ShouldContain("1. 第一项");
        lines.ShouldContain("2. 第二项");
        lines.ShouldContain("· 要点");
        lines.ShouldContain("· 松散项");
        lines.ShouldContain("续段");
        result.Pages.SelectMany(p => p.Items).OfType<Publishing.Layout.Frames.LinkMark>().ShouldContain(l => l.Target == "s1");
        var partNumber = runs.First(r => r.Text == "第一部分");
        var partName = runs.First(r => r.Text == "总则");
        partName.Baseline.ShouldBeGreaterThan(partNumber.Baseline, "part number above the part name");
        result.Anchors.Keys.ShouldContain("part-1");
        result.Anchors.Keys.ShouldContain("s1");
    }

    [Fact]
    public void Loose_items_keep_their_text_on_the_marker_line_and_nested_lists_are_indented()
    {
        // As Markdig writes them: line breaks between <li>, <p> and nested lists.
        var result = Lay("""
            <section class="part"><h1 class="part-title" id="part-1">第一部分</h1>
            <ol>
            <li>
            <p>第一项内容</p>
            <ol>
            <li>子项甲</li>
            </ol>
            </li>
            <li>
            <p>第二项内容</p>
            </li>
            </ol>
            </section>
            """);
        var lines = result.Pages.SelectMany(p => p.Runs)
            .GroupBy(r => Math.Round(r.Baseline, 1))
            .Select(g => (Text: string.Concat(g.OrderBy(r => r.X).Select(r => r.Text)).Replace(" ", ""), Left: g.Min(r => r.X)))
            .ToList();
        lines.ShouldContain(l => l.Text == "1.第一项内容");
        lines.ShouldContain(l => l.Text == "2.第二项内容");
        var outer = lines.Single(l => l.Text == "1.第一项内容");
        var inner = lines.Single(l => l.Text == "1.子项甲");
        inner.Left.ShouldBe(outer.Left + 2 * Theme.Body.SizePt, 0.5);
    }

    [Fact]
    public void A_full_body_page_holds_22_lines_of_28_characters()
    {
        var text = string.Concat(Enumerable.Repeat("国", 28 * 30));
        var result = Lay($"<section class=\"part\"><p>{text}</p></section>");
        var first = result.Pages[0].Runs.Where(r => r.Size == 16 && r.Text.StartsWith('国')).ToList();
        first.Select(r => r.Baseline).Distinct().Count().ShouldBe(22);
        first.Skip(1).First().Text.Length.ShouldBe(28, "a full line after the indented first one");
    }

    [Fact]
    public void Whitespace_between_Chinese_characters_from_source_line_breaks_disappears()
    {
        var result = Lay("<section class=\"part\"><p>第一句\n  第二句 and English words</p></section>");
        var text = string.Concat(result.Pages.SelectMany(p => p.Runs).Select(r => r.Text));
        text.ShouldContain("第一句第二句 and English words");
    }

    [Fact]
    public void A_missing_glyph_in_a_table_cell_is_located_by_its_row()
    {
        var html = """
            <html><body><section class="part"><table class="indicator-table"><thead><tr><th>一级指标</th><th>指标值</th></tr></thead>
            <tbody><tr data-src="content/doc/data/indicators.csv:7"><td>产出指标</td><td>≥90 🩰</td></tr></tbody></table></section></body></html>
            """;
        using var stream = new MemoryStream();
        var diagnostics = PdfRenderer.Render(html, Theme, Info, stream);
        var warning = diagnostics.Single();
        warning.Code.ShouldBe("PUB4001");
        warning.Path.ShouldBe("content/doc/data/indicators.csv");
        warning.Line.ShouldBe(7);
        warning.Message.ShouldContain("U+1FA70");
        stream.Length.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void A_font_file_that_cannot_be_read_is_an_error_not_an_exception()
    {
        var theme = ThemeLoader.Load(Path.Combine(FindRoot(), "templates"));
        theme.Fonts["serif"].Regular = new List<string> { "fonts/no-such-font.ttf" };
        using var stream = new MemoryStream();
        var diagnostics = PdfRenderer.Render("<html><body><p>正文</p></body></html>", theme, Info, stream);
        diagnostics.ShouldContain(d => d.IsError && d.Code == "PUB4105" && d.Message.Contains("no-such-font.ttf"));
        stream.Length.ShouldBe(0);
    }

    [Fact]
    public void Headings_take_the_style_of_their_numbering_level()
    {
        var result = Lay("""
            <section class="part"><section class="section">
            <h2 id="a" class="numbering-level-1">一、甲</h2><p>正文</p>
            <h3 id="b" class="numbering-level-2">（一）乙</h3><p>正文</p>
            </section></section>
            """);
        var runs = result.Pages.SelectMany(p => p.Runs).ToList();
        runs.First(r => r.Text == "一、甲").Face.Path.ShouldEndWith("NotoSansSC-Regular.ttf");   // 黑体
        runs.First(r => r.Text == "（一）乙").Face.Path.ShouldEndWith("NotoSerifSC-Bold.ttf");   // 楷体 stand-in
    }

    [Fact]
    public void A_toc_entry_whose_target_is_missing_is_a_located_warning()
    {
        using var stream = new MemoryStream();
        var diagnostics = PdfRenderer.Render("""
            <html><body>
            <nav class="toc"><h1 class="toc-title">目录</h1><ol>
            <li class="toc-part"><a href="#part-1">第一部分</a><ol><li class="toc-entry"><a href="#nowhere">三、保障措施</a></li></ol></li>
            </ol></nav>
            <section class="part"><h1 class="part-title" id="part-1">第一部分</h1><p>正文</p></section>
            </body></html>
            """, Theme, Info, stream);
        var warning = diagnostics.Single(d => d.Code == Publishing.Diagnostics.DiagnosticCodes.TocTargetMissing);
        warning.Path.ShouldBe("index.html");
        (warning.Line, warning.Column).ShouldBe((3, 74), "the entry's link in the assembled HTML (no template marks here)");
        warning.Message.ShouldContain("“三、保障措施”指向 #nowhere");
    }
}
