using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Publishing.Diagnostics;
using Publishing.Model;
using XlsxCell = DocumentFormat.OpenXml.Spreadsheet.Cell;
using Cell = Publishing.Model.Cell;

namespace Publishing.Content.Workbooks;

/// <summary>
/// One sheet into a <see cref="CsvTable"/>, each cell as Excel shows it: numbers under their number format,
/// text as typed, formulas by the value Excel last computed, a merged range's value repeated over the range.
/// A cell's position is its row (the line) and column number, and every diagnostic here names the cell as Excel
/// does (工作表“指标”单元格 B7). Hidden rows are left out with a warning; empty rows (trailing ones too) are
/// skipped as in a CSV. The rows are read as a stream (the SDK's reader, one row at a time), and reading stops
/// at the first row past the row limit.
/// </summary>
internal sealed partial class SheetReader
{
    private readonly Workbook _workbook;
    private readonly WorkbookSheet _sheet;
    private readonly ContentLimits _limits;
    private readonly DiagnosticBag _diagnostics;
    private readonly SortedDictionary<int, SortedDictionary<int, string>> _rows = new();
    private readonly List<((int Row, int Column) From, (int Row, int Column) To)> _merges = new();
    private readonly List<int> _hiddenRows = new();
    private readonly HashSet<(int Row, int Column)> _reported = new();

    public SheetReader(Workbook workbook, WorkbookSheet sheet, ContentLimits limits, DiagnosticBag diagnostics)
    {
        _workbook = workbook;
        _sheet = sheet;
        _limits = limits;
        _diagnostics = diagnostics;
    }

    private string Path => _workbook.DisplayPath;

    public CsvTable? Read(WorksheetPart part)
    {
        if (!ReadRows(part)) return null;
        ApplyMerges();
        if (_hiddenRows.Count > 0)
        {
            _diagnostics.Add(DiagnosticCatalog.WorkbookHidden["rows"].At(Path, _hiddenRows[0], 1,
                ("sheet", _sheet.Name), ("rows", DiagnosticPhrases.RowsAndMore(_hiddenRows)), ("cell", CellReferences.Describe(_sheet.Name, _hiddenRows[0], 1))));
        }

        var nonEmpty = _rows.Where(r => r.Value.Values.Any(v => v.Length > 0)).ToList();
        if (nonEmpty.Count == 0)
        {
            _diagnostics.Add(DiagnosticCatalog.CsvEmptyFile["empty-sheet"].At(Path, 1, 1, ("sheet", _sheet.Name), ("cell", CellReferences.Describe(_sheet.Name, 1, 1))));
            return null;
        }
        var (headerRow, headerCells) = (nonEmpty[0].Key, nonEmpty[0].Value);
        var width = headerCells.Where(c => c.Value.Trim().Length > 0).Select(c => c.Key).DefaultIfEmpty(0).Max();
        var header = Enumerable.Range(1, width)
            .Select(column => new CsvHeaderCell(headerCells.GetValueOrDefault(column, "").Trim(), column - 1, headerRow, column))
            .ToList();

        var rows = new List<CsvRecordRow>();
        foreach (var (row, values) in nonEmpty.Skip(1))
        {
            var cells = new Cell[width];
            for (var column = 1; column <= width; column++)
                cells[column - 1] = new Cell(Path, row, column, "", values.GetValueOrDefault(column, ""));
            var outside = values.FirstOrDefault(v => v.Key > width && v.Value.Trim().Length > 0);
            if (outside.Key > 0)
            {
                _diagnostics.Add(DiagnosticCatalog.WorkbookCellOutsideHeader.At(Path, row, outside.Key,
                    ("lastColumn", CellReferences.ColumnName(Math.Max(width, 1))), ("text", Shorten(outside.Value)), ("cell", CellReferences.Describe(_sheet.Name, row, outside.Key))));
            }
            var reported = Enumerable.Range(1, width).Where(column => _reported.Contains((row, column))).Select(column => column - 1).ToHashSet();
            rows.Add(new CsvRecordRow(row, cells) { ReportedFields = reported.Count > 0 ? reported : null });
        }
        return new CsvTable(Path, header, rows) { Sheet = _sheet.Name };
    }

    /// <summary>Reads the sheet's rows and merged ranges; false when the row limit stopped it (reported).</summary>
    private bool ReadRows(WorksheetPart part)
    {
        using var reader = OpenXmlReader.Create(part);
        var nextRow = 1;
        var dataRows = -1; // the header is the first non-empty row
        while (reader.Read())
        {
            if (!reader.IsStartElement) continue;
            if (reader.ElementType == typeof(Row))
            {
                var row = (Row)reader.LoadCurrentElement()!;
                var number = row.RowIndex?.Value is { } index and > 0 and <= CellReferences.MaxRow ? (int)index : nextRow;
                nextRow = number + 1;
                var values = ReadCells(row, number);
                if (values.Count == 0 || values.Values.All(v => v.Trim().Length == 0)) continue;
                if (row.Hidden?.Value == true)
                {
                    _hiddenRows.Add(number);
                    continue;
                }
                _rows[number] = values;
                if (++dataRows > _limits.MaxRowsPerFile)
                {
                    _limits.ReportTooManyRows(_diagnostics, Path, number);
                    return false;
                }
            }
            else if (reader.ElementType == typeof(MergeCell))
            {
                if (CellReferences.ParseRange(((MergeCell)reader.LoadCurrentElement()!).Reference?.Value) is { } range) _merges.Add(range);
            }
        }
        return true;
    }

    private SortedDictionary<int, string> ReadCells(Row row, int rowNumber)
    {
        var values = new SortedDictionary<int, string>();
        var nextColumn = 1;
        foreach (var cell in row.Elements<XlsxCell>())
        {
            var column = CellReferences.Parse(cell.CellReference?.Value) is { } at ? at.Column : nextColumn;
            nextColumn = column + 1;
            if (ValueOf(cell, rowNumber, column) is { } value) values[column] = value;
        }
        return values;
    }

    /// <summary>The cell's text as Excel shows it; null for an empty cell or one already reported.</summary>
    private string? ValueOf(XlsxCell cell, int row, int column)
    {
        var type = cell.DataType?.Value;
        var stored = cell.CellValue?.Text;
        if (type == CellValues.InlineString) return Clean(cell.InlineString is { } inline ? Workbook.TextOf(inline) : "", row, column);
        if (stored is null || stored.Length == 0)
        {
            if (cell.CellFormula is not null)
            {
                _reported.Add((row, column));
                _diagnostics.Add(DiagnosticCatalog.WorkbookCellValue["formula-not-calculated"].At(Path, row, column,
                    ("formula", Shorten(cell.CellFormula.Text)), ("cell", CellReferences.Describe(_sheet.Name, row, column))));
                return "";
            }
            return null;
        }
        if (type == CellValues.SharedString)
            return Clean(int.TryParse(stored, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? _workbook.SharedString(index) : "", row, column);
        if (type == CellValues.String || type == CellValues.Date) return Clean(stored, row, column);
        if (type == CellValues.Boolean) return stored == "1" ? "TRUE" : "FALSE";
        if (type == CellValues.Error)
        {
            _reported.Add((row, column));
            _diagnostics.Add(cell.CellFormula is null
                ? DiagnosticCatalog.WorkbookCellValue["error-value"].At(Path, row, column, ("value", stored), ("cell", CellReferences.Describe(_sheet.Name, row, column)))
                : DiagnosticCatalog.WorkbookCellValue["error-value-of-formula"].At(Path, row, column,
                    ("value", stored), ("formula", Shorten(cell.CellFormula.Text)), ("cell", CellReferences.Describe(_sheet.Name, row, column))));
            return "";
        }
        if (!double.TryParse(stored, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return Clean(stored, row, column);
        return NumberFormats.Format(number, _workbook.FormatOf(cell.StyleIndex?.Value ?? 0), _workbook.Date1904);
    }

    [GeneratedRegex("_x([0-9A-Fa-f]{4})_")]
    private static partial Regex EscapedCharacter();

    /// <summary>Text as typed: Excel's _xHHHH_ escapes decoded, line ends as \n; a control character is an error at its cell.</summary>
    private string Clean(string text, int row, int column)
    {
        if (text.Contains("_x", StringComparison.Ordinal))
            text = EscapedCharacter().Replace(text, m => ((char)int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString());
        text = text.Replace("\r\n", "\n").Replace('\r', '\n');
        if (!text.Any(ControlCharacters.IsForbidden)) return text;
        var found = text.First(ControlCharacters.IsForbidden);
        _diagnostics.Add(DiagnosticCatalog.ControlCharacter["in-cell"].At(Path, row, column,
            ("code", (int)found), ("cell", CellReferences.Describe(_sheet.Name, row, column))));
        return new string(text.Select(c => ControlCharacters.IsForbidden(c) ? ' ' : c).ToArray());
    }

    /// <summary>Each merged range reads as its top-left value repeated over it (a bureau's vertical 一级/二级 merges).</summary>
    private void ApplyMerges()
    {
        if (_rows.Count == 0) return;
        var lastRow = _rows.Keys.Max();
        var lastColumn = _rows.Values.SelectMany(r => r.Keys).DefaultIfEmpty(1).Max();
        foreach (var (from, to) in _merges)
        {
            if (!_rows.TryGetValue(from.Row, out var first) || !first.TryGetValue(from.Column, out var value) || value.Length == 0) continue;
            // Only over cells the sheet uses: a merge of a whole column must not make a million rows.
            for (var row = from.Row; row <= Math.Min(to.Row, lastRow); row++)
            {
                if (_hiddenRows.Contains(row)) continue;
                if (!_rows.TryGetValue(row, out var cells)) _rows[row] = cells = new SortedDictionary<int, string>();
                for (var column = from.Column; column <= Math.Min(to.Column, lastColumn); column++)
                    if (!cells.TryGetValue(column, out var existing) || existing.Length == 0) cells[column] = value;
            }
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
