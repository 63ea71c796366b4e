using Publishing.Layout.Frames;

namespace Publishing.Tests.Typesetting;

/// <summary>
/// Long tables in the generated stress document (an 85-row table with a 30-row 二级 group, eleven more projects)
/// and in every shipped example, checked on the page frames the PDF is drawn from: 续表 on every page a table
/// continues onto and nowhere else, the blank at a page's foot before a table continues at most the next row's
/// height plus two lines, no page ending with an indicator table's header row, and a caption that follows a table
/// on the same page a line clear of it.
/// </summary>
public class TableBreaksInDocumentsTests
{
    private const double Tolerance = 0.5;

    private static bool IsRule(FrameItem item) => item is LineMark l && l.Y1 == l.Y2;

    /// <summary>The lowest item of the text block (the page number aside), and whether it is a table's rule.</summary>
    private static (double Y, bool Table) Lowest(PageFrame page, double bodyBottom)
    {
        var items = page.Items.Where(i => Bottom(i) <= bodyBottom + Tolerance).ToList();
        if (items.Count == 0) return (0, false);
        var lowest = items.MaxBy(Bottom)!;
        return (Bottom(lowest), lowest is LineMark or RectMark);
    }

    private static double Bottom(FrameItem item) => item switch
    {
        LineMark l => Math.Max(l.Y1, l.Y2),
        RectMark r => r.Y + r.Height,
        GlyphRun g => g.Baseline,
        _ => 0,
    };

    private static double Top(FrameItem item) => item switch
    {
        LineMark l => Math.Min(l.Y1, l.Y2),
        RectMark r => r.Y,
        GlyphRun g => g.Baseline - 0.88 * g.Size,
        _ => double.MaxValue,
    };

    [Fact]
    public void Every_continuation_page_says_xubiao_and_no_other_page_does()
    {
        var continuations = 0;
        foreach (var document in LaidOutDocument.All)
        {
            var pages = document.Layout.Pages;
            var bodyBottom = document.Page.MarginTop + document.Page.BodyHeight;
            for (var i = 1; i < pages.Count; i++)
            {
                var first = pages[i].Items.Where(it => it is GlyphRun or LineMark or RectMark).MinBy(Top);
                var said = first is GlyphRun { Text: "续表" };
                // A page continues a table when the page before ends with a table's rule and this one starts with a table
                // (without a caption of its own: a new table's caption keeps with it).
                var startsWithTable = first is LineMark or RectMark
                                      || said && pages[i].Items.Where(it => it is not GlyphRun { Text: "续表" }).MinBy(Top) is LineMark or RectMark;
                var continues = Lowest(pages[i - 1], bodyBottom).Table && startsWithTable;
                said.ShouldBe(continues, $"{document.Name} page {i + 1}: continues a table {continues}, says 续表 {said}");
                if (continues) continuations++;
            }
        }
        continuations.ShouldBeGreaterThanOrEqualTo(6, "the stress document's long table crosses several pages");
    }

    [Fact]
    public void The_blank_before_a_table_continues_is_at_most_the_next_rows_height_plus_two_lines()
    {
        var measured = 0;
        var worst = (Excess: double.MinValue, Where: "");
        foreach (var document in LaidOutDocument.All)
        {
            var pages = document.Layout.Pages;
            var bodyBottom = document.Page.MarginTop + document.Page.BodyHeight;
            for (var i = 1; i < pages.Count; i++)
            {
                if (!pages[i].Runs.Any(r => r.Text == "续表")) continue;
                // The repeated header's foot: the rule under the 一级指标 label; the next row ends at the next rule below.
                var label = pages[i].Runs.FirstOrDefault(r => r.Text == "一级指标");
                if (label is null) continue;
                var rules = pages[i].Items.Where(IsRule).Select(it => Math.Round(((LineMark)it).Y1, 2)).Distinct().Order().ToList();
                var headerFoot = rules.First(y => y > label.Baseline);
                var rowFoot = rules.First(y => y > headerFoot + Tolerance);
                var blank = bodyBottom - Lowest(pages[i - 1], bodyBottom).Y;
                var excess = blank - (rowFoot - headerFoot + 2 * document.BodyPitch);
                measured++;
                if (excess > worst.Excess) worst = (excess, $"{document.Name} page {i}: blank {blank:0.0} pt, next row {rowFoot - headerFoot:0.0} pt");
            }
        }
        measured.ShouldBeGreaterThanOrEqualTo(5);
        worst.Excess.ShouldBeLessThanOrEqualTo(Tolerance, worst.Where);
    }

    [Fact]
    public void No_page_ends_with_a_header_row()
    {
        foreach (var document in LaidOutDocument.All)
            foreach (var (page, index) in document.Layout.Pages.Select((p, i) => (p, i)))
                foreach (var label in page.Runs.Where(r => r.Text == "一级指标"))
                {
                    var rules = page.Items.Where(IsRule).Select(it => ((LineMark)it).Y1).Distinct().Order().ToList();
                    var headerFoot = rules.First(y => y > label.Baseline);
                    rules.ShouldContain(y => y > headerFoot + Tolerance, $"{document.Name} page {index + 1}: a header row with no row under it");
                }
    }

    [Fact]
    public void A_caption_after_a_table_on_the_same_page_keeps_a_line_of_space_above_it()
    {
        var captions = 0;
        foreach (var document in LaidOutDocument.All)
            foreach (var (page, index) in document.Layout.Pages.Select((p, i) => (p, i)))
                foreach (var caption in page.Runs.Where(r => r.Size >= 17 && r.Text.EndsWith("表", StringComparison.Ordinal)))
                {
                    var top = caption.Baseline - 0.88 * caption.Size;
                    var tableAbove = page.Items.Where(IsRule).Select(it => ((LineMark)it).Y1).Where(y => y < top).DefaultIfEmpty(double.NaN).Max();
                    if (double.IsNaN(tableAbove)) continue;
                    captions++;
                    (top - tableAbove).ShouldBeGreaterThanOrEqualTo(document.BodyPitch, $"{document.Name} page {index + 1}: '{caption.Text}'");
                }
        captions.ShouldBeGreaterThan(5, "the stress document's projects follow each other's tables");
    }
}
