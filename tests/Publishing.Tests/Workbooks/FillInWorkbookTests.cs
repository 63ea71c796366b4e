using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using ExcelDataReader;
using Publishing.Content;
using Publishing.Content.Workbooks;
using Publishing.Diagnostics;
using Publishing.Forms;
using Publishing.Model;
using Publishing.Tests.Support;
using UglyToad.PdfPig;
using Cell = DocumentFormat.OpenXml.Spreadsheet.Cell;

namespace Publishing.Tests.Workbooks;

/// <summary>
/// `publishing workbook --form …` for every shipped form: a schema-valid workbook (the Open XML SDK's validator),
/// read back by an independent reader (ExcelDataReader) with the form's columns as each table sheet's header;
/// drop-downs for enumerations and the framework's 一级/二级; number formats for money and percentages; a frozen
/// header. Filled in with the form's example document's data as an editor would type it (numbers as numbers under
/// the column's format) and put in data/, it builds to a PDF with the same text as the CSV files give.
/// </summary>
public sealed class FillInWorkbookTests
{
    public static TheoryData<string> ShippedForms()
    {
        var data = new TheoryData<string>();
        foreach (var name in new FormCatalog(RepoPaths.Templates).FormNames()) data.Add(name);
        return data;
    }

    private static Form LoadForm(string name) => new FormCatalog(RepoPaths.Templates).LoadForm(name, new DiagnosticBag()).ShouldNotBeNull();

    private static string Write(string form, string folder)
    {
        var path = Path.Combine(folder, form + "-填报.xlsx");
        var result = PublishingCommand.Run("workbook", "--form", form, "--out", path, "--templates", RepoPaths.Templates);
        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stdout.ShouldContain("已生成填报工作簿");
        return path;
    }

    [Theory]
    [MemberData(nameof(ShippedForms))]
    public void The_fill_in_workbook_is_valid_and_has_the_forms_columns_drop_downs_and_formats(string name)
    {
        var form = LoadForm(name);
        var path = Write(name, RepoPaths.NewTempDirectory("fill-in"));

        using (var document = SpreadsheetDocument.Open(path, false))
        {
            var errors = new OpenXmlValidator(FileFormatVersions.Office2010).Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
            errors.ShouldBeEmpty(string.Join("\n", errors));

            var workbookPart = document.WorkbookPart!;
            var sheets = workbookPart.Workbook.Sheets!.Elements<Sheet>().ToList();
            sheets[0].Name!.Value.ShouldBe("填写说明");
            foreach (var table in Form.TableNames.Select(form.Table).OfType<FormTable>().Where(t => t.Columns.Count > 0))
            {
                var sheet = sheets.Single(s => s.Name == TableSheets.SheetName(table.Name));
                var worksheet = ((WorksheetPart)workbookPart.GetPartById(sheet.Id!)).Worksheet;
                worksheet.Descendants<Pane>().Single().State!.Value.ShouldBe(PaneStateValues.Frozen);
                worksheet.Descendants<Pane>().Single().TopLeftCell!.Value.ShouldBe("A2");
                var validations = worksheet.Descendants<DataValidation>().ToList();
                var cellFormats = workbookPart.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
                var numberFormats = workbookPart.WorkbookStylesPart.Stylesheet.NumberingFormats?.Elements<NumberingFormat>()
                    .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!) ?? new Dictionary<uint, string>();
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    var column = table.Columns[i];
                    var letter = CellReferences.ColumnName(i + 1);
                    var validation = validations.Single(v => (v.SequenceOfReferences!.InnerText ?? "").StartsWith(letter + "2:", StringComparison.Ordinal));
                    validation.PromptTitle!.Value.ShouldBe(column.Name.Length <= 32 ? column.Name : column.Name[..31] + "…");
                    string? expectedList = column.Kind == ColumnKind.Enumeration ? string.Join(",", column.Values) : null;
                    if (expectedList is not null)
                    {
                        validation.Type!.Value.ShouldBe(DataValidationValues.List);
                        validation.Formula1!.Text.ShouldBe("\"" + expectedList + "\"");
                    }
                    if (column.Role == ColumnRole.Level1)
                    {
                        validation.Type!.Value.ShouldBe(DataValidationValues.List);
                        validation.Formula1!.Text.ShouldContain("产出指标");
                        validation.Formula1!.Text.ShouldContain("效益指标");
                    }
                    if (column.Role == ColumnRole.Level2)
                    {
                        validation.Type!.Value.ShouldBe(DataValidationValues.List);
                        validation.Formula1!.Text.ShouldContain("数量指标");
                    }
                    var style = worksheet.Descendants<Column>().Single(c => c.Min!.Value == i + 1).Style!.Value;
                    var formatId = cellFormats[(int)style].NumberFormatId?.Value ?? 0;
                    var code = numberFormats.TryGetValue(formatId, out var custom) ? custom : NumberFormats.BuiltInCode((int)formatId);
                    code.ShouldBe(column.Kind switch
                    {
                        ColumnKind.Money => "#,##0.00",
                        ColumnKind.Percent => "0.00%",
                        ColumnKind.Number => "General",
                        _ => "@",
                    }, $"{name}: {column.Name}");
                }
            }
        }

        // An independent reader sees the sheets and, on each table sheet, the form's column names as row 1.
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance); // ExcelDataReader asks for code page 1252
        using var stream = File.OpenRead(path);
        using var reader = ExcelReaderFactory.CreateReader(stream);
        var headers = new Dictionary<string, List<string>>();
        do
        {
            reader.Read().ShouldBeTrue();
            headers[reader.Name] = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i)?.ToString() ?? "").Where(s => s.Length > 0).ToList();
        } while (reader.NextResult());
        foreach (var table in Form.TableNames.Select(form.Table).OfType<FormTable>().Where(t => t.Columns.Count > 0))
            headers[TableSheets.SheetName(table.Name)].ShouldBe(table.Columns.Select(c => c.Name).ToList());
        headers["填写说明"].Single().ShouldContain(form.Title);
    }

    [Fact]
    public void The_same_form_gives_the_same_bytes()
    {
        var folder = RepoPaths.NewTempDirectory("fill-in");
        var first = File.ReadAllBytes(Write("budget-text", folder));
        Thread.Sleep(1100); // a zip entry's time has two-second steps: make a time stamp able to differ
        var again = File.ReadAllBytes(Write("budget-text", folder));
        again.SequenceEqual(first).ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(ShippedForms))]
    public void Filled_in_with_the_example_documents_data_and_put_in_data_it_builds_the_same_pdf_text(string name)
    {
        var example = Directory.GetDirectories(RepoPaths.Content)
            .First(d => FormOf(Path.Combine(d, "document.yaml")) == name);
        var form = LoadForm(name);
        var csvContent = RepoPaths.NewTempDirectory("fill-in-csv");
        RepoPaths.CopyDirectory(example, Path.Combine(csvContent, "doc"));
        var xlsxContent = RepoPaths.NewTempDirectory("fill-in-xlsx");
        var document = Path.Combine(xlsxContent, "doc");
        RepoPaths.CopyDirectory(example, document);

        var workbook = Write(name, Path.Combine(document, "data"));
        var manifest = Path.Combine(document, "document.yaml");
        var yaml = File.ReadAllText(manifest);
        var fileName = Path.GetFileName(workbook);
        using (var package = SpreadsheetDocument.Open(workbook, true))
        {
            foreach (var (table, relative) in TablePaths(yaml))
            {
                var csv = CsvTableReader.Read(File.ReadAllText(Path.Combine(document, relative)), relative, new DiagnosticBag()).ShouldNotBeNull();
                Fill(package, TableSheets.SheetName(table), form.Table(table)!, csv);
                File.Delete(Path.Combine(document, relative));
                yaml = yaml.Replace($"{table}: {relative}", $"{table}: data/{fileName}", StringComparison.Ordinal);
            }
        }
        File.WriteAllText(manifest, yaml);
        Directory.GetFiles(Path.Combine(document, "data"), "*.csv").ShouldBeEmpty();

        var csvOut = RepoPaths.NewTempDirectory("fill-in-csv-out");
        var xlsxOut = RepoPaths.NewTempDirectory("fill-in-xlsx-out");
        var fromCsv = PublishingCommand.Run("build", csvContent, "--out", csvOut, "--templates", RepoPaths.Templates, "--format", "pdf");
        var fromXlsx = PublishingCommand.Run("build", xlsxContent, "--out", xlsxOut, "--templates", RepoPaths.Templates, "--format", "pdf");
        fromCsv.ExitCode.ShouldBe(0, fromCsv.Stderr);
        fromXlsx.ExitCode.ShouldBe(0, fromXlsx.Stderr);
        using var expected = PdfDocument.Open(Path.Combine(csvOut, "doc", "doc.pdf"));
        using var actual = PdfDocument.Open(Path.Combine(xlsxOut, "doc", "doc.pdf"));
        actual.GetPages().Select(p => p.Text).ShouldBe(expected.GetPages().Select(p => p.Text));
    }

    private static string FormOf(string manifest)
    {
        if (!File.Exists(manifest)) return "";
        var line = File.ReadAllLines(manifest).FirstOrDefault(l => l.StartsWith("form:", StringComparison.Ordinal));
        return line is null ? FormCatalog.DefaultForm : line[5..].Split('#')[0].Trim();
    }

    private static IEnumerable<(string Table, string Relative)> TablePaths(string yaml)
    {
        foreach (var line in yaml.Split('\n'))
        {
            var trimmed = line.Trim().TrimStart('-').Trim();
            foreach (var table in Form.TableNames)
                if (trimmed.StartsWith(table + ": data/", StringComparison.Ordinal))
                    yield return (table, trimmed[(table.Length + 2)..].Split('#')[0].Trim());
        }
    }

    /// <summary>The CSV's rows typed into the sheet as an editor would: numbers as numbers (under the column's own format), text as text.</summary>
    internal static void Fill(SpreadsheetDocument package, string sheetName, FormTable table, CsvTable csv, string? mergedColumn = null)
    {
        var workbookPart = package.WorkbookPart!;
        var sheet = workbookPart.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        var worksheet = ((WorksheetPart)workbookPart.GetPartById(sheet.Id!)).Worksheet;
        var data = worksheet.GetFirstChild<SheetData>()!;
        var header = data.Elements<Row>().Single().Elements<Cell>().Select(c => c.InnerText).ToList();
        var columnStyles = worksheet.Descendants<Column>().ToDictionary(c => (int)c.Min!.Value, c => c.Style?.Value);
        var rowNumber = 2u;
        foreach (var record in csv.Rows)
        {
            var row = new Row { RowIndex = rowNumber };
            foreach (var field in csv.Header)
            {
                var text = record.Cells[field.Index].Text;
                if (text.Length == 0) continue;
                var position = header.IndexOf(field.Name) + 1;
                position.ShouldBeGreaterThan(0, $"{field.Name} is a column of the fill-in sheet {sheetName}");
                var cell = new Cell { CellReference = CellReferences.Of((int)rowNumber, position), StyleIndex = columnStyles[position] };
                var kind = table.Column(field.Name)?.Kind;
                if (kind == ColumnKind.Money)
                    cell.CellValue = new CellValue(double.Parse(text.Replace(",", ""), CultureInfo.InvariantCulture));
                else if (kind == ColumnKind.Percent)
                    cell.CellValue = new CellValue(double.Parse(text.TrimEnd('%'), CultureInfo.InvariantCulture) / 100);
                else
                {
                    cell.DataType = CellValues.InlineString;
                    cell.InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text) { Space = SpaceProcessingModeValues.Preserve });
                }
                row.Append(cell);
            }
            data.Append(row);
            rowNumber++;
        }
        if (mergedColumn is null || header.IndexOf(mergedColumn) is var merged && merged < 0) return;
        // Runs of equal values in the column become one merged range (the bureau's vertical 一级指标), the value kept in its top cell.
        var mergedField = csv.Header.Single(h => h.Name == mergedColumn).Index;
        var letter = CellReferences.ColumnName(merged + 1);
        var ranges = new List<MergeCell>();
        var rows = data.Elements<Row>().Skip(1).ToList();
        for (int start = 0, i = 1; i <= csv.Rows.Count; i++)
        {
            if (i < csv.Rows.Count && csv.Rows[i].Cells[mergedField].Text == csv.Rows[start].Cells[mergedField].Text) continue;
            if (i - start > 1)
            {
                ranges.Add(new MergeCell { Reference = $"{letter}{start + 2}:{letter}{i + 1}" });
                for (var r = start + 1; r < i; r++) rows[r].Elements<Cell>().Single(c => c.CellReference == $"{letter}{r + 2}").Remove();
            }
            start = i;
        }
        if (ranges.Count > 0) worksheet.InsertAfter(new MergeCells(ranges) { Count = (uint)ranges.Count }, data);
    }
}
