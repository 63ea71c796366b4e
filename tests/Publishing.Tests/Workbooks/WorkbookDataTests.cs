using Publishing.Tests.Support;
using UglyToad.PdfPig;

namespace Publishing.Tests.Workbooks;

/// <summary>
/// Workbooks as data beside CSV: the seed's tables kept in a workbook (merged 一级指标, money and percentages as
/// formatted numbers) print the same PDF as the CSVs; a bad cell is reported at its row and column with its
/// cell reference; a table given twice is an error naming both places.
/// </summary>
public sealed class WorkbookDataTests
{
    private static IReadOnlyList<string> PdfText(string output, string slug)
    {
        using var pdf = PdfDocument.Open(Path.Combine(output, slug, slug + ".pdf"));
        return pdf.GetPages().Select(p => p.Text).ToList();
    }

    [Fact]
    public void The_seed_as_a_workbook_with_merged_level1_and_formatted_numbers_prints_the_same_pdf_text_as_from_csv()
    {
        var (csvContent, _) = RepoPaths.CopyOfSample("seed");
        var (xlsxContent, xlsxDocument) = RepoPaths.CopyOfSample("seed");
        var workbook = CsvToWorkbook.Convert(xlsxDocument, "budget-text", "绩效目标表.xlsx", "一级指标", "二级指标");
        workbook.ToBytes().ShouldNotBeEmpty();
        Directory.GetFiles(Path.Combine(xlsxDocument, "data"), "*.csv").ShouldBeEmpty();
        File.ReadAllText(Path.Combine(xlsxDocument, "document.yaml")).ShouldContain("projects: data/绩效目标表.xlsx");

        var csvOut = RepoPaths.NewTempDirectory("seed-csv");
        var xlsxOut = RepoPaths.NewTempDirectory("seed-xlsx");
        var fromCsv = PublishingCommand.Run("build", csvContent, "--out", csvOut, "--templates", RepoPaths.Templates, "--format", "pdf");
        var fromXlsx = PublishingCommand.Run("build", xlsxContent, "--out", xlsxOut, "--templates", RepoPaths.Templates, "--format", "pdf");
        fromCsv.ExitCode.ShouldBe(0, fromCsv.Stderr);
        fromXlsx.ExitCode.ShouldBe(0, fromXlsx.Stderr);
        fromXlsx.DiagnosticLines.Count(l => l.Contains(": error ")).ShouldBe(0, fromXlsx.Stderr);

        var expected = PdfText(csvOut, "seed");
        var actual = PdfText(xlsxOut, "seed");
        actual.Count.ShouldBe(expected.Count);
        for (var i = 0; i < expected.Count; i++) actual[i].ShouldBe(expected[i], $"page {i + 1}");
        string.Concat(actual).ShouldContain("60.00");
        string.Concat(actual).ShouldContain("25.00");
    }

    [Fact]
    public void A_bad_cell_is_reported_at_its_row_and_column_with_its_cell_reference()
    {
        var (content, document) = RepoPaths.CopyOfSample("seed");
        var workbook = CsvToWorkbook.Convert(document, "budget-text", "绩效目标表.xlsx", "一级指标");
        // 预算数 of the project (row 2) typed as words.
        var projects = workbook["项目"];
        var budget = Array.IndexOf(projects.Rows[0].Values, "预算数");
        projects.Rows[1].Values[budget] = "六十万";
        workbook.Save(Path.Combine(document, "data", "绩效目标表.xlsx"));

        var result = PublishingCommand.Run("validate", content, "--templates", RepoPaths.Templates);
        result.ExitCode.ShouldBe(1, result.Stderr);
        var letter = TestWorkbook.ColumnName(budget + 1);
        var line = result.DiagnosticLines.ShouldHaveSingleItem(result.Stderr);
        line.ShouldContain($"绩效目标表.xlsx(2,{budget + 1}): error PUB2010:");
        line.ShouldContain("“预算数”应是金额数字");
        line.ShouldContain($"（工作表“项目”单元格 {letter}2）");
    }

    [Fact]
    public void A_workbook_is_cached_like_a_csv_and_an_edited_cell_shows_in_the_pdf_and_on_the_change_page()
    {
        var (content, document) = RepoPaths.CopyOfSample("seed");
        var workbook = CsvToWorkbook.Convert(document, "budget-text", "绩效目标表.xlsx", "一级指标");
        var output = RepoPaths.NewTempDirectory("seed-xlsx");
        PublishingCommand.Run("build", content, "--out", output, "--templates", RepoPaths.Templates).ExitCode.ShouldBe(0);
        var again = PublishingCommand.Run("build", content, "--out", output, "--templates", RepoPaths.Templates);
        again.Stdout.ShouldContain("无变化 ", customMessage: again.Stdout);
        again.Stdout.Split('\n').ShouldNotContain(l => l.StartsWith("已生成 ", StringComparison.Ordinal) && l.TrimEnd().EndsWith("/seed/", StringComparison.Ordinal), again.Stdout);

        var projects = workbook["项目"];
        foreach (var name in new[] { "预算数", "财政资金" })
            projects.Rows[1].Values[Array.IndexOf(projects.Rows[0].Values, name)] = new Num(72.5, "#,##0.00");
        workbook.Save(Path.Combine(document, "data", "绩效目标表.xlsx"));
        var edited = PublishingCommand.Run("build", content, "--out", output, "--templates", RepoPaths.Templates);
        edited.ExitCode.ShouldBe(0, edited.Stderr);
        edited.Stdout.Split('\n').ShouldContain(l => l.StartsWith("已生成 ", StringComparison.Ordinal) && l.TrimEnd().EndsWith("/seed/", StringComparison.Ordinal), edited.Stdout);
        string.Concat(PdfText(output, "seed")).ShouldContain("72.50");
        var changes = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(output, "seed", "changes.html")));
        changes.Body!.TextContent.ShouldContain("60.00");
        changes.Body!.TextContent.ShouldContain("72.50");
    }

    [Fact]
    public void A_table_given_both_in_a_csv_and_as_a_sheet_of_the_workbook_is_an_error_naming_both()
    {
        var (content, document) = RepoPaths.CopyOfSample("seed");
        CsvToWorkbook.Convert(document, "budget-text", "绩效目标表.xlsx", "一级指标");
        // projects back to the CSV, while the workbook the indicators come from still has its 项目 sheet.
        File.Copy(Path.Combine(RepoPaths.Sample, "data", "projects.csv"), Path.Combine(document, "data", "projects.csv"));
        var manifest = Path.Combine(document, "document.yaml");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("projects: data/绩效目标表.xlsx", "projects: data/projects.csv"));

        var result = PublishingCommand.Run("validate", content, "--templates", RepoPaths.Templates);
        result.ExitCode.ShouldBe(1, result.Stderr);
        var line = result.DiagnosticLines.ShouldHaveSingleItem(result.Stderr);
        line.ShouldContain("document.yaml(");
        line.ShouldContain("error PUB2045: 表 projects 给了两次：");
        line.ShouldContain("data/projects.csv 和 ");
        line.ShouldContain("绩效目标表.xlsx 的工作表“项目”");
    }

    [Fact]
    public void Reading_a_sheet_stops_at_the_first_row_past_the_row_limit_and_says_where()
    {
        var workbook = new TestWorkbook();
        var sheet = workbook.Sheet("指标").Row("项目编码", "一级指标");
        for (var i = 0; i < 50; i++) sheet.Row("P001", "产出指标");
        var diagnostics = new Publishing.Diagnostics.DiagnosticBag();
        using var opened = Publishing.Content.Workbooks.Workbook.Open(workbook.ToBytes(), "data/x.xlsx", diagnostics).ShouldNotBeNull();
        var limits = new Publishing.Content.ContentLimits(10, long.MaxValue, "templates/theme/default.yaml");
        opened.ReadTable(opened.Sheets[0], limits, diagnostics).ShouldBeNull();
        var error = diagnostics.Items.ShouldHaveSingleItem();
        error.Code.ShouldBe("PUB6001");
        (error.Path, error.Line).ShouldBe(("data/x.xlsx", 12)); // the header is row 1, the 11th data row is row 12
    }
}
