using BenchmarkDotNet.Attributes;
using Publishing.Layout.Flow;
using Publishing.Layout.Fonts;
using Publishing.Layout.Frames;
using Publishing.Layout.Pages;
using Publishing.Layout.Tables;
using Publishing.Layout.Text;

namespace Publishing.Benchmarks;

/// <summary>
/// Paginating one long indicator table (an 一级 cell spanning every 10 rows, a 二级 cell every 5): the time per
/// row should not grow with the table (issue 8: table planning scanned every cell on every page).
/// </summary>
[MemoryDiagnoser]
public class LongTableBenchmarks
{
    [Params(500, 4000)]
    public int Rows { get; set; }

    private LayoutDocument _document = null!;
    private readonly FontLibrary _fonts = new();

    [GlobalSetup]
    public void Setup()
    {
        var fontDir = Path.Combine(RepositoryRoot(), "templates", "fonts");
        var serif = _fonts.Chain("serif", [Path.Combine(fontDir, "NotoSerifSC-Regular.ttf"), Path.Combine(fontDir, "NotoSansSC-Regular.ttf")]);
        Paragraph Cell(string text) => new(text, new TextStyle(serif, 10.5, Rgb.Black), new ParagraphStyle { LinePitch = 15, Align = TextAlign.Center });
        var header = new TableRow(new[] { "一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值" }.Select(t => new TableCell(Cell(t))).ToList());
        var body = new List<TableRow>();
        for (var r = 0; r < Rows; r++)
        {
            var cells = new List<TableCell>();
            if (r % 10 == 0) cells.Add(new TableCell(Cell($"一级{r / 10}"), RowSpan: Math.Min(10, Rows - r)));
            if (r % 5 == 0) cells.Add(new TableCell(Cell($"二级{r / 5}"), RowSpan: Math.Min(5, Rows - r)));
            cells.Add(new TableCell(Cell($"三级指标第{r}行")));
            cells.Add(new TableCell(Cell($"描述第{r}行，确保政治活动的顺利进行")));
            cells.Add(new TableCell(Cell("≥90 百分比")));
            body.Add(new TableRow(cells));
        }
        var table = new Table(Enumerable.Range(0, 5).Select(_ => new TableColumn()).ToList(), [header], body, new TableStyle());
        var page = PageSetup.A4Mm(37, 28, 156, 225);
        _document = new LayoutDocument(page, new PageFooter("— {page} —", new TextStyle(serif, 14, Rgb.Black), 7 * PageSetup.PointsPerMm),
            [new DocumentSection(table, PageNumbering.Continue)], [],
            new DocumentMetadata("长表", "测试", "长表", "", "zh-CN", new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Benchmark]
    public int Paginate() => DocumentLayout.Run(_document).Pages.Count;

    [GlobalCleanup]
    public void Cleanup() => _fonts.Dispose();

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Publishing.sln"))) return directory.FullName;
        throw new InvalidOperationException("run from inside the repository");
    }
}
