using Publishing.Layout.Flow;
using Publishing.Layout.Frames;
using Publishing.Layout.Pages;
using Publishing.Layout.Tables;

namespace Publishing.Layout.Tests;

public class TableTests
{
    [Fact]
    public void Planner_places_cells_around_row_spans()
    {
        TableCell C(int rowSpan = 1, int colSpan = 1) => new(new SolidBox("x", 1), rowSpan, colSpan);
        var rows = new[]
        {
            new TableRow(new[] { C(rowSpan: 3), C(rowSpan: 2), C(), C() }),
            new TableRow(new[] { C(colSpan: 2) }),
            new TableRow(new[] { C(), C(), C() }),
        };
        var (cells, rowCount, columns) = TablePlanner.Plan(rows, 0, false);
        rowCount.ShouldBe(3);
        columns.ShouldBe(4);
        cells.Select(c => (c.Row, c.Column, c.RowSpan, c.ColSpan)).ShouldBe(new[]
        {
            (0, 0, 3, 1), (0, 1, 2, 1), (0, 2, 1, 1), (0, 3, 1, 1),
            (1, 2, 1, 2),
            (2, 1, 1, 1), (2, 2, 1, 1), (2, 3, 1, 1),
        });
    }

    [Fact]
    public void Automatic_columns_keep_short_values_on_one_line()
    {
        var context = new LayoutContext();
        var table = TestDocuments.IndicatorTable(5, 1, 2);
        var plan = table.PlanFor(context, 442);
        plan.ColumnWidths.Sum().ShouldBe(442, 0.01);
        var valueCells = plan.BodyCells.Where(c => c.Column == 4).ToList();
        foreach (var cell in valueCells)
            plan.Contents[cell].Items.OfType<GlyphRun>().Select(r => r.Baseline).Distinct().Count().ShouldBe(1, "≥90 百分比 stays on one line");
    }

    [Fact]
    public void Fractions_fix_column_widths()
    {
        var table = new Table(new[] { new TableColumn(0.25), new TableColumn(0.75) }, Array.Empty<TableRow>(),
            new[] { new TableRow(new[] { new TableCell(TestDocuments.Cell("甲")), new TableCell(TestDocuments.Cell("乙")) }) }, new TableStyle());
        table.PlanFor(new LayoutContext(), 400).ColumnWidths.ShouldBe(new[] { 100.0, 300.0 });
    }

    [Fact]
    public void Eighty_rows_with_a_thirty_row_group_across_a_page_break()
    {
        // 80 rows; the 二级 group of rows 20..49 crosses at least one page break (about 35 rows fit a page).
        var table = TestDocuments.IndicatorTable(80, 20, 30);
        var doc = TestDocuments.Of(new DocumentSection(new Stack(new Flow.SolidBox("above", 300), table), PageNumbering.RestartAtOne));
        var result = DocumentLayout.Run(doc);
        result.Pages.Count.ShouldBeGreaterThan(2);
        var texts = result.Pages.Select(p => p.Runs.Select(r => r.Text).ToList()).ToList();

        foreach (var page in texts) page.Count(t => t == "一级指标").ShouldBe(1, "the header repeats on every page");
        for (var r = 0; r < 80; r++)
            texts.Sum(page => page.Count(t => t == $"三级指标第{r}行")).ShouldBe(1, $"row {r} appears exactly once");

        var groupPages = texts.Select((page, i) => (page, i)).Where(p => p.page.Contains("质量指标（合并）")).Select(p => p.i).ToList();
        var rowPages = Enumerable.Range(20, 30).Select(r => texts.FindIndex(p => p.Contains($"三级指标第{r}行"))).Distinct().ToList();
        rowPages.Count.ShouldBeGreaterThan(1, "the group really crosses a page break");
        groupPages.ShouldBe(rowPages, "the merged cell's text is repeated on each page its rows reach");

        // The merged cell is a closed box on each page: a bottom border where the page breaks, a top one where it resumes.
        foreach (var pageIndex in rowPages)
        {
            var page = result.Pages[pageIndex];
            var label = page.Runs.First(r => r.Text == "质量指标（合并）");
            var lines = page.Items.OfType<LineMark>().ToList();
            var verticals = lines.Where(l => l.X1 == l.X2 && l.X1 < label.X && l.Y1 < label.Baseline && l.Y2 > label.Baseline).ToList();
            verticals.ShouldNotBeEmpty();
            var box = verticals.OrderByDescending(l => l.X1).First();
            lines.ShouldContain(l => l.Y1 == l.Y2 && Math.Abs(l.Y1 - box.Y1) < 0.01 && l.X1 <= box.X1 + 0.01, "top edge");
            lines.ShouldContain(l => l.Y1 == l.Y2 && Math.Abs(l.Y1 - box.Y2) < 0.01 && l.X1 <= box.X1 + 0.01, "bottom edge");
        }
    }

    [Fact]
    public void A_table_does_not_leave_its_header_alone_at_the_foot_of_a_page()
    {
        var table = TestDocuments.IndicatorTable(3, 0, 1);
        var fragment = table.Layout(new LayoutContext(), 442, 30, null, atPageTop: false);
        fragment.Fit.ShouldBe(Fit.Nothing);
    }
}

public class TableRowSplitTests
{
    [Fact]
    public void A_row_taller_than_a_page_is_split_and_no_line_is_lost()
    {
        var longText = string.Concat(Enumerable.Repeat(Corpus.Paragraphs[1], 30));
        var body = new[]
        {
            new TableRow(new[] { new TableCell(TestDocuments.Cell("短行")), new TableCell(TestDocuments.Cell("短行值")) }),
            new TableRow(new[] { new TableCell(TestDocuments.Cell("长行")), new TableCell(new Paragraph(longText, new Text.TextStyle(TestFonts.Serif, 10.5, Rgb.Black), new ParagraphStyle { LinePitch = 15 })) }),
        };
        var header = new TableRow(new[] { new TableCell(TestDocuments.Cell("名称", true)), new TableCell(TestDocuments.Cell("内容", true)) });
        var table = new Table(new[] { new TableColumn(0.2), new TableColumn(0.8) }, new[] { header }, body, new TableStyle());
        var result = DocumentLayout.Run(TestDocuments.Of(new DocumentSection(table, PageNumbering.RestartAtOne)));
        result.Pages.Count.ShouldBeGreaterThan(1);
        var page = TestDocuments.Page;
        foreach (var p in result.Pages)
        {
            p.Runs.Count(r => r.Text == "名称").ShouldBe(1, "header on every page");
            p.Runs.Where(r => r.Size == 10.5).ShouldAllBe(r => r.Baseline <= page.MarginTop + page.BodyHeight, "nothing below the text block but the footer");
        }
        var text = string.Concat(result.Pages.SelectMany(p => p.Runs).Where(r => r.Size == 10.5 && r.Text != "名称" && r.Text != "内容" && !r.Text.StartsWith("短") && r.Text != "长行").Select(r => r.Text));
        text.ShouldBe(longText);
    }
}

public class TableGroupTests
{
    [Fact]
    public void A_small_row_group_at_the_foot_of_a_page_moves_on_whole()
    {
        // Rows 0-9 under one 一级 cell; the 3-row 二级 group at rows 6-8 would straddle the break.
        var table = TestDocuments.IndicatorTable(10, 6, 3);
        var context = new LayoutContext();
        var plan = table.PlanFor(context, 442);
        var header = plan.HeaderRows.Sum();
        var height = header + plan.BodyRows.Take(7).Sum() + 1;   // room for rows 0-6 only
        var fragment = table.Layout(context, 442, height, null, atPageTop: false);
        fragment.Fit.ShouldBe(Fit.Partial);
        fragment.Resume.ShouldBe(6, "the break moves before the group instead of after its first row");
        var texts = fragment.Items.OfType<GlyphRun>().Select(r => r.Text).ToList();
        texts.ShouldNotContain("质量指标（合并）");
        texts.ShouldContain("一级0", "the large group still crosses the break");
    }
}

public class AutomaticWidthTests
{
    private const string Url = "https://www.example.gov.cn/xinfang/2021/notice/attachments/a-very-long-path-without-any-break/index.html?id=12345678901234567890";

    private static Table UrlTable() => new(
        Enumerable.Range(0, 5).Select(_ => new TableColumn()).ToList(),
        new[] { new TableRow(new[] { "一级指标", "二级指标", "三级指标", "指标值", "指标值确定依据" }.Select(t => new TableCell(TestDocuments.Cell(t, true))).ToList()) },
        new[]
        {
            new TableRow(new[] { "产出指标", "数量指标", "信访事项办理情况公开", "≥95%", Url }.Select(t => new TableCell(TestDocuments.Cell(t))).ToList()),
            new TableRow(new[] { "效益指标", "社会效益指标", "群众满意度", "≥90%", "年度工作计划" }.Select(t => new TableCell(TestDocuments.Cell(t))).ToList()),
        },
        new TableStyle { Padding = 4, MinContentCap = 8 * 10.5 });

    [Fact]
    public void A_long_url_breaks_anywhere_and_every_other_column_keeps_its_min_content_width()
    {
        var context = new LayoutContext();
        var table = UrlTable();
        var plan = table.PlanFor(context, 442);
        plan.ColumnWidths.Sum().ShouldBe(442, 0.01);
        for (var column = 0; column < 4; column++)
        {
            var minContent = plan.HeaderCells.Concat(plan.BodyCells).Where(c => c.Column == column)
                .Max(c => c.Cell.Content.IntrinsicWidths(context).Min) + 2 * table.Style.Padding;
            plan.ColumnWidths[column].ShouldBeGreaterThanOrEqualTo(minContent, $"column {column}");
        }
        // The header is not vertical: no header line holds a single character.
        foreach (var cell in plan.HeaderCells)
            plan.Contents[cell].Items.OfType<GlyphRun>().ShouldAllBe(r => r.Text.Length >= 2);
        // The URL is cut into lines that stay inside its column, and none of it is lost.
        var urlCell = plan.BodyCells.Single(c => c.Column == 4 && c.Row == 0);
        var runs = plan.Contents[urlCell].Items.OfType<GlyphRun>().ToList();
        runs.Count.ShouldBeGreaterThan(1);
        string.Concat(runs.Select(r => r.Text)).ShouldBe(Url);
        runs.ShouldAllBe(r => r.Width <= plan.ColumnWidths[4] - 2 * table.Style.Padding + 0.01);
    }

    [Fact]
    public void Columns_share_the_space_where_it_saves_lines()
    {
        // Column 1 is long in one row only; HTML's rule gives it most of the space (it "wants" the most) while
        // column 0 wraps in every row. Balancing gives the space where it saves lines.
        var body = Enumerable.Range(0, 6).Select(i => new TableRow(new[]
        {
            new TableCell(TestDocuments.Cell($"第{i}项季度维稳任务完成进度情况")),
            new TableCell(TestDocuments.Cell(i == 0 ? "确保政治活动的顺利进行，促进全县社会的和谐稳定，维护社会正常秩序，为各大政治活动的正常开展提供良好的社会环境" : "良好")),
            new TableCell(TestDocuments.Cell("年度工作计划")),
        })).ToList();
        var table = new Table(new[] { new TableColumn(), new TableColumn(), new TableColumn() }, Array.Empty<TableRow>(), body, new TableStyle { Padding = 4 });
        var context = new LayoutContext();
        var plan = table.PlanFor(context, 300);
        var html = new Table(table.Columns, table.Header, table.Body, table.Style with { BalanceColumns = false }).PlanFor(context, 300);
        plan.BodyRows.Sum().ShouldBeLessThan(html.BodyRows.Sum() - 15, "balanced widths save lines over HTML's proportional rule");
        plan.ColumnWidths[2].ShouldBe(6 * 10.5 + 8 + 0.5, 1, "the short value's column is as wide as the value, not wider");
    }
}
