namespace Publishing.Layout.Text;

/// <summary>
/// Line breaks chosen over the whole paragraph for justified text (Knuth and Plass's total-fit, as Typst does
/// for CJK): every break opportunity is a node; a line's cost grows with the cube of the space justification
/// must add to each of its gaps, measured against <see cref="ComfortableStretchEm"/>, and the sum of squared
/// costs is minimised. Greedy breaking leaves a line loose whenever a long number or word just misses its end;
/// here the characters before it shift over several lines by a fraction of a gap each.
/// The search looks back at most one line from each node, so time is linear in the paragraph's length.
/// Lines never break where <see cref="BreakRules"/> forbid it; a piece wider than the line (a URL) may break
/// anywhere inside, at a small cost.
/// </summary>
internal static class OptimalBreaker
{
    /// <summary>The space per gap, in em, a justified line may take without looking loose.</summary>
    public const double ComfortableStretchEm = 0.15;
    private const double EmergencyBreakCost = 1_000;
    private const double PathBreakCost = 500;
    private const double LoneLastCharCost = 5_000;
    private const double OverflowCost = 1e12;

    public static List<(int Start, int End)> Break(IReadOnlyList<ShapedChar> chars, int[] cps, bool[] opps, double width,
        double firstIndent, bool avoidLoneLastChar)
    {
        var n = chars.Count;
        if (n == 0) return new List<(int, int)>();
        var prefix = new double[n + 1];
        var gaps = new int[n + 1];                       // gaps[i]: stretchable gaps between characters 0..i-1
        for (var i = 0; i < n; i++)
        {
            prefix[i + 1] = prefix[i] + chars[i].Advance;
            gaps[i + 1] = gaps[i] + (i > 0 && BreakRules.IsStretchable(cps[i - 1], cps[i]) ? 1 : 0);
        }
        // A line starting at a break skips its leading spaces; a line ending at one drops trailing spaces.
        var contentStart = new int[n + 1];
        contentStart[n] = n;
        for (var i = n - 1; i >= 0; i--) contentStart[i] = BreakRules.IsSpace(cps[i]) ? contentStart[i + 1] : i;
        var visibleEnd = new int[n + 1];
        for (var i = 0; i <= n; i++)
            visibleEnd[i] = i > 0 && (BreakRules.IsSpace(cps[i - 1]) || BreakRules.IsMandatoryBreak(cps[i - 1])) ? visibleEnd[i - 1] : i;

        var candidates = Candidates(cps, opps, prefix, n, width - firstIndent, out var extraCost);
        var cost = new double[n + 1];
        var previous = new int[n + 1];
        Array.Fill(cost, double.PositiveInfinity);
        cost[0] = 0;
        var lastMandatory = 0;
        for (var k = 1; k < candidates.Count; k++)
        {
            var b = candidates[k];
            var isEnd = b == n;
            var mandatory = BreakRules.IsMandatoryBreak(cps[b - 1]);
            for (var j = k - 1; j >= 0; j--)
            {
                var a = candidates[j];
                if (a < lastMandatory || double.IsPositiveInfinity(cost[a])) { if (a < lastMandatory) break; continue; }
                var s = Math.Min(contentStart[a], b);
                var e = Math.Max(visibleEnd[b], s);
                var available = width - (a == 0 ? firstIndent : 0);
                var natural = prefix[e] - prefix[s];
                var overflow = natural > available + LineBreaker.Epsilon;
                if (overflow && j < k - 1) break;           // longer lines only get wider
                double line;
                if (overflow) line = OverflowCost + natural - available;
                else if (isEnd || mandatory) line = 0;
                else
                {
                    var stretchable = e > s + 1 ? gaps[e] - gaps[s + 1] : 0;
                    var em = chars[s < e ? s : Math.Max(0, b - 1)].Size;
                    var ratio = (available - natural) / (Math.Max(stretchable, 1) * ComfortableStretchEm * em);
                    var badness = Math.Min(100 * ratio * ratio * ratio, 1e6);
                    line = (1 + badness) * (1 + badness);
                }
                line += extraCost[b];
                if (isEnd && avoidLoneLastChar && a > 0 && Units(cps, s, e) == 1) line += LoneLastCharCost;
                var total = cost[a] + line;
                if (total < cost[b]) { cost[b] = total; previous[b] = a; }
            }
            if (mandatory) lastMandatory = b;
        }

        var ranges = new List<(int Start, int End)>();
        for (var b = n; b > 0; b = previous[b]) ranges.Add((previous[b], b));
        ranges.Reverse();
        // The greedy breaker's convention: a line after a break starts past the spaces there.
        for (var i = 1; i < ranges.Count; i++) ranges[i] = (contentStart[ranges[i].Start] < ranges[i].End ? contentStart[ranges[i].Start] : ranges[i].Start, ranges[i].End);
        return ranges;
    }

    /// <summary>
    /// Break opportunities, plus: after each '/' of a path or URL (a piece with two slashes or more) at a
    /// small cost, as Chicago style breaks URLs; and every position inside a piece no line can hold at all
    /// (a very long number), as a last resort.
    /// </summary>
    private static List<int> Candidates(int[] cps, bool[] opps, double[] prefix, int n, double narrowest, out double[] extraCost)
    {
        extraCost = new double[n + 1];
        var result = new List<int> { 0 };
        var pieceStart = 0;
        for (var i = 1; i <= n; i++)
        {
            if (!opps[i]) continue;
            if (prefix[i] - prefix[pieceStart] > narrowest + LineBreaker.Epsilon)
                for (var c = pieceStart + 1; c < i; c++) { extraCost[c] = EmergencyBreakCost; result.Add(c); }
            else if (Slashes(cps, pieceStart, i) >= 2)
                for (var c = pieceStart + 1; c < i; c++)
                    if (cps[c - 1] == '/' && cps[c] != '/' && !BreakRules.IsNoStart(cps[c])) { extraCost[c] = PathBreakCost; result.Add(c); }
            result.Add(i);
            pieceStart = i;
        }
        return result;
    }

    private static int Slashes(int[] cps, int start, int end)
    {
        var count = 0;
        for (var i = start; i < end; i++) if (cps[i] == '/') count++;
        return count;
    }

    /// <summary>Characters in [s, e) that count as content for the lone-last-character rule (not punctuation).</summary>
    private static int Units(int[] cps, int s, int e)
    {
        var units = 0;
        for (var i = s; i < e && units < 2; i++)
            if (!BreakRules.IsNoStart(cps[i]) && !BreakRules.IsNoEnd(cps[i]) && !BreakRules.IsSpace(cps[i]) && !BreakRules.IsMandatoryBreak(cps[i])) units++;
        return units;
    }
}
