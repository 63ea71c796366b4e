using System.Text;
using Publishing.Build;
using Publishing.Diagnostics;
using Publishing.Tests.Support;

namespace Publishing.Tests.Scale;

/// <summary>
/// The theme's size limits (limits: in templates/theme/default.yaml): a document past them fails with one
/// error at its content, before the templates run (rows, bytes) or as soon as the layout passes the page limit,
/// and nothing of it is written while the other documents build.
/// </summary>
public sealed class DocumentLimitsTests
{
    private static readonly string BaseDocument = Path.Combine(RepoPaths.Root, "tests", "Publishing.Tests", "Corpus", "_base");

    /// <summary>A fresh content folder holding a copy of the corpus's tiny document as doc/.</summary>
    private static (string Content, string Document) CopyOfBaseDocument()
    {
        var content = RepoPaths.NewTempDirectory("content");
        var document = Path.Combine(content, "doc");
        RepoPaths.CopyDirectory(BaseDocument, document);
        return (content, document);
    }

    /// <summary>The corpus's tiny document with an indicator file of <paramref name="rows"/> valid rows, generated here.</summary>
    private static void WriteDocumentWithIndicatorRows(string directory, int rows)
    {
        RepoPaths.CopyDirectory(BaseDocument, directory);
        var csv = new StringBuilder("项目编码,一级指标,二级指标,三级指标,绩效指标描述,指标值,指标值确定依据\n");
        var levels = new[] { "产出指标,数量指标", "效益指标,社会效益指标", "满意度指标,服务对象满意度指标" };
        for (var i = 0; i < rows; i++)
            csv.Append("P001,").Append(levels[i % 3]).Append(",接待来访批次").Append(i).Append(",全年接待群众来访批次,≥100 批次,年度工作计划\n");
        File.WriteAllText(Path.Combine(directory, "data", "indicators.csv"), csv.ToString());
    }

    private static string TemplatesWithLimits(string limitsYaml) => RepoPaths.TemplatesWithLimits(limitsYaml);

    [Fact]
    public void An_indicator_file_past_the_row_limit_fails_at_its_first_row_too_many_and_the_other_document_still_builds()
    {
        var content = RepoPaths.NewTempDirectory("content");
        WriteDocumentWithIndicatorRows(Path.Combine(content, "big"), 100_000);
        // A broken row far past the limit: reading stops at the first row too many, so it is never reached.
        var bigIndicators = Path.Combine(content, "big", "data", "indicators.csv");
        var lines = File.ReadAllLines(bigIndicators);
        lines[50_000] = "P001,产出指标,\"未闭合的引号";
        File.WriteAllLines(bigIndicators, lines);
        WriteDocumentWithIndicatorRows(Path.Combine(content, "small"), 30);
        var output = RepoPaths.NewTempDirectory("out");

        var result = new BatchBuilder(new BuildOptions(content, output, RepoPaths.Templates, OutputFormats.All))
            .Build(new[] { Path.Combine(content, "big"), Path.Combine(content, "small") }, new BatchOptions(Jobs: 1));

        var big = result.Documents.Single(d => d.Slug == "big");
        big.Status.ShouldBe(DocumentStatus.Failed);
        var error = big.Diagnostics.Where(d => d.IsError).ShouldHaveSingleItem();
        error.Code.ShouldBe(DiagnosticCodes.TooManyRows);
        error.Path.ShouldEndWith("big/data/indicators.csv");
        error.Line.ShouldBe(20_002);                 // the header, then 20,000 rows within the limit
        error.Message.ShouldContain("最多 20,000 行");
        error.Message.ShouldContain("后面的行不再读取");
        error.Message.ShouldContain("limits.max_rows_per_file");
        Directory.Exists(Path.Combine(output, "big")).ShouldBeFalse();

        var small = result.Documents.Single(d => d.Slug == "small");
        small.Status.ShouldBe(DocumentStatus.Built);
        File.Exists(Path.Combine(output, "small", "small.pdf")).ShouldBeTrue();
        File.ReadAllText(Path.Combine(output, "small", "index.html")).ShouldContain("接待来访批次29");
    }

    [Fact]
    public void A_project_file_past_a_lowered_row_limit_fails_at_its_first_row_too_many()
    {
        var (content, document) = CopyOfBaseDocument();
        var projects = new StringBuilder(File.ReadAllText(Path.Combine(document, "data", "projects.csv")));
        var indicators = new StringBuilder(File.ReadAllText(Path.Combine(document, "data", "indicators.csv")));
        foreach (var code in new[] { "P002", "P003" })
        {
            projects.Append(code).Append(",接访经费,10.00,8.00,2.00,保障接访工作正常开展。,25.00,50.00,75.00,确保接访工作顺利完成。\n");
            foreach (var row in File.ReadAllLines(Path.Combine(document, "data", "indicators.csv")).Skip(1))
                indicators.Append(code).Append(row["P001".Length..]).Append('\n');
        }
        File.WriteAllText(Path.Combine(document, "data", "projects.csv"), projects.ToString());
        File.WriteAllText(Path.Combine(document, "data", "indicators.csv"), indicators.ToString());
        var templates = TemplatesWithLimits("limits:\n  max_rows_per_file: 2\n");

        var diagnostics = new DiagnosticBag();
        new DocumentBuilder(new BuildOptions(content, RepoPaths.NewTempDirectory("out"), templates, OutputFormats.Html))
            .Validate(document, diagnostics);

        var errors = diagnostics.Sorted().Where(d => d.IsError).ToList();
        errors.Select(e => (e.Code, Path.GetFileName(e.Path), e.Line)).ShouldBe(new[]
        {
            (DiagnosticCodes.TooManyRows, "indicators.csv", 4),
            (DiagnosticCodes.TooManyRows, "projects.csv", 4),
        }, ignoreOrder: true);
    }

    [Fact]
    public void Content_past_the_size_limit_fails_at_its_largest_file()
    {
        var (content, document) = CopyOfBaseDocument();
        var markdown = Path.Combine(document, "sections", "01.md");
        var paragraph = string.Concat(Enumerable.Repeat("本局全年接待群众来访，确保信访工作正常开展。", 40));
        File.AppendAllText(markdown, "\n" + string.Join("\n\n", Enumerable.Repeat(paragraph, 900)) + "\n");  // ~1.4 MB
        var templates = TemplatesWithLimits("limits:\n  max_content_mb: 1\n");

        var diagnostics = new DiagnosticBag();
        new DocumentBuilder(new BuildOptions(content, RepoPaths.NewTempDirectory("out"), templates, OutputFormats.Html))
            .Validate(document, diagnostics);

        var error = diagnostics.Sorted().Where(d => d.IsError).ShouldHaveSingleItem();
        error.Code.ShouldBe(DiagnosticCodes.ContentTooLarge);
        error.Path.ShouldEndWith("doc/sections/01.md");
        error.Message.ShouldContain("超过了 1 MB 的上限");
    }

    [Fact]
    public void A_file_that_alone_passes_the_size_limit_is_never_read()
    {
        var (content, document) = CopyOfBaseDocument();
        // 1.2 MB of bytes that are not text: read, they would be PUB1003 (unknown encoding); unread, only the limit speaks.
        var indicators = Path.Combine(document, "data", "indicators.csv");
        File.WriteAllBytes(indicators, Enumerable.Repeat((byte)0xFF, 1_200_000).ToArray());
        var templates = TemplatesWithLimits("limits:\n  max_content_mb: 1\n");

        var diagnostics = new DiagnosticBag();
        new DocumentBuilder(new BuildOptions(content, RepoPaths.NewTempDirectory("out"), templates, OutputFormats.Html))
            .Validate(document, diagnostics);

        var error = diagnostics.Sorted().Where(d => d.IsError).ShouldHaveSingleItem();
        error.Code.ShouldBe(DiagnosticCodes.ContentTooLarge);
        error.Path.ShouldEndWith("doc/data/indicators.csv");
        error.Message.ShouldContain("1.1 MB");
    }

    [Fact]
    public void A_theme_that_lowers_the_page_limit_fails_a_longer_document_at_its_manifest_and_writes_no_pdf()
    {
        var (content, document) = RepoPaths.CopyOfSample();
        var output = RepoPaths.NewTempDirectory("out");
        var templates = TemplatesWithLimits("limits:\n  max_pages: 3\n");

        var diagnostics = new DiagnosticBag();
        var built = new DocumentBuilder(new BuildOptions(content, output, templates, OutputFormats.All)).Build(document, diagnostics);

        built.ShouldBeFalse();
        var error = diagnostics.Sorted().Where(d => d.IsError).ShouldHaveSingleItem();
        error.Code.ShouldBe(DiagnosticCodes.TooManyPages);
        error.Path.ShouldEndWith("doc/document.yaml");
        error.Line.ShouldBeGreaterThan(0);
        error.Message.ShouldContain("超过了 3 页的上限");
        Directory.Exists(Path.Combine(output, "doc")).ShouldBeFalse();

        // The same document within the default limit builds (the sample has more than 3 pages).
        var again = new DiagnosticBag();
        new DocumentBuilder(new BuildOptions(content, output, RepoPaths.Templates, OutputFormats.All)).Build(document, again).ShouldBeTrue();
        UglyToad.PdfPig.PdfDocument.Open(Path.Combine(output, "doc", "doc.pdf")).NumberOfPages.ShouldBeGreaterThan(3);
    }

    [Fact]
    public void A_document_within_a_tenth_of_the_page_limit_builds_with_a_warning_where_its_longest_piece_starts()
    {
        var (content, document) = RepoPaths.CopyOfSample();
        // A pasted appendix: many pages under one heading, the longest piece of the document.
        var section = Path.Combine(document, "sections", "03-safeguards.md");
        var lines = File.ReadAllLines(section).ToList();
        lines.AddRange(["", "## （九）附录", ""]);
        var heading = lines.Count - 1;                                                     // 1-based line of the heading
        for (var i = 0; i < 60; i++) lines.AddRange([string.Concat(Enumerable.Repeat("信访工作目标管理责任制的考核办法和各项记录。", 20)), ""]);
        File.WriteAllLines(section, lines);
        var output = RepoPaths.NewTempDirectory("out");
        var diagnostics = new DiagnosticBag();
        new DocumentBuilder(new BuildOptions(content, output, RepoPaths.Templates, OutputFormats.All)).Build(document, diagnostics).ShouldBeTrue();
        diagnostics.Sorted().ShouldNotContain(d => d.Code == DiagnosticCodes.NearPageLimit, "far below the default 2,000 pages");
        var pdf = UglyToad.PdfPig.PdfDocument.Open(Path.Combine(output, "doc", "doc.pdf"));
        var pages = pdf.NumberOfPages;
        var appendix = pdf.GetPages().First(p => p.Text.Contains("附录", StringComparison.Ordinal));
        var appendixPages = pdf.GetPages().Count(p => p.Number >= appendix.Number && p.Text.Contains("考核办法", StringComparison.Ordinal));
        appendixPages.ShouldBeGreaterThan(5);

        // A limit one page above the document's length: it still builds, and says how close it is, at the appendix.
        var near = new DiagnosticBag();
        var templates = TemplatesWithLimits($"limits:\n  max_pages: {pages + 1}\n");
        new DocumentBuilder(new BuildOptions(content, RepoPaths.NewTempDirectory("out"), templates, OutputFormats.All)).Build(document, near).ShouldBeTrue();
        var warning = near.Sorted().Single(d => d.Code == DiagnosticCodes.NearPageLimit);
        warning.IsError.ShouldBeFalse();
        warning.Path.ShouldEndWith("doc/sections/03-safeguards.md");
        (warning.Line, warning.Column).ShouldBe((heading, 1));
        warning.Message.ShouldContain($"PDF 有 {pages} 页，接近 {pages + 1} 页的上限；再多 2 页，PDF 就不会生成");
        warning.Message.ShouldContain($"共 {appendixPages} 页");
    }

    [Theory]
    [InlineData("max_rows_per_file", "0", "每个数据文件的行数上限应大于 0")]
    [InlineData("max_content_mb", "-1", "文档内容的大小上限（MB）应大于 0")]
    [InlineData("max_pages", "0", "PDF 的页数上限应大于 0")]
    [InlineData("max_pages", "many", "“many”应为整数")]
    public void A_limit_that_is_not_a_positive_whole_number_is_a_theme_error_at_its_value(string key, string value, string message)
    {
        var templates = TemplatesWithLimits($"limits:\n  {key}: {value}\n");
        var themeLines = File.ReadAllLines(Path.Combine(templates, "theme", "default.yaml"));
        var line = Array.FindIndex(themeLines, l => l.StartsWith($"  {key}:", StringComparison.Ordinal)) + 1;
        var (content, document) = CopyOfBaseDocument();

        var diagnostics = new DiagnosticBag();
        new DocumentBuilder(new BuildOptions(content, RepoPaths.NewTempDirectory("out"), templates, OutputFormats.Html))
            .Validate(document, diagnostics);

        var error = diagnostics.Sorted().Where(d => d.IsError).ShouldHaveSingleItem();
        error.Code.ShouldBe(DiagnosticCodes.ThemeInvalid);
        error.Path.ShouldEndWith("theme/default.yaml");
        error.Line.ShouldBe(line);
        error.Column.ShouldBe(key.Length + 5);       // two spaces, the key, ": ", 1-based
        error.Message.ShouldContain(message);
    }
}
