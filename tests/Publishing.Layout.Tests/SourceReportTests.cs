using Publishing.Layout.Flow;
using Publishing.Layout.Frames;
using Publishing.Layout.Pages;
using Publishing.Layout.Tables;
using Publishing.Layout.Text;

namespace Publishing.Layout.Tests;

/// <summary>
/// The engine carries each block's, row's and span's source without reading it and hands it back in what it
/// reports: the very object the caller gave, for a cell's value cut where no break is allowed, a character no font
/// has in a span without a source of its own, a row taller than a page (its tallest cell's), a page of its own that
/// does not fit, and a 目录 line whose target is nowhere.
/// </summary>
public sealed class SourceReportTests
{
    private sealed record Where(string Name);

    private static TextStyle Small => new(TestFonts.Serif, 10.5, Rgb.Black);

    private static Paragraph Cell(string text, object source) =>
        new(new[] { new TextSpan(text, Small) }, new ParagraphStyle { LinePitch = 15, MinLinesAtBreak = 1, ReportsOverflow = true }) { Source = source };

    private static LayoutResult Lay(params Block[] blocks)
    {
        using var stream = new MemoryStream();
        return DocumentRenderer.RenderPdf(TestDocuments.Of(new DocumentSection(new Stack(blocks), PageNumbering.RestartAtOne)), stream);
    }

    [Fact]
    public void A_cut_value_and_a_missing_character_come_back_with_their_block_s_source()
    {
        var cell = new Where("cell");
        var narrow = new Table(new[] { new TableColumn { Points = 60 }, new TableColumn() }, Array.Empty<TableRow>(),
            new[] { new TableRow(new[] { new TableCell(Cell("20230701202401011234567890", cell)), new TableCell(Cell("说明", new Where("other"))) }) },
            new TableStyle());
        var paragraph = new Where("paragraph");
        var text = new Paragraph(new[] { new TextSpan("笑脸😀。", TestFonts.Body()) }, new ParagraphStyle()) { Source = paragraph };

        var result = Lay(narrow, text);

        result.Overflows.ShouldHaveSingleItem().Source.ShouldBeSameAs(cell);
        result.Missing.ShouldHaveSingleItem().Source.ShouldBeSameAs(paragraph, "a span without a source of its own: its block's");
    }

    [Fact]
    public void A_row_taller_than_a_page_is_reported_once_at_its_tallest_cell()
    {
        var tallest = new Where("tallest");
        var row = new Where("row");
        var table = new Table(new[] { new TableColumn(0.5), new TableColumn(0.5) }, Array.Empty<TableRow>(),
            new[]
            {
                new TableRow(new[] { new TableCell(Cell("短", new Where("short"))), new TableCell(Cell(string.Concat(Enumerable.Repeat("很长的说明文字。", 400)), tallest)) })
                    { Source = row },
                new TableRow(new[] { new TableCell(Cell("下一行", new Where("next"))), new TableCell(Cell("短", new Where("short2"))) }),
            },
            new TableStyle());

        var result = Lay(table);

        result.Pages.Count.ShouldBeGreaterThan(1);
        var tall = result.TooTall.ShouldHaveSingleItem();
        tall.Source.ShouldBeSameAs(tallest);
        tall.Text.ShouldStartWith("很长的说明文字。");
    }

    [Fact]
    public void A_page_of_its_own_that_does_not_fit_is_reported_with_its_source()
    {
        var cover = new Where("cover");
        var lines = Enumerable.Range(0, 80).Select(i => (Block)new Paragraph($"封面第 {i} 行", TestFonts.Body(), new ParagraphStyle { LinePitch = 20 })).ToList();
        var fits = new FillPage(new Stack(new Paragraph("标题", TestFonts.Body(), new ParagraphStyle())), new Stack()) { Source = new Where("fits") };
        var overfull = new FillPage(new Stack(lines), new Stack(new Paragraph("编制", TestFonts.Body(), new ParagraphStyle()))) { Source = cover };

        Lay(fits).TooTall.ShouldBeEmpty();
        Lay(overfull).TooTall.ShouldHaveSingleItem().Source.ShouldBeSameAs(cover);
    }

    [Fact]
    public void A_leader_line_whose_target_is_nowhere_comes_back_with_its_source_and_the_others_do_not()
    {
        var entry = new Where("entry");
        var style = new ParagraphStyle { LinePitch = 20 };
        var missing = new LeaderLine(new[] { new TextSpan("三、保障措施", TestFonts.Body()) }, "nowhere", TestFonts.Body(), style) { Source = entry };
        var found = new LeaderLine(new[] { new TextSpan("一、总体目标", TestFonts.Body()) }, "h1", TestFonts.Body(), style) { Source = new Where("found") };
        var heading = new Paragraph("一、总体目标", TestFonts.Body(), style) { Anchor = "h1" };

        var result = Lay(found, missing, new PageBreak(), heading);

        result.UnresolvedTargets.ShouldBe(new[] { new UnresolvedTarget("nowhere", "三、保障措施", entry) });
        result.Pages.SelectMany(p => p.Items).OfType<GlyphRun>().Any(r => r.Text == "0").ShouldBeTrue("its number prints 0");
    }
}
