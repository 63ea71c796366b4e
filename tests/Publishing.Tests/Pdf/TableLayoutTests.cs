using Publishing.Layout.Fonts;
using Publishing.Layout.Frames;
using Publishing.Layout.Pages;
using Publishing.Rendering.Pdf;
using Publishing.Tests.Support;
using Publishing.Theming;
using UglyToad.PdfPig;

namespace Publishing.Tests.Pdf;

/// <summary>Table layout from the template (col widths, alignment, header and footer rows, row groups), read back from frames and the PDF.</summary>
public class TableLayoutTests
{
    private static readonly Theme Theme = ThemeLoader.Load(RepoPaths.Templates);
    private static readonly FontLibrary Fonts = new();
    private static readonly PdfDocumentInfo Info = new("t", "a", "s", "k", "zh-CN", DateTimeOffset.UnixEpoch);
    private const double Mm = 72 / 25.4;
    private static double Left => Theme.Page.MarginLeftMm * Mm;
    private static double Padding => Theme.Table.PaddingMm * Mm;

    private static (LayoutResult Layout, IReadOnlyList<Diagnostics.Diagnostic> Diagnostics) Lay(string body)
    {
        var mapped = HtmlToLayout.Map($"<html><body><section class=\"part\">{body}</section></body></html>", new PdfStyles(Theme, Fonts), Info);
        return (DocumentLayout.Run(mapped.Document), mapped.Diagnostics);
    }

    /// <summary>x of every vertical border line on a page, left to right.</summary>
    private static List<double> ColumnEdges(PageFrame page) =>
        page.Items.OfType<LineMark>().Where(l => Math.Abs(l.X1 - l.X2) < 0.01 && !l.Dotted).Select(l => Math.Round(l.X1, 2)).Distinct().Order().ToList();

    [Fact]
    public void Col_widths_in_mm_percent_and_weights_land_within_half_a_millimetre_in_the_PDF()
    {
        // 156 mm: 30 mm, 25 % (39 mm), and the 87 mm left shared 1 : 2 (29 mm, 58 mm).
        var html = """
            <html><body><section class="part"><table><colgroup><col style="width:30mm"><col style="width:25%"><col data-weight="1"><col data-weight="2"></colgroup>
            <thead><tr><th>甲</th><th>乙</th><th>丙</th><th>丁</th></tr></thead>
            <tbody><tr><td>一段很长很长的文字，足以让自动宽度想要更多的空间，一段很长很长的文字</td><td>短</td><td>短</td><td>短</td></tr></tbody></table></section></body></html>
            """;
        using var stream = new MemoryStream();
        PdfRenderer.Render(html, Theme, Info, stream).ShouldBeEmpty();
        stream.Position = 0;
        using var pdf = PdfDocument.Open(stream);
        var page = pdf.GetPage(1);
        // Vertical borders in the PDF: straight segments whose x does not change.
        var xs = page.Paths
            .SelectMany(p => p.SelectMany(sub => sub.Commands.OfType<UglyToad.PdfPig.Core.PdfSubpath.Line>()))
            .Where(l => Math.Abs(l.From.X - l.To.X) < 0.01 && Math.Abs(l.From.Y - l.To.Y) > 1)
            .Select(l => l.From.X).Select(x => Math.Round(x, 1)).Distinct().Order().ToList();
        var expected = new[] { 0, 30, 69, 98, 156 }.Select(mm => Left + mm * Mm).ToList();
        xs.Count.ShouldBe(expected.Count, $"borders at {string.Join(", ", xs)}");
        for (var i = 0; i < expected.Count; i++) Math.Abs(xs[i] - expected[i]).ShouldBeLessThan(0.5 * Mm, $"edge {i}");
    }

    [Fact]
    public void Alignment_from_classes_attributes_and_styles_is_honoured()
    {
        var (layout, _) = Lay("""
            <table><colgroup><col style="width:50%"><col style="width:50%"></colgroup><tbody>
            <tr><td class="align-right">右一</td><td align="left">左二</td></tr>
            <tr align="right"><td>行右</td><td style="text-align: center">居中</td></tr>
            <tr><td class="valign-top">顶<br>顶<br>顶<br>顶</td><td valign="bottom">底</td></tr>
            <tr><td class="note&#9;  align-right num">第二个类</td><td style="color: red; text-align: right">样式第二项</td></tr>
            </tbody></table>
            """);
        var page = layout.Pages[0];
        var edges = ColumnEdges(page);
        var (x0, x1, x2) = (edges[0], edges[1], edges[2]);
        GlyphRun Run(string text) => page.Runs.Single(r => r.Text == text);
        (Run("右一").X + Run("右一").Width).ShouldBe(x1 - Padding, 0.6);
        Run("左二").X.ShouldBe(x1 + Padding, 0.6);
        (Run("行右").X + Run("行右").Width).ShouldBe(x1 - Padding, 0.6, "align on the row applies to its cells");
        (Run("居中").X + Run("居中").Width / 2).ShouldBe((x1 + x2) / 2, 0.6);
        Run("左二").X.ShouldBeLessThan(Run("居中").X);
        (Run("第二个类").X + Run("第二个类").Width).ShouldBe(x1 - Padding, 0.6, "any of the classes, separated by any white space");
        (Run("样式第二项").X + Run("样式第二项").Width).ShouldBe(x2 - Padding, 0.6, "any declaration of the style");
        x0.ShouldBe(Left, 0.01);
        var top = page.Runs.Where(r => r.Text == "顶").Min(r => r.Baseline);
        var bottom = page.Runs.Where(r => r.Text == "顶").Max(r => r.Baseline);
        Run("底").Baseline.ShouldBe(bottom, 0.6, "valign=bottom sits on the last line of the tallest cell");
        top.ShouldBeLessThan(bottom);
    }

    private static string LongTable(int rows, string? tfoot = null, string tbodyClass = "") =>
        $"""
        <table><colgroup><col style="width:20%"><col style="width:20%"><col style="width:30%"><col style="width:30%"></colgroup>
        <thead><tr><th rowspan="2">一级指标</th><th colspan="2">年度指标</th><th rowspan="2">备注</th></tr>
        <tr><th>指标值</th><th>计量单位</th></tr></thead>
        <tbody class="{tbodyClass}">{string.Concat(Enumerable.Range(1, rows).Select(i => $"<tr><td>指标{i}</td><td>{i}</td><td>件</td><td>说明{i}</td></tr>"))}</tbody>
        {tfoot}
        </table>
        """;

    [Fact]
    public void A_two_level_header_with_colspan_and_rowspan_repeats_on_every_page()
    {
        var (layout, _) = Lay(LongTable(120));
        var pages = layout.Pages.Where(p => p.Runs.Any(r => r.Text.StartsWith("指标"))).ToList();
        pages.Count.ShouldBeGreaterThan(2);
        foreach (var page in pages)
        {
            GlyphRun Run(string text) => page.Runs.Single(r => r.Text == text);
            var edges = ColumnEdges(page);
            edges.Count.ShouldBe(5);
            // 年度指标 spans columns 2-3 and sits above 指标值 and 计量单位; 一级指标 spans both header rows.
            var year = Run("年度指标");
            (year.X + year.Width / 2).ShouldBe((edges[1] + edges[3]) / 2, 0.6, "centred over its two columns");
            Run("指标值").Baseline.ShouldBeGreaterThan(year.Baseline);
            Run("计量单位").Baseline.ShouldBe(Run("指标值").Baseline, 0.01);
            Run("一级指标").Baseline.ShouldBeGreaterThan(year.Baseline, "centred over both header rows");
            Run("一级指标").Baseline.ShouldBeLessThan(Run("指标值").Baseline);
            var subHeader = Run("指标值").Baseline;
            page.Runs.Where(r => r.Text.StartsWith("指标") && r.Text != "指标值").ShouldAllBe(r => r.Baseline > subHeader);
        }
    }

    [Fact]
    public void A_footer_row_lands_once_at_the_tables_foot()
    {
        var (layout, _) = Lay(LongTable(120, """<tfoot><tr><td colspan="2">填表人：张三</td><td colspan="2">审核人：李四</td></tr></tfoot>"""));
        var withFooter = layout.Pages.Where(p => p.Runs.Any(r => r.Text == "填表人：张三")).ToList();
        withFooter.Count.ShouldBe(1, "the footer is drawn once, not on every page");
        var page = withFooter[0];
        page.ShouldBe(layout.Pages.Last(p => p.Runs.Any(r => r.Text.StartsWith("指标1"))), "on the table's last page");
        var signature = page.Runs.Single(r => r.Text == "填表人：张三");
        page.Runs.Where(r => r.Text.StartsWith("说明")).ShouldAllBe(r => r.Baseline < signature.Baseline);
        page.Runs.Single(r => r.Text == "说明120").Baseline.ShouldBeLessThan(signature.Baseline);
        page.Runs.Single(r => r.Text == "审核人：李四").Baseline.ShouldBe(signature.Baseline, 0.01);
    }

    [Fact]
    public void A_footer_that_does_not_fit_takes_the_last_row_with_it()
    {
        // Find how many rows fill the first page exactly, then ask for a footer: it must not stand alone.
        var (plain, _) = Lay(LongTable(200));
        var firstPageRows = plain.Pages[0].Runs.Count(r => r.Text.StartsWith("说明"));
        var (layout, _) = Lay(LongTable(firstPageRows, """<tfoot><tr><td colspan="4">合计</td></tr></tfoot>"""));
        layout.Pages.Count.ShouldBe(2);
        var second = layout.Pages[1];
        second.Runs.ShouldContain(r => r.Text == "合计");
        second.Runs.ShouldContain(r => r.Text == $"说明{firstPageRows}", "the last row keeps the footer company");
        second.Runs.ShouldContain(r => r.Text == "年度指标", "with the header repeated");
    }

    [Fact]
    public void A_keep_together_row_group_moves_to_the_next_page_whole()
    {
        var (plain, _) = Lay(LongTable(200));
        var firstPageRows = plain.Pages[0].Runs.Count(r => r.Text.StartsWith("说明"));
        var group = string.Concat(Enumerable.Range(1, 6).Select(i => $"<tr><td>组{i}</td><td>{i}</td><td>件</td><td>组内{i}</td></tr>"));
        var before = string.Concat(Enumerable.Range(1, firstPageRows - 3).Select(i => $"<tr><td>指标{i}</td><td>{i}</td><td>件</td><td>说明{i}</td></tr>"));
        var html = $"""
            <table><colgroup><col style="width:20%"><col style="width:20%"><col style="width:30%"><col style="width:30%"></colgroup>
            <thead><tr><th>一级指标</th><th>指标值</th><th>计量单位</th><th>备注</th></tr></thead>
            <tbody>{before}</tbody><tbody class="keep-together">{group}</tbody></table>
            """;
        var (layout, _) = Lay(html);
        layout.Pages[0].Runs.ShouldNotContain(r => r.Text.StartsWith("组内"));
        Enumerable.Range(1, 6).ShouldAllBe(i => layout.Pages[1].Runs.Any(r => r.Text == $"组内{i}"));

        var (split, _) = Lay(html.Replace("keep-together", "may-split"));
        split.Pages[0].Runs.ShouldContain(r => r.Text == "组内1", "a may-split group fills the page");
    }

    [Fact]
    public void A_row_with_more_cells_than_the_colgroup_is_a_located_warning_and_nothing_is_drawn_outside_the_table()
    {
        var (layout, diagnostics) = Lay("""
            <table><colgroup><col style="width:50%"><col style="width:50%"></colgroup><tbody>
            <tr data-src="data/indicators.csv:4"><td>一</td><td>二</td><td>三</td></tr></tbody></table>
            """);
        var warning = diagnostics.ShouldHaveSingleItem();
        warning.Code.ShouldBe("PUB4202");
        warning.Path.ShouldBe("data/indicators.csv");
        warning.Line.ShouldBe(4);
        warning.Message.ShouldContain("3 列");
        var page = layout.Pages[0];
        var right = Left + Theme.Page.BodyWidthMm * Mm;
        page.Items.OfType<LineMark>().ShouldAllBe(l => l.X1 <= right + 0.01 && l.X2 <= right + 0.01);
        page.Runs.ShouldAllBe(r => r.X + r.Width <= right);
    }
}

/// <summary>Automatic column widths on the sample's indicator tables, looked at as a reader would.</summary>
public class AutomaticTableWidthTests
{
    private static readonly Theme Theme = ThemeLoader.Load(RepoPaths.Templates);
    private static readonly Lazy<LayoutResult> Sample = new(() => DocumentLayout.Run(
        HtmlToLayout.Map(SampleDocument.Html, new PdfStyles(Theme, new FontLibrary()), new PdfDocumentInfo("t", "a", "s", "k", "zh-CN", DateTimeOffset.UnixEpoch)).Document));

    [Fact]
    public void No_table_cell_line_holds_a_single_character()
    {
        var lines = Sample.Value.Pages.SelectMany(p => p.Runs).Where(r => Math.Abs(r.Size - Theme.Table.SizePt) < 0.01).ToList();
        lines.ShouldNotBeEmpty();
        lines.Where(r => r.Text.Trim().Length == 1).Select(r => r.Text).ShouldBeEmpty();
    }

    [Fact]
    public void The_three_level_column_is_not_starved_while_the_basis_column_stays_wide_and_empty()
    {
        var size = Theme.Table.SizePt;
        var pad = 2 * Theme.Table.PaddingMm * 72 / 25.4;
        foreach (var page in Sample.Value.Pages.Where(p => p.Runs.Any(r => r.Text == "三级指标") && !p.Runs.Any(r => r.Text == "项目编码")))
        {
            var header = page.Runs.Single(r => r.Text == "三级指标").Baseline;
            var xs = page.Items.OfType<LineMark>().Where(l => Math.Abs(l.X1 - l.X2) < 0.01 && l.Y1 > header - 30).Select(l => Math.Round(l.X1, 1)).Distinct().Order().ToList();
            xs.Count.ShouldBe(7);
            var basis = xs[6] - xs[5];
            var third = xs[3] - xs[2];
            // 指标值确定依据 holds 年度工作计划 (6 characters) and no more than one spare character.
            basis.ShouldBeLessThan(7 * size + pad + 1);
            third.ShouldBeGreaterThanOrEqualTo(6 * size + pad, "三级指标 holds at least six characters a line (it wrapped five before)");
        }
    }
}
