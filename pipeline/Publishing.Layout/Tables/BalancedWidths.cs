namespace Publishing.Layout.Tables;

/// <summary>
/// Automatic column widths that look at the text, not just its extremes. HTML's rule gives each column its
/// minimum and shares the rest in proportion to the preferred widths, so a column of long descriptions takes
/// everything while a column of short phrases wraps four characters a line (三级指标) and a column of one
/// short phrase stays wide and empty. Here every column starts at its minimum and the space goes, one step at
/// a time, to the column where it shortens the table most per point of width (looking a few steps ahead, so
/// a column that needs two steps to lose a line still gets them). A cell line holding a single character costs
/// a whole line that a slightly wider column saves, so it ranks high. What no column can use to save a line is
/// shared as HTML would, in proportion to how much each column still wants.
/// </summary>
internal static class BalancedWidths
{
    /// <summary>How many steps ahead a column is tried.</summary>
    private const int LookAhead = 6;

    public static void Run(double[] widths, IReadOnlyList<int> auto, double[] max, double space, double step, Func<double[], double> tableHeight)
    {
        var left = space - auto.Sum(i => widths[i]);
        var height = tableHeight(widths);
        while (left > 0.01)
        {
            var best = (Column: -1, Width: 0.0, Ratio: 0.0, Height: height);
            foreach (var i in auto)
            {
                var room = Math.Min(left, max[i] - widths[i]);
                if (room <= 0.01) continue;
                var original = widths[i];
                for (var k = 1; k <= LookAhead; k++)
                {
                    var extra = Math.Min(room, k * step);
                    widths[i] = original + extra;
                    var h = tableHeight(widths);
                    var ratio = (height - h) / extra;
                    if (ratio > best.Ratio + 1e-9) best = (i, extra, ratio, h);
                    if (extra >= room) break;
                }
                widths[i] = original;
            }
            if (best.Column < 0) break;
            widths[best.Column] += best.Width;
            left -= best.Width;
            height = best.Height;
        }
        if (left <= 0.01) return;
        // Nothing saves another line: share the rest in proportion to what each column still wants.
        var wants = auto.Select(i => Math.Max(0, max[i] - widths[i])).ToArray();
        var total = wants.Sum();
        for (var j = 0; j < auto.Count; j++)
            widths[auto[j]] += total > 0 ? left * wants[j] / total : left / auto.Count;
    }
}
