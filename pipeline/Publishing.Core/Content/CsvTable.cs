using Publishing.Model;

namespace Publishing.Content;

/// <summary>
/// A table as read once, from a CSV file or a workbook's sheet: its header and its records, every cell with its
/// position (a sheet's: the row as the line, the column number as the column).
/// </summary>
public sealed record CsvTable(string Path, IReadOnlyList<CsvHeaderCell> Header, IReadOnlyList<CsvRecordRow> Rows)
{
    /// <summary>The workbook sheet the table was read from; null for a CSV file.</summary>
    public string? Sheet { get; init; }
}

public sealed record CsvHeaderCell(string Name, int Index, int Line, int Column);

public sealed record CsvRecordRow(int Line, IReadOnlyList<Cell> Cells)
{
    /// <summary>The row has more or fewer cells than the header: reported once (PUB2006), so its empty cells are not reported again.</summary>
    public bool HasWrongFieldCount { get; init; }

    /// <summary>Field indexes whose cell the reader already reported (a workbook formula without a value): not reported as empty again.</summary>
    public IReadOnlySet<int>? ReportedFields { get; init; }

    /// <summary>The cell at a field index; a missing field is an empty cell placed after the row's last cell.</summary>
    public Cell CellAt(int fieldIndex, string path)
    {
        if (fieldIndex < Cells.Count) return Cells[fieldIndex];
        return Cells.Count > 0 ? new Cell(path, Cells[^1].Line, Cells[^1].Column, "", "") : Cell.Missing(path, Line);
    }

    public int ColumnOf(int fieldIndex) => fieldIndex < Cells.Count ? Cells[fieldIndex].Column : (Cells.Count > 0 ? Cells[^1].Column : 1);
}
