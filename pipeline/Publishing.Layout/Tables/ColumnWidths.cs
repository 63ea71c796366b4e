namespace Publishing.Layout.Tables;

/// <summary>
/// Column widths as HTML's automatic table layout computes them, for a table as wide as the space: fixed
/// fractions first; each automatic column gets its minimum (widest unbreakable content) and the rest is shared
/// in proportion to how much each column wants beyond that (preferred = one-line width).
/// </summary>
internal static class ColumnWidths
{
    private static readonly TableColumn Automatic = new();

    private static TableColumn Spec(IReadOnlyList<TableColumn> spec, int i) => i < spec.Count ? spec[i] : Automatic;

    /// <summary>A column's width when the template fixes it (points or a fraction of the table), else null.</summary>
    private static double? Fixed(TableColumn column, double width) => column.Points ?? column.Fraction * width;

    /// <summary>The width the table needs at least: fixed columns plus the other columns' minimums.</summary>
    public static double MinimumSum(int columns, IReadOnlyList<TableColumn> spec, IReadOnlyList<(int Column, int Span, double Min, double Max)> cells, double width)
    {
        var (min, _) = Bounds(columns, cells);
        var sum = 0.0;
        for (var i = 0; i < columns; i++) sum += Fixed(Spec(spec, i), width) ?? min[i];
        return sum;
    }

    private static (double[] Min, double[] Max) Bounds(int columns, IReadOnlyList<(int Column, int Span, double Min, double Max)> cells)
    {
        var min = new double[columns];
        var max = new double[columns];
        foreach (var c in cells.Where(c => c.Span == 1))
        {
            min[c.Column] = Math.Max(min[c.Column], c.Min);
            max[c.Column] = Math.Max(max[c.Column], c.Max);
        }
        foreach (var c in cells.Where(c => c.Span > 1).OrderBy(c => c.Span))
        {
            var cols = Enumerable.Range(c.Column, Math.Min(c.Span, columns - c.Column)).ToArray();
            Spread(min, cols, c.Min);
            Spread(max, cols, c.Max);
        }
        for (var i = 0; i < columns; i++) max[i] = Math.Max(max[i], min[i]);
        return (min, max);
    }

    /// <summary>
    /// Widths of all columns: fixed ones (points, fractions) as given; automatic ones between their minimum and
    /// preferred widths; weighted ones share what is left in proportion to their weights. When only fractions
    /// are given they are scaled to fill the table; when only fixed widths in points are given, the table is as
    /// wide as their sum (never wider than <paramref name="width"/>).
    /// </summary>
    public static double[] Compute(int columns, IReadOnlyList<TableColumn> spec, IReadOnlyList<(int Column, int Span, double Min, double Max)> cells, double width,
        Balance? balance = null)
    {
        var (min, max) = Bounds(columns, cells);
        var result = new double[columns];
        var auto = new List<int>();
        var weighted = new List<int>();
        var fixedWidth = 0.0;
        for (var i = 0; i < columns; i++)
        {
            var column = Spec(spec, i);
            if (Fixed(column, width) is { } w) { result[i] = w; fixedWidth += w; }
            else if (column.Weight is > 0) weighted.Add(i);
            else auto.Add(i);
        }
        if (fixedWidth > width + 0.01) return Scale(result, width);  // more than the table holds: keep the proportions
        if (auto.Count == 0 && weighted.Count == 0)
            return Enumerable.Range(0, columns).Any(i => Spec(spec, i).Points is not null) ? result : Scale(result, width);
        var space = Math.Max(0, width - fixedWidth);
        var autoSpace = space;
        if (weighted.Count > 0)
        {
            // Automatic columns take what they prefer (at least their minimum); the weighted ones share the rest.
            autoSpace = Math.Min(auto.Sum(i => max[i]), Math.Max(auto.Sum(i => min[i]), space - weighted.Sum(i => min[i])));
            var rest = space - autoSpace;
            var weights = weighted.Sum(i => Spec(spec, i).Weight!.Value);
            foreach (var i in weighted) result[i] = rest * Spec(spec, i).Weight!.Value / weights;
        }
        Share(auto, min, max, autoSpace, result, balance);
        return result;
    }

    /// <summary>
    /// Shares <c>space</c> between the automatic columns (all at their minimum in <c>widths</c> when called) when
    /// they cannot all have their preferred width; see <see cref="BalancedWidths"/>.
    /// </summary>
    public delegate void Balance(double[] widths, IReadOnlyList<int> auto, double[] min, double[] max, double space);

    /// <summary>HTML's automatic layout of <paramref name="auto"/> columns in <paramref name="space"/>.</summary>
    private static void Share(List<int> auto, double[] min, double[] max, double space, double[] result, Balance? balance)
    {
        if (auto.Count == 0) return;
        var sumMin = auto.Sum(i => min[i]);
        var sumMax = auto.Sum(i => max[i]);
        if (sumMin >= space)
        {
            foreach (var i in auto) result[i] = sumMin > 0 ? min[i] * space / sumMin : space / auto.Count;
        }
        else if (sumMax <= space)
        {
            // Everything fits on one line: share the surplus in proportion to the preferred widths.
            foreach (var i in auto) result[i] = sumMax > 0 ? max[i] + (space - sumMax) * max[i] / sumMax : space / auto.Count;
        }
        else if (balance is not null)
        {
            foreach (var i in auto) result[i] = min[i];
            balance(result, auto, min, max, space);
        }
        else
        {
            var share = (space - sumMin) / (sumMax - sumMin);
            foreach (var i in auto) result[i] = min[i] + (max[i] - min[i]) * share;
        }
    }

    private static void Spread(double[] widths, int[] cols, double needed)
    {
        var have = cols.Sum(i => widths[i]);
        if (have >= needed) return;
        var extra = needed - have;
        if (have <= 0) { foreach (var i in cols) widths[i] += extra / cols.Length; return; }
        foreach (var i in cols) widths[i] += extra * widths[i] / have;
    }

    private static double[] Scale(double[] widths, double width)
    {
        var sum = widths.Sum();
        return sum <= 0 ? widths : widths.Select(w => w * width / sum).ToArray();
    }
}
