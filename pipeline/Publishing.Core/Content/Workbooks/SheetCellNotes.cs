using Publishing.Diagnostics;

namespace Publishing.Content.Workbooks;

/// <summary>
/// Adds the cell's own reference (（工作表“指标”单元格 B7）) to every diagnostic at a cell of a table read from a
/// workbook, whichever stage reports it (columns, values, sums, the editors' checks), so an editor finds the cell
/// in Excel. The diagnostic's path(line,col) is already the file, the row and the column number; when one
/// workbook holds several tables, the sheet is the one whose column the message names (“指标值”…), else the one
/// with something written in that cell.
/// </summary>
internal sealed class SheetCellNotes
{
    private readonly List<CsvTable> _tables = new();

    public void Add(CsvTable table)
    {
        if (table.Sheet is not null) _tables.Add(table);
    }

    public Diagnostic Annotate(Diagnostic diagnostic)
    {
        if (_tables.Count == 0 || DiagnosticPhrases.NamesASheet(diagnostic.Message)) return diagnostic;
        var candidates = _tables.Where(t => t.Path == diagnostic.Path).ToList();
        if (candidates.Count == 0) return diagnostic;
        if (diagnostic.Line <= 0)
            return candidates.Count == 1 ? diagnostic with { Message = diagnostic.Message + DiagnosticPhrases.WorkbookSheetOnly(candidates[0].Sheet!) } : diagnostic;

        var column = Math.Max(diagnostic.Column, 1);
        if (candidates.Count > 1)
        {
            var named = candidates.Where(t => t.Header.Any(h => h.Column == column && h.Name.Length > 0 && diagnostic.Message.Contains($"“{h.Name}”", StringComparison.Ordinal))).ToList();
            var written = candidates.Where(t => t.Rows.Any(r => r.Line == diagnostic.Line && r.Cells.Any(c => c.Column == column && c.Text.Length > 0))).ToList();
            candidates = named.Count > 0 ? named : written.Count > 0 ? written : candidates;
        }
        return diagnostic with { Message = diagnostic.Message + CellReferences.Describe(candidates[0].Sheet!, diagnostic.Line, column) };
    }
}
