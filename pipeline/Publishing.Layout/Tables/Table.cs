using Publishing.Layout.Flow;
using Publishing.Layout.Frames;
using Publishing.Layout.Text;

namespace Publishing.Layout.Tables;

/// <summary>
/// A table with header rows (repeated on every page it crosses), body rows and footer rows (a total or a
/// signature line: once, at the table's foot, never alone on a page). Rows are not split (unless one alone is
/// taller than a page, then it overflows); a cell spanning rows that cross a page break is drawn on both
/// pages as a closed box, with its content repeated on the continuation. Row groups may be kept together.
/// </summary>
public sealed class Table : Block
{
    public IReadOnlyList<TableColumn> Columns { get; }
    public IReadOnlyList<TableRow> Header { get; }
    public IReadOnlyList<TableRow> Body { get; }
    public TableStyle Style { get; }
    /// <summary>Rows drawn once under the last body row (HTML tfoot).</summary>
    public IReadOnlyList<TableRow> Footer { get; init; } = Array.Empty<TableRow>();
    /// <summary>Rows of a row-spanning group kept on each side of a page break, as the form asks (null: the style's
    /// default, which gives way to a large blank; see <see cref="RowGroupBreaks"/>).</summary>
    public int? KeepRowsAtBreak { get; init; }

    public Table(IReadOnlyList<TableColumn> columns, IReadOnlyList<TableRow> header, IReadOnlyList<TableRow> body, TableStyle style)
    {
        Columns = columns;
        Header = header;
        Body = body;
        Style = style;
    }

    /// <summary>Everything about the table at one width that does not depend on the page.</summary>
    /// <remarks>Cells are in the order of their first row (the planner places them row by row), and no cell spans
    /// more than <c>MaxRowSpan</c> rows: the cells of a page's rows are found by a binary search, so a page costs
    /// its own rows, not the whole table's (a 4,000-row table is paginated in linear time).</remarks>
    internal sealed record Plan(double[] ColumnX, double[] ColumnWidths, List<PlacedCell> HeaderCells, double[] HeaderRows,
        List<PlacedCell> BodyCells, double[] BodyRows, List<PlacedCell> FooterCells, double[] FooterRows, Dictionary<PlacedCell, Fragment> Contents)
    {
        public int MaxRowSpan { get; } = HeaderCells.Concat(BodyCells).Concat(FooterCells).Select(c => c.RowSpan).DefaultIfEmpty(1).Max();

        /// <summary>The cells whose first row is in [<paramref name="fromRow"/>, <paramref name="toRow"/>), in order.</summary>
        public IEnumerable<PlacedCell> StartingIn(List<PlacedCell> cells, int fromRow, int toRow)
        {
            int lo = 0, hi = cells.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (cells[mid].Row < fromRow) lo = mid + 1;
                else hi = mid;
            }
            for (var i = lo; i < cells.Count && cells[i].Row < toRow; i++) yield return cells[i];
        }

        /// <summary>The cells that cover any of the rows [<paramref name="first"/>, <paramref name="last"/>).</summary>
        public IEnumerable<PlacedCell> Covering(List<PlacedCell> cells, int first, int last) =>
            StartingIn(cells, first - MaxRowSpan + 1, last).Where(c => c.Row + c.RowSpan > first);
    }

    /// <summary>Rows (of <paramref name="rows"/>) that need more columns than the table declares: (row index, columns needed).</summary>
    /// <summary>
    /// The widths the layout gives columns that all declare one (points, fractions, weights: nothing is measured),
    /// in a table <paramref name="width"/> wide; the HTML preview sets the same shares.
    /// </summary>
    public static double[] DeclaredWidths(IReadOnlyList<TableColumn> columns, double width) =>
        ColumnWidths.Compute(columns.Count, columns, Array.Empty<(int, int, double, double)>(), width);

    public static IReadOnlyList<(int Row, int Columns)> RowsWiderThan(IReadOnlyList<TableRow> rows, int columns) =>
        TablePlanner.RowsWiderThan(rows, columns);

    internal Plan PlanFor(LayoutContext context, double width) => context.Memo(this, width, () => MakePlan(context, width));

    private Plan MakePlan(LayoutContext context, double width)
    {
        // Declared columns bound the grid: a row reaching further is cut there (the bridge reports it).
        var limit = Columns.Count;
        var (headerCells, headerRowCount, headerCols) = TablePlanner.Plan(Header, Columns.Count, true, limit);
        var (bodyCells, bodyRowCount, bodyCols) = TablePlanner.Plan(Body, Columns.Count, false, limit);
        var (footerCells, footerRowCount, footerCols) = TablePlanner.Plan(Footer, Columns.Count, false, limit);
        var columns = Math.Max(headerCols, Math.Max(bodyCols, footerCols));
        var pad = 2 * Style.Padding;
        var all = headerCells.Concat(bodyCells).Concat(footerCells).ToList();
        var raw = all.Select(c => (Cell: c, Widths: c.Cell.Content.IntrinsicWidths(context))).ToList();
        // Short values stay whole (their minimum is their one-line width): first for every cell; if the minimums
        // no longer fit, the body's short values give up width before a header label breaks inside a word (计量单/位);
        // then header labels may wrap onto two even lines (计量/单位); then anything. A long unbreakable run claims
        // at most MinContentCap: beyond that it breaks anywhere.
        List<(int, int, double, double)> Intrinsic(bool headers, bool body, bool headerHalves = false) => raw.Select(x =>
        {
            var (min, max) = x.Widths;
            var keep = x.Cell.IsHeader ? headers : body;
            var shortValue = Style.KeepWholeUpTo > 0 && max <= Style.KeepWholeUpTo + 0.5;
            if (keep && shortValue) min = max;
            else if (headerHalves && x.Cell.IsHeader && shortValue) min = Math.Max(min, TwoLines(max, min));
            else if (Style.MinContentCap > 0) min = Math.Min(min, Style.MinContentCap);
            return (x.Cell.Column, x.Cell.ColSpan, min + pad + 0.5, max + pad + 0.5);
        }).ToList();
        bool Fits(List<(int Column, int Span, double Min, double Max)> cells) =>
            ColumnWidths.MinimumSum(columns, Columns, cells, width) <= width + 0.01;
        var intrinsic = Intrinsic(true, true);
        if (!Fits(intrinsic)) intrinsic = Intrinsic(true, false);
        if (!Fits(intrinsic)) intrinsic = Intrinsic(false, false, headerHalves: true);
        if (!Fits(intrinsic)) intrinsic = Intrinsic(false, false);

        double CellHeight(PlacedCell c, double[] xs) => c.Cell.Content.HeightAt(context, Math.Max(1, xs[c.Column + c.ColSpan] - xs[c.Column] - pad));
        // Balancing measures the table at trial widths: the header, the footer and up to BalanceRows body rows.
        var measured = new[] { headerCells, bodyCells.Where(c => c.Row < BalanceRows).ToList(), footerCells };
        var balance = Style.BalanceColumns
            ? (ColumnWidths.Balance)((trial, auto, _, max, space) => BalancedWidths.Run(trial, auto, max, space, Style.BalanceStep,
                w => Cost(measured, Edges(w), CellHeight)))
            : null;
        var widths = ColumnWidths.Compute(columns, Columns, intrinsic, width, balance);
        var xs = Edges(widths);

        var contents = new Dictionary<PlacedCell, Fragment>();
        foreach (var c in all)
            contents[c] = c.Cell.Content.Layout(context, Math.Max(1, xs[c.Column + c.ColSpan] - xs[c.Column] - pad), 1e7, null, true);
        double Measured(PlacedCell c, double[] _) => contents[c].Height;
        return new Plan(xs, widths, headerCells, Rows(headerCells, headerRowCount, xs, Measured), bodyCells, Rows(bodyCells, bodyRowCount, xs, Measured),
            footerCells, Rows(footerCells, footerRowCount, xs, Measured), contents);
    }

    /// <summary>The width of the longer of two even lines of a label <paramref name="oneLine"/> wide, in whole pieces of
    /// about <paramref name="piece"/> (a character): 计量单位 takes two characters a line.</summary>
    private static double TwoLines(double oneLine, double piece) =>
        piece <= 0 ? oneLine / 2 : Math.Ceiling(oneLine / 2 / piece - 0.01) * piece;

    /// <summary>Body rows measured when balancing column widths (a long table's first rows stand for the rest).</summary>
    private const int BalanceRows = 300;

    private static double[] Edges(double[] widths)
    {
        var xs = new double[widths.Length + 1];
        for (var i = 0; i < widths.Length; i++) xs[i + 1] = xs[i] + widths[i];
        return xs;
    }

    /// <summary>
    /// What balancing minimises: the table's height, plus a quarter of the cells' own heights, so that a line saved
    /// in a cell that is not (yet) its row's tallest still counts (two columns that must both widen to save a row
    /// line are widened one after the other).
    /// </summary>
    private double Cost(List<PlacedCell>[] sections, double[] xs, Func<PlacedCell, double[], double> height) =>
        sections.Sum(section => Height(section, xs, height)) + 0.25 * sections.Sum(section => section.Sum(c => height(c, xs)));

    /// <summary>Total height of the rows of one part of the table (header, body or footer) at these column edges.</summary>
    private double Height(List<PlacedCell> cells, double[] xs, Func<PlacedCell, double[], double> height) =>
        cells.Count == 0 ? 0 : Rows(cells, cells.Max(c => c.Row + c.RowSpan), xs, height).Sum();

    /// <summary>Row heights: a row is as tall as its tallest single-row cell; a row-spanning cell that needs more spreads the rest over its rows.</summary>
    private double[] Rows(List<PlacedCell> cells, int count, double[] xs, Func<PlacedCell, double[], double> height)
    {
        // Arrays by the cells' index, not a dictionary by cell: balancing the columns runs this at every trial width.
        var pad = 2 * Style.Padding;
        var rows = new double[count];
        var heights = new double[cells.Count];
        var spanning = new List<int>();
        for (var i = 0; i < cells.Count; i++)
        {
            heights[i] = height(cells[i], xs) + pad;
            if (cells[i].RowSpan == 1) rows[cells[i].Row] = Math.Max(rows[cells[i].Row], heights[i]);
            else if (cells[i].RowSpan > 1) spanning.Add(i);
        }
        // Shorter spans first; cells of one span in their order (a stable sort).
        spanning.Sort((x, y) => cells[x].RowSpan != cells[y].RowSpan ? cells[x].RowSpan.CompareTo(cells[y].RowSpan) : x.CompareTo(y));
        foreach (var i in spanning)
        {
            var c = cells[i];
            var have = 0.0;
            for (var r = c.Row; r < c.Row + c.RowSpan; r++) have += rows[r];
            if (heights[i] > have)
                for (var r = c.Row; r < c.Row + c.RowSpan; r++) rows[r] += (heights[i] - have) / c.RowSpan;
        }
        return rows;
    }

    /// <summary>Resume inside a body row that is taller than a page: each of its cells' own resume token.</summary>
    private sealed record SplitRow(int Row, IReadOnlyDictionary<PlacedCell, object?> Cells);

    private static readonly object CellDone = new();

    /// <summary>Resume with only the footer left to place (the last body row filled the page before it).</summary>
    private sealed record FooterOnly;

    public override Fragment Layout(LayoutContext context, double width, double height, object? resume, bool atPageTop)
    {
        var plan = PlanFor(context, width);
        var headerHeight = plan.HeaderRows.Sum();
        var footerHeight = plan.FooterRows.Sum();
        var available = height - headerHeight;
        var rows = plan.BodyRows.Length;
        if (resume is SplitRow split) return LayoutSplitRow(context, plan, split.Row, split.Cells, available, headerHeight);
        var items = new List<FrameItem>();
        if (resume is FooterOnly)
        {
            DrawRows(plan, plan.HeaderCells, plan.HeaderRows, 0, plan.HeaderRows.Length, 0, items, null, repeated: true);
            DrawRows(plan, plan.FooterCells, plan.FooterRows, 0, plan.FooterRows.Length, headerHeight, items, null);
            return Fragment.Complete(headerHeight + footerHeight, items);
        }
        var start = resume is int r ? r : 0;
        var end = start;
        var used = 0.0;
        while (end < rows && used + plan.BodyRows[end] <= available + 0.001) used += plan.BodyRows[end++];
        if (end == start && rows > 0)
        {
            if (!atPageTop) return Fragment.None;
            // A row taller than a whole page: split it line by line, cell by cell (and said, at its tallest cell).
            ReportTooTall(context, plan, start);
            return LayoutSplitRow(context, plan, start, null, available, headerHeight);
        }

        var footerOnNextPage = false;
        if (end < rows)
        {
            (end, used) = RowGroupBreaks.Choose(this, plan, start, end, used, available, atPageTop);
            if (end == start) return Fragment.None;
        }
        else if (used + footerHeight > available + 0.001)
        {
            // The footer keeps the last body row company: both go on, unless that row is all this page holds.
            if (end - start >= 2) { end--; used -= plan.BodyRows[end]; }
            else if (atPageTop) footerOnNextPage = true;
            else return Fragment.None;
        }

        DrawRows(plan, plan.HeaderCells, plan.HeaderRows, 0, plan.HeaderRows.Length, 0, items, null, repeated: start > 0);
        DrawRows(plan, plan.BodyCells, plan.BodyRows, start, end, headerHeight, items, null);
        var total = headerHeight + used;
        if (end < rows) return new Fragment(Fit.Partial, total, items, end);
        if (footerOnNextPage) return new Fragment(Fit.Partial, total, items, new FooterOnly());
        DrawRows(plan, plan.FooterCells, plan.FooterRows, 0, plan.FooterRows.Length, total, items, null);
        return Fragment.Complete(total + footerHeight, items);
    }

    private void ReportTooTall(LayoutContext context, Plan plan, int row)
    {
        PlacedCell? tallest = null;
        foreach (var cell in plan.StartingIn(plan.BodyCells, row, row + 1))
            if (tallest is null || plan.Contents[cell].Height > plan.Contents[tallest].Height) tallest = cell;
        var content = tallest?.Cell.Content;
        context.ReportTooTall(new TooTall(content?.Source ?? Body[row].Source, (content as Paragraph)?.Text));
    }

    private Fragment LayoutSplitRow(LayoutContext context, Plan plan, int row, IReadOnlyDictionary<PlacedCell, object?>? resumes,
        double available, double headerHeight)
    {
        var pad = 2 * Style.Padding;
        var pieces = new Dictionary<PlacedCell, Fragment>();
        var next = new Dictionary<PlacedCell, object?>();
        var pieceHeight = 0.0;
        foreach (var cell in plan.StartingIn(plan.BodyCells, row, row + 1))
        {
            var resume = resumes?.GetValueOrDefault(cell);
            if (resume == CellDone) { pieces[cell] = Fragment.Complete(0, Array.Empty<FrameItem>()); next[cell] = CellDone; continue; }
            var w = plan.ColumnX[cell.Column + cell.ColSpan] - plan.ColumnX[cell.Column] - pad;
            var fragment = cell.Cell.Content.Layout(context, Math.Max(1, w), Math.Max(1, available - pad), resume, true);
            pieces[cell] = fragment;
            next[cell] = fragment.Fit == Fit.Complete ? CellDone : fragment.Resume;
            pieceHeight = Math.Max(pieceHeight, fragment.Height + pad);
        }
        pieceHeight = Math.Min(Math.Max(pieceHeight, pad), Math.Max(available, pad));
        var rows = (double[])plan.BodyRows.Clone();
        rows[row] = pieceHeight;
        var items = new List<FrameItem>();
        DrawRows(plan, plan.HeaderCells, plan.HeaderRows, 0, plan.HeaderRows.Length, 0, items, null, repeated: row > 0 || resumes is not null);
        DrawRows(plan, plan.BodyCells, rows, row, row + 1, headerHeight, items, pieces);
        var total = headerHeight + pieceHeight;
        if (next.Values.Any(v => v != CellDone)) return new Fragment(Fit.Partial, total, items, new SplitRow(row, next));
        if (row + 1 < plan.BodyRows.Length) return new Fragment(Fit.Partial, total, items, row + 1);
        return plan.FooterRows.Length > 0 ? new Fragment(Fit.Partial, total, items, new FooterOnly()) : Fragment.Complete(total, items);
    }

    /// <summary>
    /// Draws rows [first, last) at <paramref name="top"/>; cells reaching outside are cut to that range. What is drawn
    /// again on a continuation page (<paramref name="repeated"/> header rows, a row-spanning cell's text above a break)
    /// is an artifact there: the cell is one cell of the document's structure, read once, where it began.
    /// </summary>
    private void DrawRows(Plan plan, List<PlacedCell> cells, double[] rows, int first, int last, double top, List<FrameItem> into,
        IReadOnlyDictionary<PlacedCell, Fragment>? pieces, bool repeated = false)
    {
        // Tops of rows first … last, relative to the first (only this page's rows: a page costs its own rows).
        var rowY = new double[Math.Max(0, last - first) + 1];
        for (var i = first; i < last; i++) rowY[i - first + 1] = rowY[i - first] + rows[i];
        var backgrounds = new List<FrameItem>();
        var content = new List<FrameItem>();
        var borders = new List<FrameItem>();
        foreach (var cell in plan.Covering(cells, first, last))
        {
            var from = Math.Max(cell.Row, first);
            var to = Math.Min(cell.Row + cell.RowSpan, last);
            if (from >= to) continue;
            var x = plan.ColumnX[cell.Column];
            var w = plan.ColumnX[cell.Column + cell.ColSpan] - x;
            var y = top + rowY[from - first];
            var h = rowY[to - first] - rowY[from - first];
            var fill = cell.Cell.Background ?? (cell.IsHeader ? Style.HeaderBackground : null);
            if (fill is { } f) backgrounds.Add(new RectMark(x, y, w, h, f));

            var piece = pieces?.GetValueOrDefault(cell);
            var fragment = piece ?? plan.Contents[cell];
            var artifact = repeated || (cell.Row < first && piece is null);
            var inner = h - 2 * Style.Padding;
            var room = piece is null ? Math.Max(0, inner - fragment.Height) : 0;
            var dy = cell.Cell.VerticalAlign switch { VerticalAlign.Middle => room / 2, VerticalAlign.Bottom => room, _ => 0 };
            foreach (var item in fragment.Items)
            {
                // Content taller than this piece of a split cell: keep what fits, the continuation repeats it all.
                if (item is GlyphRun run && run.Baseline + dy > inner + Style.Padding * 0.5) continue;
                var placed = item.Offset(x + Style.Padding, y + Style.Padding + dy);
                content.Add(artifact && placed.Tag is not null ? placed with { Tag = null } : placed);
            }

            var t = Style.BorderWidth;
            if (t > 0)
            {
                borders.Add(new LineMark(x, y, x + w, y, t, Style.BorderColor));
                borders.Add(new LineMark(x, y + h, x + w, y + h, t, Style.BorderColor));
                borders.Add(new LineMark(x, y, x, y + h, t, Style.BorderColor));
                borders.Add(new LineMark(x + w, y, x + w, y + h, t, Style.BorderColor));
            }
        }
        into.AddRange(backgrounds);
        into.AddRange(content);
        into.AddRange(borders);
    }

    public override (double Min, double Max) IntrinsicWidths(LayoutContext context) => (0, double.MaxValue / 4);
}
