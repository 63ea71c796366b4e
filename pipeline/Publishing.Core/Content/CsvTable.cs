namespace Publishing.Content;

/// <summary>A CSV file as read: its header and its records, each field with its line and column.</summary>
public sealed record CsvTable(string Path, IReadOnlyList<CsvHeaderCell> Header, IReadOnlyList<CsvRecordRow> Rows);

public sealed record CsvHeaderCell(string Name, int Index, int Line, int Column);

public sealed record CsvRecordRow(int Line, IReadOnlyList<string> Fields, IReadOnlyList<int> Columns)
{
    /// <summary>The row has more or fewer cells than the header: reported once (PUB2006), so its empty cells are not reported again.</summary>
    public bool HasWrongFieldCount { get; init; }

    public int ColumnOf(int fieldIndex) =>
        fieldIndex < Columns.Count ? Columns[fieldIndex] : (Columns.Count > 0 ? Columns[^1] : 1);
}
