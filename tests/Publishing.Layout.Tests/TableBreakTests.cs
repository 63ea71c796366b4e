using Publishing.Layout.Flow;
using Publishing.Layout.Frames;
using Publishing.Layout.Pages;
using Publishing.Layout.Tables;
using Publishing.Layout.Text;

namespace Publishing.Layout.Tests;

/// <summary>
/// Where a long table breaks between pages, as a typesetter would: a merged group breaks where the page ends
/// (labels repeated), at least two of its rows on each side; the blank left at a page's foot before the table
/// continues is at most the next row's height plus two lines unless the form asks for more; 续表 above the repeated
/// header on every continuation page. Checked for every place the table can start on a page.
/// </summary>
public class TableBreakTests
{
    private const double MaxExtraBlank = 2 * 28.95;

    /// <summary>An indicator table (header + 85 rows) whose rows are one or three lines tall: a 30-row 二级 group
    /// at rows 20-49 and smaller groups after it (10, 15 and 10 rows).</summary>
    private static Table LongTable(int? keepRows = null)
    {
        var header = new TableRow(new[] { "一级指标", "二级指标", "三级指标", "指标值" }.Select(t => new TableCell(TestDocuments.Cell(t, true))).ToList());
        var groups = new[] { (0, 20, "数量指标"), (20, 30, "质量指标"), (50, 10, "时效指标"), (60, 15, "社会效益指标"), (75, 10, "满意度指标") };
        var body = new List<TableRow>();
        for (var r = 0; r < 85; r++)
        {
            var cells = new List<TableCell>();
            if (r == 0) cells.Add(new TableCell(TestDocuments.Cell("产出指标"), RowSpan: 60));
            if (r == 60) cells.Add(new TableCell(TestDocuments.Cell("效益指标"), RowSpan: 25));
            foreach (var (first, size, name) in groups)
                if (r == first) cells.Add(new TableCell(TestDocuments.Cell(name), RowSpan: size));
            var text = r % 3 == 0 ? $"第{r}行：确保政治活动的顺利进行，促进全县社会的和谐稳定，维护我县社会和谐稳定" : $"第{r}行";
            cells.Add(new TableCell(TestDocuments.Cell(text)));
            cells.Add(new TableCell(TestDocuments.Cell("≥90%")));
            body.Add(new TableRow(cells));
        }
        var columns = new[] { new TableColumn(0.15), new TableColumn(0.2), new TableColumn(0.5), new TableColumn(0.15) };
        return new Table(columns, new[] { header }, body, new TableStyle { Padding = 4, MaxExtraBlank = MaxExtraBlank }) { KeepRowsAtBreak = keepRows };
    }

    private static readonly ParagraphStyle CaptionStyle = new() { LinePitch = 18 };

    private static TableFlow Flow(Table table) =>
        new(table) { ContinuationCaption = new Paragraph("续表", TestDocuments.Cell("续表").Spans[0].Style, CaptionStyle) };

    /// <summary>The body rows on each page (by the text of their 三级 cell), the page's lowest border and the first row's height there.</summary>
    private static List<(List<int> Rows, double Bottom, PageFrame Frame)> Pages(Block above, Table table, out LayoutResult result)
    {
        result = DocumentLayout.Run(TestDocuments.Of(new DocumentSection(new Stack(above, Flow(table)), PageNumbering.RestartAtOne)));
        return result.Pages.Select(p => (
            p.Runs.Select(r => System.Text.RegularExpressions.Regex.Match(r.Text, "^第([0-9]+)行")).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value)).Distinct().ToList(),
            p.Items.OfType<LineMark>().Where(l => l.Y1 == l.Y2).Select(l => l.Y1).DefaultIfEmpty(0).Max(),
            p)).ToList();
    }

    public static IEnumerable<object[]> Starts() => Enumerable.Range(0, 24).Select(i => new object[] { 20.0 + i * 27.3 });

    [Theory]
    [MemberData(nameof(Starts))]
    public void A_group_breaks_where_the_page_ends_keeping_two_rows_each_side_and_a_small_blank(double above)
    {
        var table = LongTable();
        var plan = table.PlanFor(new LayoutContext(), TestDocuments.Page.BodyWidth);
        var pages = Pages(new SolidBox("above", above), table, out _).Where(p => p.Rows.Count > 0).ToList();
        pages.SelectMany(p => p.Rows).ShouldBe(Enumerable.Range(0, 85), "every row once, in order");
        var bodyBottom = TestDocuments.Page.MarginTop + TestDocuments.Page.BodyHeight;
        for (var i = 0; i + 1 < pages.Count; i++)
        {
            var last = pages[i].Rows[^1];
            var next = pages[i + 1].Rows[0];
            // Rows of a merged group on each side of the break: two at least, for every group the break crosses.
            foreach (var (first, size) in new[] { (0, 60), (60, 25), (0, 20), (20, 30), (50, 10), (60, 15), (75, 10) })
                if (first <= last && next < first + size)
                {
                    (last - first + 1).ShouldBeGreaterThanOrEqualTo(2, $"rows of group {first}+{size} before the break after row {last}");
                    (first + size - next).ShouldBeGreaterThanOrEqualTo(2, $"rows of group {first}+{size} after the break after row {last}");
                }
            // The blank at the page's foot: at most the next row's height plus two lines.
            var blank = bodyBottom - pages[i].Bottom;
            blank.ShouldBeLessThanOrEqualTo(plan.BodyRows[next] + MaxExtraBlank + 0.01,
                $"blank under row {last} on page {i + 1} (next row {next} is {plan.BodyRows[next]:0.#} tall)");
        }
    }

    [Fact]
    public void The_blank_rule_is_what_was_missing_a_group_no_longer_moves_on_whole()
    {
        // The 30-row group starting two rows above the page's foot: its first two rows stay, the labels repeat.
        var table = LongTable();
        var plan = table.PlanFor(new LayoutContext(), TestDocuments.Page.BodyWidth);
        var header = plan.HeaderRows.Sum();
        var available = header + plan.BodyRows.Take(22).Sum() + 1;
        var fragment = table.Layout(new LayoutContext(), TestDocuments.Page.BodyWidth, available, null, atPageTop: true);
        fragment.Resume.ShouldBe(22);
        fragment.Items.OfType<GlyphRun>().Select(r => r.Text).ShouldContain("质量指标");
        var rest = table.Layout(new LayoutContext(), TestDocuments.Page.BodyWidth, 700, 22, atPageTop: true);
        rest.Items.OfType<GlyphRun>().Select(r => r.Text).ShouldContain("质量指标", "its label repeated on the next page");
    }

    [Fact]
    public void One_row_of_a_group_never_stands_alone_at_a_page_foot()
    {
        var table = LongTable();
        var plan = table.PlanFor(new LayoutContext(), TestDocuments.Page.BodyWidth);
        var available = plan.HeaderRows.Sum() + plan.BodyRows.Take(21).Sum() + 1;     // room for row 20, the group's first, only
        var fragment = table.Layout(new LayoutContext(), TestDocuments.Page.BodyWidth, available, null, atPageTop: true);
        fragment.Resume.ShouldBe(20, "the group's first row goes on with the second");
    }

    [Fact]
    public void Rows_a_form_asks_to_keep_together_hold_whatever_blank_they_leave()
    {
        var table = LongTable(keepRows: 6);
        var plan = table.PlanFor(new LayoutContext(), TestDocuments.Page.BodyWidth);
        var available = plan.HeaderRows.Sum() + plan.BodyRows.Take(25).Sum() + 1;     // five rows of the group would fit
        var fragment = table.Layout(new LayoutContext(), TestDocuments.Page.BodyWidth, available, null, atPageTop: true);
        fragment.Resume.ShouldBe(20, "fewer than six rows of the group would be left: it goes on whole");
        LongTable().Layout(new LayoutContext(), TestDocuments.Page.BodyWidth, available, null, atPageTop: true).Resume.ShouldBe(25);
    }

    [Fact]
    public void Every_continuation_page_opens_with_its_caption_above_the_repeated_header()
    {
        var pages = Pages(new SolidBox("above", 100), LongTable(), out var result);
        result.Pages.Count.ShouldBeGreaterThan(3);
        for (var i = 0; i < result.Pages.Count; i++)
        {
            var runs = result.Pages[i].Runs.ToList();
            var caption = runs.Where(r => r.Text == "续表").ToList();
            var header = runs.Single(r => r.Text == "一级指标");
            if (i == 0) { caption.ShouldBeEmpty("the first page has the table's own caption, not 续表"); continue; }
            caption.Count.ShouldBe(1, $"page {i + 1}");
            caption[0].Baseline.ShouldBeLessThan(header.Baseline);
            caption[0].Baseline.ShouldBeLessThan(TestDocuments.Page.MarginTop + 18 + 0.01, "at the top of the text block");
            pages[i].Frame.Items.OfType<LineMark>().Min(l => Math.Min(l.Y1, l.Y2)).ShouldBeGreaterThan(caption[0].Baseline, "the table starts under it");
        }
    }

    [Fact]
    public void A_header_row_never_ends_a_page()
    {
        var table = LongTable();
        var plan = table.PlanFor(new LayoutContext(), TestDocuments.Page.BodyWidth);
        var fragment = Flow(table).Layout(new LayoutContext(), TestDocuments.Page.BodyWidth, plan.HeaderRows.Sum() + plan.BodyRows[0] - 1, null, atPageTop: false);
        fragment.Fit.ShouldBe(Fit.Nothing);
    }
}
