namespace Publishing.Layout.Tables;

/// <summary>
/// Column widths as HTML's automatic table layout computes them, for a table as wide as the space: fixed
/// fractions first; each automatic column gets its minimum (widest unbreakable content) and the rest is shared
/// in proportion to how much each column wants beyond that (preferred = one-line width).
/// </summary>
internal static class ColumnWidths
{
    /// <summary>The width the table needs at least: fixed columns plus the automatic columns' minimums.</summary>
    public static double MinimumSum(int columns, IReadOnlyList<TableColumn> spec, IReadOnlyList<(int Column, int Span, double Min, double Max)> cells, double width)
    {
        var (min, _) = Bounds(columns, cells);
        var sum = 0.0;
        for (var i = 0; i < columns; i++)
            sum += i < spec.Count && spec[i].Fraction is { } f ? f * width : min[i];
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

    public static double[] Compute(int columns, IReadOnlyList<TableColumn> spec, IReadOnlyList<(int Column, int Span, double Min, double Max)> cells, double width)
    {
        var (min, max) = Bounds(columns, cells);
        var result = new double[columns];
        var fixedWidth = 0.0;
        var auto = new List<int>();
        for (var i = 0; i < columns; i++)
        {
            var fraction = i < spec.Count ? spec[i].Fraction : null;
            if (fraction is { } f) { result[i] = f * width; fixedWidth += result[i]; }
            else auto.Add(i);
        }
        if (auto.Count == 0) return Normalize(result, width);
        var space = Math.Max(0, width - fixedWidth);
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
        else
        {
            var share = (space - sumMin) / (sumMax - sumMin);
            foreach (var i in auto) result[i] = min[i] + (max[i] - min[i]) * share;
        }
        return result;
    }

    private static void Spread(double[] widths, int[] cols, double needed)
    {
        var have = cols.Sum(i => widths[i]);
        if (have >= needed) return;
        var extra = needed - have;
        if (have <= 0) { foreach (var i in cols) widths[i] += extra / cols.Length; return; }
        foreach (var i in cols) widths[i] += extra * widths[i] / have;
    }

    private static double[] Normalize(double[] widths, double width)
    {
        var sum = widths.Sum();
        return sum <= 0 ? widths : widths.Select(w => w * width / sum).ToArray();
    }
}
