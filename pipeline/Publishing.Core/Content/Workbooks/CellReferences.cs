using Publishing.Diagnostics;

namespace Publishing.Content.Workbooks;

/// <summary>A1-style cell references: column letters and row number, as Excel shows them.</summary>
public static class CellReferences
{
    /// <summary>Excel's last column (XFD) and row: references past them are not cells.</summary>
    public const int MaxColumn = 16_384, MaxRow = 1_048_576;

    public static string ColumnName(int column)
    {
        var name = "";
        for (; column > 0; column = (column - 1) / 26) name = (char)('A' + (column - 1) % 26) + name;
        return name;
    }

    public static string Of(int row, int column) => ColumnName(column) + row;

    /// <summary>"B7" → (7, 2); null for anything else (also past Excel's last row or column).</summary>
    public static (int Row, int Column)? Parse(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        int i = 0, column = 0, row = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
        {
            column = column * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
            if (column > MaxColumn) return null;
        }
        if (i == 0 || i == reference.Length) return null;
        for (; i < reference.Length; i++)
        {
            if (!char.IsAsciiDigit(reference[i])) return null;
            row = row * 10 + (reference[i] - '0');
            if (row > MaxRow) return null;
        }
        return row == 0 ? null : (row, column);
    }

    /// <summary>"A2:C5" → its corners; a single cell is a range of one.</summary>
    public static ((int Row, int Column) From, (int Row, int Column) To)? ParseRange(string? range)
    {
        if (string.IsNullOrEmpty(range)) return null;
        var parts = range.Split(':');
        if (parts.Length > 2 || Parse(parts[0]) is not { } from) return null;
        var to = parts.Length == 2 ? Parse(parts[1]) : from;
        if (to is null) return null;
        return ((Math.Min(from.Row, to.Value.Row), Math.Min(from.Column, to.Value.Column)),
                (Math.Max(from.Row, to.Value.Row), Math.Max(from.Column, to.Value.Column)));
    }

    /// <summary>The words an editor looks for in Excel: （工作表“指标”单元格 B7）.</summary>
    public static string Describe(string sheet, int row, int column) => DiagnosticPhrases.WorkbookCell(sheet, Of(row, column));
}
