using Publishing.Layout.Flow;
using Publishing.Layout.Frames;

namespace Publishing.Layout.Tables;

/// <summary>
/// A column's width: a fraction of the table's width, a fixed width in points, a relative weight (a share of
/// what fixed and fractional columns leave), or automatic from the content when none is set.
/// </summary>
public sealed record TableColumn(double? Fraction = null)
{
    public double? Points { get; init; }
    public double? Weight { get; init; }
    public bool IsAutomatic => Fraction is null && Points is null && Weight is null;
}

public enum VerticalAlign { Top, Middle, Bottom }

public sealed record TableCell(Block Content, int RowSpan = 1, int ColSpan = 1)
{
    public Rgb? Background { get; init; }
    public VerticalAlign VerticalAlign { get; init; } = VerticalAlign.Middle;
}

/// <summary>How the rows of one row group (an HTML tbody) may be broken across pages.</summary>
public enum RowGroupBreak
{
    /// <summary>Between any rows; a small row-spanning group at the foot of a page moves on whole.</summary>
    Auto,
    /// <summary>The group moves to the next page whole when it does not fit (unless it alone is taller than a page).</summary>
    KeepTogether,
    /// <summary>Between any rows, even inside row-spanning cells: never moved on to keep a group whole.</summary>
    MaySplit,
}

public sealed record TableRow(IReadOnlyList<TableCell> Cells)
{
    /// <summary>The row group (tbody) the row belongs to: rows of one group share a number.</summary>
    public int Group { get; init; }
    public RowGroupBreak Break { get; init; } = RowGroupBreak.Auto;
    /// <summary>Where the row came from, carried for the caller as <see cref="Block.Source"/> is (a cell's own is its content's).</summary>
    public object? Source { get; init; }
}

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
    /// <summary>
    /// The most a cell's longest unbreakable run (a URL, a long number) claims as its column's minimum width;
    /// beyond it the run breaks anywhere, as a last resort, instead of squeezing the other columns. 0: no cap.
    /// </summary>
    public double MinContentCap { get; init; }
    /// <summary>Share the space between automatic columns where it saves the most lines (else HTML's proportional rule).</summary>
    public bool BalanceColumns { get; init; } = true;
    /// <summary>The width balancing gives a column at a time (half a character of the table font is fine).</summary>
    public double BalanceStep { get; init; } = 5;
    /// <summary>Rows of a row-spanning group kept together on each side of a page break, by default.</summary>
    public int KeepRowsAtBreak { get; init; } = 2;
    /// <summary>What keeping rows together may add to the blank at a page's foot beyond the row that did not fit
    /// (two lines of text); a rule the form asks for may leave more.</summary>
    public double MaxExtraBlank { get; init; } = 40;
}

/// <summary>A cell placed in the grid: its first row and column and how many it spans.</summary>
internal sealed record PlacedCell(TableCell Cell, int Row, int Column, int RowSpan, int ColSpan, bool IsHeader);
