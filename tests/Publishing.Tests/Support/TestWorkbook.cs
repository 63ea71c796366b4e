using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Publishing.Tests.Support;

/// <summary>A number as Excel stores it, shown under a number format code (0.00%, #,##0.00, yyyy"年"m"月" …).</summary>
public sealed record Num(double Value, string Format = "General");

/// <summary>A formula with the value Excel last computed for it (null: saved without one).</summary>
public sealed record Formula(string Text, object? Cached);

/// <summary>An Excel error value (#DIV/0!, #N/A …) as a formula's result.</summary>
public sealed record ErrorValue(string Code, string FormulaText);

/// <summary>
/// Writes small .xlsx workbooks for tests with the Open XML SDK, as Excel would store them: strings in the
/// shared-string table, numbers with a style holding their number format, merged ranges, hidden rows and sheets,
/// formulas with or without a cached value. Independent of the product's own fill-in workbook writer.
/// </summary>
public sealed class TestWorkbook
{
    private readonly List<TestSheet> _sheets = new();

    public TestSheet this[string name] => _sheets.Single(s => s.Name == name);

    public TestSheet Sheet(string name, bool hidden = false)
    {
        var sheet = new TestSheet(name, hidden);
        _sheets.Add(sheet);
        return sheet;
    }

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, ToBytes(Path.GetExtension(path) == ".xlsm"));
    }

    public byte[] ToBytes(bool macroEnabled = false)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, macroEnabled ? SpreadsheetDocumentType.MacroEnabledWorkbook : SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            var strings = new List<string>();
            var formats = new List<string> { "General" };
            int StringIndex(string text)
            {
                var index = strings.IndexOf(text);
                if (index < 0) { strings.Add(text); index = strings.Count - 1; }
                return index;
            }
            uint StyleOf(string format)
            {
                var index = formats.IndexOf(format);
                if (index < 0) { formats.Add(format); index = formats.Count - 1; }
                return (uint)index;
            }

            var sheets = new Sheets();
            uint id = 1;
            foreach (var sheet in _sheets)
            {
                var part = workbookPart.AddNewPart<WorksheetPart>("rIdSheet" + id);
                var data = new SheetData();
                foreach (var (rowNumber, values, hidden) in sheet.Rows)
                {
                    var row = new Row { RowIndex = (uint)rowNumber };
                    if (hidden) row.Hidden = true;
                    for (var c = 0; c < values.Length; c++)
                    {
                        if (values[c] is null) continue;
                        var cell = new Cell { CellReference = ColumnName(c + 1) + rowNumber };
                        Fill(cell, values[c]!, StringIndex, StyleOf);
                        row.Append(cell);
                    }
                    data.Append(row);
                }
                var worksheet = new Worksheet(data);
                if (sheet.Merges.Count > 0)
                    worksheet.Append(new MergeCells(sheet.Merges.Select(m => new MergeCell { Reference = m })));
                part.Worksheet = worksheet;
                var entry = new Sheet { Name = sheet.Name, SheetId = id++, Id = workbookPart.GetIdOfPart(part) };
                if (sheet.Hidden) entry.State = SheetStateValues.Hidden;
                sheets.Append(entry);
            }
            workbookPart.Workbook = new Workbook(sheets);

            var shared = workbookPart.AddNewPart<SharedStringTablePart>("rIdStrings");
            shared.SharedStringTable = new SharedStringTable(strings.Select(s => new SharedStringItem(new DocumentFormat.OpenXml.Spreadsheet.Text(s) { Space = SpaceProcessingModeValues.Preserve })));
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>("rIdStyles");
            var custom = formats.Select((code, i) => (code, i)).Where(f => f.i > 0).ToList();
            styles.Stylesheet = new Stylesheet(
                new NumberingFormats(custom.Select(f => new NumberingFormat { NumberFormatId = (uint)(163 + f.i), FormatCode = f.code })) { Count = (uint)custom.Count },
                new Fonts(new Font()) { Count = 1 },
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None })) { Count = 1 },
                new Borders(new Border()) { Count = 1 },
                new CellFormats(formats.Select((code, i) => new CellFormat { NumberFormatId = i == 0 ? 0u : (uint)(163 + i), ApplyNumberFormat = i > 0 })) { Count = (uint)formats.Count });
            if (macroEnabled)
            {
                // A VBA project part: its bytes are never run, and reading the cells must not care.
                var vba = workbookPart.AddNewPart<VbaProjectPart>("rIdVba");
                using var vbaStream = new MemoryStream(System.Text.Encoding.ASCII.GetBytes("Attribute VB_Name = \"Module1\"\nSub AutoOpen()\nShell \"calc.exe\"\nEnd Sub"));
                vba.FeedData(vbaStream);
            }
        }
        return stream.ToArray();
    }

    private static void Fill(Cell cell, object value, Func<string, int> stringIndex, Func<string, uint> styleOf)
    {
        switch (value)
        {
            case string text:
                cell.DataType = CellValues.SharedString;
                cell.CellValue = new CellValue(stringIndex(text));
                break;
            case Num number:
                cell.CellValue = new CellValue(number.Value);
                if (number.Format != "General") cell.StyleIndex = styleOf(number.Format);
                break;
            case Formula formula:
                cell.CellFormula = new CellFormula(formula.Text);
                if (formula.Cached is string cachedText) { cell.DataType = CellValues.String; cell.CellValue = new CellValue(cachedText); }
                else if (formula.Cached is Num cachedNumber) { cell.CellValue = new CellValue(cachedNumber.Value); if (cachedNumber.Format != "General") cell.StyleIndex = styleOf(cachedNumber.Format); }
                break;
            case ErrorValue error:
                cell.CellFormula = new CellFormula(error.FormulaText);
                cell.DataType = CellValues.Error;
                cell.CellValue = new CellValue(error.Code);
                break;
            case IConvertible number:
                cell.CellValue = new CellValue(Convert.ToDouble(number, System.Globalization.CultureInfo.InvariantCulture));
                break;
            default:
                throw new ArgumentException($"no cell for {value.GetType()}");
        }
    }

    public static string ColumnName(int column)
    {
        var name = "";
        for (; column > 0; column = (column - 1) / 26) name = (char)('A' + (column - 1) % 26) + name;
        return name;
    }
}

public sealed class TestSheet
{
    public TestSheet(string name, bool hidden)
    {
        Name = name;
        Hidden = hidden;
    }

    public string Name { get; }
    public bool Hidden { get; }
    public List<(int Number, object?[] Values, bool Hidden)> Rows { get; } = new();
    public List<string> Merges { get; } = new();

    private int NextRow => Rows.Count == 0 ? 1 : Rows[^1].Number + 1;

    public TestSheet Row(params object?[] values)
    {
        Rows.Add((NextRow, values, false));
        return this;
    }

    public TestSheet HiddenRow(params object?[] values)
    {
        Rows.Add((NextRow, values, true));
        return this;
    }

    public TestSheet Merge(string range)
    {
        Merges.Add(range);
        return this;
    }
}
