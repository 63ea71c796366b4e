using Publishing.Layout.Flow;
using Publishing.Layout.Frames;
using Publishing.Layout.Pages;
using Publishing.Layout.Tables;
using Publishing.Layout.Text;

namespace Publishing.Layout.Tests;

/// <summary>Builders for documents used by several tests.</summary>
public static class TestDocuments
{
    public static readonly PageSetup Page = PageSetup.A4Mm(37, 28, 156, 225);
    public static readonly DocumentMetadata Metadata = new("测试文档", "测试单位", "主题", "关键词", "zh-CN", new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public static LayoutDocument Of(params DocumentSection[] sections) =>
        new(Page, new PageFooter("— {page} —", TestFonts.Body(14), 7 * PageSetup.PointsPerMm), sections, Array.Empty<OutlineEntry>(), Metadata);

    public static Paragraph Cell(string text, bool bold = false) =>
        new(text, new TextStyle(bold ? TestFonts.SerifBold : TestFonts.Serif, 10.5, Rgb.Black), new ParagraphStyle { LinePitch = 15, Align = TextAlign.Center });

    /// <summary>
    /// An indicator table: header (一级, 二级, 三级, 描述, 指标值) and <paramref name="rows"/> body rows; rows
    /// [groupStart, groupStart+groupSize) share one 二级 cell "质量指标（合并）"; the 一级 column is one cell per 10 rows.
    /// </summary>
    public static Table IndicatorTable(int rows, int groupStart, int groupSize)
    {
        var header = new TableRow(new[] { "一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值" }.Select(t => new TableCell(Cell(t, true))).ToList());
        var body = new List<TableRow>();
        for (var r = 0; r < rows; r++)
        {
            var cells = new List<TableCell>();
            if (r % 10 == 0) cells.Add(new TableCell(Cell($"一级{r / 10}"), RowSpan: Math.Min(10, rows - r)));
            if (r == groupStart) cells.Add(new TableCell(Cell("质量指标（合并）"), RowSpan: groupSize));
            else if (r < groupStart || r >= groupStart + groupSize) cells.Add(new TableCell(Cell($"二级{r}")));
            cells.Add(new TableCell(Cell($"三级指标第{r}行")));
            cells.Add(new TableCell(Cell($"描述第{r}行，确保政治活动的顺利进行")));
            cells.Add(new TableCell(Cell("≥90 百分比")));
            body.Add(new TableRow(cells));
        }
        return new Table(new[] { new TableColumn(), new TableColumn(), new TableColumn(), new TableColumn(), new TableColumn() },
            new[] { header }, body, new TableStyle { Padding = 4, HeaderBackground = new Rgb(0xF2, 0xF2, 0xF2) });
    }
}
