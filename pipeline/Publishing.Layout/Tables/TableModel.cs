using Publishing.Layout.Flow;
using Publishing.Layout.Frames;

namespace Publishing.Layout.Tables;

/// <summary>A column: a fixed fraction of the table width, or automatic (null) from the content.</summary>
public sealed record TableColumn(double? Fraction = null);

public sealed record TableCell(Block Content, int RowSpan = 1, int ColSpan = 1)
{
    public Rgb? Background { get; init; }
    /// <summary>Centre the content vertically in the cell (else top).</summary>
    public bool VerticalCenter { get; init; } = true;
}

public sealed record TableRow(IReadOnlyList<TableCell> Cells);

public sealed record TableStyle
{
    public double Padding { get; init; } = 4;
    public double BorderWidth { get; init; } = 0.75;
    public Rgb BorderColor { get; init; } = Rgb.Black;
    /// <summary>Background of header cells (null: none).</summary>
    public Rgb? HeaderBackground { get; init; }
    /// <summary>
    /// A cell whose one-line width is at most this many points is never wrapped (its minimum width is its
    /// preferred width), so short values like "年度工作计划" stay whole. 0 turns this off.
    /// </summary>
    public double KeepWholeUpTo { get; init; } = 90;
}

/// <summary>A cell placed in the grid: its first row and column and how many it spans.</summary>
internal sealed record PlacedCell(TableCell Cell, int Row, int Column, int RowSpan, int ColSpan, bool IsHeader);
