namespace Publishing.Layout.Text;

/// <summary>
/// Where first-fit breaking (table cells, unjustified text) cuts a piece the rules keep whole (a period
/// 2023.07-2024.01, a URL, a path) when it alone is wider than the line: after <c>/ - _</c> or a URL's other
/// separators (<c>? &amp; = # ~</c>, never before a separator, so <c>https://</c> stays whole), failing that after
/// <c>.</c>, failing that at a CJK boundary; the latest such place that fits. Never between two digits or two
/// letters: when there is no such place the caller cuts where it must and says so (the line overflowed).
/// </summary>
internal static class CellBreaks
{
    /// <summary>The best place in (<paramref name="start"/>, <paramref name="limit"/>] for a line to end, or -1.</summary>
    public static int Find(int[] cps, int start, int limit)
    {
        int separator = -1, dot = -1, cjk = -1;
        for (var c = Math.Min(limit, cps.Length - 1); c > start && separator < 0; c--)
        {
            var (before, after) = (cps[c - 1], cps[c]);
            if (IsSeparator(after) || after == '.' || BreakRules.IsNoStart(after) || BreakRules.IsSpace(after)) continue;
            if (before is '/' or '-' or '_' or '?' or '&' or '=' or '#' or '~') separator = c;
            else if (before == '.' && dot < 0) dot = c;
            else if (cjk < 0 && !BreakRules.IsNoEnd(before) && (BreakRules.IsCjkIdeographLike(before) || BreakRules.IsCjkIdeographLike(after))) cjk = c;
        }
        return separator > 0 ? separator : dot > 0 ? dot : cjk;
    }

    private static bool IsSeparator(int cp) => cp is '/' or '-' or '_' or '?' or '&' or '=' or '#' or '~' or ':';
}
