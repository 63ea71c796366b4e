namespace Publishing.Layout.Text;

/// <summary>
/// Line breaks chosen over the whole paragraph for justified text (Knuth and Plass's total-fit, as Typst does
/// for CJK): every break opportunity is a node; a line's cost grows with the cube of what
/// <see cref="Justification"/> must do to set it (stretch per gap measured against
/// <see cref="Justification.ComfortableStretchEm"/>, or the share of its shrink it uses), and the sum of squared
/// costs is minimised. Greedy breaking leaves a line loose whenever a long number or word just misses its end;
/// here the characters before it shift over several lines by a fraction of a gap each, or the line closes up.
/// Besides the rules' opportunities, a piece of Latin text may break inside at a price (<see cref="InnerBreaks"/>:
/// URLs after a separator, English words at a hyphenation point, numbers after a thousands comma, long codes).
/// A URL never breaks inside one of its names: a line ending before a URL or after one of its separators that could
/// only be set loose is set ragged instead (stretched to the comfortable limit, the rest left blank at its end, as a typesetter
/// sets a line before an unbreakable URL), at a price above any tight choice and below any loose line.
/// The search looks back at most one line from each node, so time is linear in the paragraph's length.
/// </summary>
internal static class OptimalBreaker
{
    private const double LoneLastCharCost = 5_000;
    /// <summary>A line looser than the comfortable limit costs more than any break inside a word, so the limit holds
    /// whenever some choice of breaks can keep it.</summary>
    private const double LooseLineCost = 1e8;
    private const double OverflowCost = 1e12;
    /// <summary>A ragged line ending before or inside a URL: dearer than any tight paragraph, cheaper than a loose line; the
    /// blank it leaves adds up to as much again, so the fullest ragged line wins.</summary>
    private const double RaggedLineCost = 1e6;
    /// <summary>Shrinking all a line can counts as stretching it by this share of the comfortable limit.</summary>
    private const double ShrinkWeight = 0.8;

    public static List<(int Start, int End)> Break(IReadOnlyList<ShapedChar> chars, int[] cps, bool[] opps, double width,
        double firstIndent, bool avoidLoneLastChar, out bool[] hyphenated, out bool[] ragged)
    {
        var n = chars.Count;
        hyphenated = new bool[n + 1];
        ragged = new bool[n + 1];
        if (n == 0) return new List<(int, int)>();
        // Prefix sums over characters (advances, shrinkable spaces) and over neighbouring pairs, counted at the
        // second of the pair (stretchable gaps, pairs inside words, punctuation that may close up).
        var prefix = new double[n + 1];
        var spaceShrink = new double[n + 1];
        var pairShrink = new double[n + 1];
        var gaps = new int[n + 1];
        var pairs = new int[n + 1];
        var compressLeft = new double[n];                // punctuation's blank half at a line's start or end
        var compressRight = new double[n];
        var size = new double[n];                        // the font size (an em) at each character
        for (var i = 0; i < n; i++)
        {
            (compressLeft[i], compressRight[i]) = chars[i].PunctuationBlank();
            size[i] = chars[i].Size;
            prefix[i + 1] = prefix[i] + chars[i].Advance;
            spaceShrink[i + 1] = spaceShrink[i] + Justification.SpaceShrink(chars[i]);
            var stretchable = i > 0 && BreakRules.IsStretchable(cps[i - 1], cps[i]);
            gaps[i + 1] = gaps[i] + (stretchable ? 1 : 0);
            pairs[i + 1] = pairs[i] + (i > 0 && !stretchable && Justification.IsTrackable(cps[i - 1], cps[i]) ? 1 : 0);
            pairShrink[i + 1] = pairShrink[i] + (i > 0 ? Justification.PairShrink(chars[i - 1], chars[i]) : 0);
        }
        // A line starting at a break skips its leading spaces; a line ending at one drops trailing spaces.
        var contentStart = new int[n + 1];
        contentStart[n] = n;
        for (var i = n - 1; i >= 0; i--) contentStart[i] = BreakRules.IsSpace(cps[i]) ? contentStart[i + 1] : i;
        var visibleEnd = new int[n + 1];
        for (var i = 0; i <= n; i++)
            visibleEnd[i] = i > 0 && (BreakRules.IsSpace(cps[i - 1]) || BreakRules.IsMandatoryBreak(cps[i - 1])) ? visibleEnd[i - 1] : i;

        var candidates = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(
            InnerBreaks.Candidates(cps, opps, prefix, width - firstIndent, out var extraCost, out hyphenated, out var atUrl));
        var cost = new double[n + 1];
        var previous = new int[n + 1];
        Array.Fill(cost, double.PositiveInfinity);
        cost[0] = 0;
        var lastMandatory = 0;
        for (var k = 1; k < candidates.Length; k++)
        {
            var b = candidates[k];
            var isEnd = b == n;
            var mandatory = BreakRules.IsMandatoryBreak(cps[b - 1]);
            // What depends on the line's end alone, read once for the lines that may end here.
            var endVisible = visibleEnd[b];
            var endHyphenated = hyphenated[b];
            var endCost = extraCost[b];
            var endAtUrl = atUrl[b];
            var bestCost = cost[b];
            var bestPrevious = previous[b];
            var bestRagged = false;
            for (var j = k - 1; j >= 0; j--)
            {
                var a = candidates[j];
                if (a < lastMandatory) break;
                if (double.IsPositiveInfinity(cost[a])) continue;
                var s = Math.Min(contentStart[a], b);
                var e = Math.Max(endVisible, s);
                var available = width - (a == 0 ? firstIndent : 0);
                var natural = prefix[e] - prefix[s] + (endHyphenated && e > s ? DrawnHyphen.Advance(chars[e - 1]) : 0);
                var shrink = e > s
                    ? compressLeft[s] + compressRight[e - 1] + spaceShrink[e] - spaceShrink[s] + pairShrink[e] - pairShrink[s + 1]
                    : 0;
                var overflow = natural - shrink > available + LineBreaker.Epsilon;
                // Longer lines only get wider (give or take one compressible mark at their start).
                if (overflow && j < k - 1 && natural - shrink > available + size[s]) break;
                double line;
                var setRagged = false;
                if (overflow) line = OverflowCost + natural - available;
                else
                {
                    double ratio;
                    var unfilledShare = 0.0;
                    if (natural > available + LineBreaker.Epsilon) ratio = ShrinkWeight * (natural - available) / shrink;
                    else if (isEnd || mandatory) ratio = 0;
                    else
                    {
                        var em = size[s < e ? s : Math.Max(0, b - 1)];
                        var lineGaps = e > s + 1 ? gaps[e] - gaps[s + 1] : 0;
                        var linePairs = e > s + 1 ? pairs[e] - pairs[s + 1] : 0;
                        var (gap, track) = lineGaps + linePairs == 0
                            ? (available - natural, 0)
                            : Justification.Stretch(available - natural, lineGaps, linePairs, em);
                        ratio = Math.Max(gap, track) / (Justification.ComfortableStretchEm * em);
                        if (ratio > 1 && endAtUrl)
                        {
                            setRagged = true;
                            unfilledShare = (available - natural - Justification.RaggedSlack(lineGaps, linePairs, em)) / available;
                            ratio = 1;
                        }
                    }
                    var badness = Math.Min(100 * ratio * ratio * ratio, 1e6);
                    line = (1 + badness) * (1 + badness) + (ratio > 1 ? LooseLineCost : 0) + (setRagged ? RaggedLineCost * (1 + unfilledShare) : 0);
                }
                line += endCost;
                if (isEnd && avoidLoneLastChar && a > 0 && Units(cps, s, e) == 1) line += LoneLastCharCost;
                var total = cost[a] + line;
                if (total < bestCost) { bestCost = total; bestPrevious = a; bestRagged = setRagged; }
            }
            cost[b] = bestCost;
            previous[b] = bestPrevious;
            ragged[b] = bestRagged;
            if (mandatory) lastMandatory = b;
        }

        var ranges = new List<(int Start, int End)>();
        for (var b = n; b > 0; b = previous[b]) ranges.Add((previous[b], b));
        ranges.Reverse();
        // The greedy breaker's convention: a line after a break starts past the spaces there.
        for (var i = 1; i < ranges.Count; i++) ranges[i] = (contentStart[ranges[i].Start] < ranges[i].End ? contentStart[ranges[i].Start] : ranges[i].Start, ranges[i].End);
        return ranges;
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
