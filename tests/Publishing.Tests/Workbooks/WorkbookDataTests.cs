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
}
