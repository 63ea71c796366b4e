namespace Publishing.Layout.Text;

/// <summary>A line of a paragraph: characters [Start, End), of which [Start, VisibleEnd) are drawn; a hyphenated
/// line ends with a drawn hyphen (<see cref="DrawnHyphen"/>), its room counted in <see cref="NaturalWidth"/>.
/// <see cref="Overflowed"/>: the line was cut inside a piece with no allowed break in it (between two digits or letters).
/// <see cref="Ragged"/>: a justified line ending before or inside a URL, stretched no further than the comfortable limit (its end left short).</summary>
internal sealed record TextLine(int Start, int End, int VisibleEnd, double Indent, double NaturalWidth, bool IsLast, bool EndsWithMandatoryBreak,
    bool Hyphenated = false, bool Overflowed = false, bool Ragged = false);

/// <summary>
/// Line breaking over shaped characters and break opportunities (<see cref="BreakRules"/>). Justified text is
/// broken over the whole paragraph (<see cref="OptimalBreaker"/>); other text greedily (first fit, as a browser
/// does in a table cell), then one repair: a last line holding a single character pulls one more unit down
/// from the line before, when the rules allow it (no cell ends with a lone 比 or 划 when a better break exists).
/// </summary>
internal static class LineBreaker
{
    internal const double Epsilon = 0.01;

    public static List<TextLine> Break(IReadOnlyList<ShapedChar> chars, double width, double firstIndent, bool avoidLoneLastChar, bool optimal = false,
        PunctuationRules? rules = null)
    {
        var cps = chars.Select(c => c.CodePoint).ToArray();
        var opps = BreakRules.Opportunities(cps, rules);
        bool[]? hyphenated = null;
        bool[]? overflowed = null;
        bool[]? ragged = null;
        var ranges = optimal
            ? OptimalBreaker.Break(chars, cps, opps, width, firstIndent, avoidLoneLastChar, out hyphenated, out ragged)
            : Greedy(chars, cps, opps, width, firstIndent, avoidLoneLastChar, out overflowed);
        return ToLines(ranges, chars, cps, firstIndent, hyphenated, overflowed, ragged);
    }

    private static List<(int Start, int End)> Greedy(IReadOnlyList<ShapedChar> chars, int[] cps, bool[] opps, double width,
        double firstIndent, bool avoidLoneLastChar, out bool[] overflowed)
    {
        var ranges = new List<(int Start, int End)>();
        var n = chars.Count;
        overflowed = new bool[n + 1];
        var start = 0;
        while (start < n)
        {
            // A mark opening the line may give up its blank half (CLREQ), as may the one closing it (below).
            var avail = width - (ranges.Count == 0 ? firstIndent : 0) + chars[start].CompressLeft;
            double w = 0;
            var lastBreak = -1;
            var end = -1;
            for (var i = start; i < n; i++)
            {
                if (i > start && opps[i])
                {
                    if (BreakRules.IsMandatoryBreak(cps[i - 1])) { end = i; break; }
                    lastBreak = i;
                }
                w += chars[i].Advance;
                if (i > start && !BreakRules.IsSpace(cps[i]) && w - chars[i].CompressRight > avail + Epsilon)
                {
                    if (lastBreak > start) end = lastBreak;
                    else
                    {
                        // One piece wider than the line: after a separator or at a CJK boundary, else where it must.
                        var inner = CellBreaks.Find(cps, start, i);
                        end = inner > start ? inner : i;
                        overflowed[end] = inner <= start;
                    }
                    break;
                }
            }
            if (end < 0) end = n;
            ranges.Add((start, end));
            start = end;
            while (start < n && BreakRules.IsSpace(cps[start])) start++;
        }

        if (avoidLoneLastChar && ranges.Count >= 2) RepairLoneLastChar(ranges, chars, cps, opps, width, firstIndent);
        return ranges;
    }

    private static List<TextLine> ToLines(List<(int Start, int End)> ranges, IReadOnlyList<ShapedChar> chars, int[] cps, double firstIndent,
        bool[]? hyphenated, bool[]? overflowed, bool[]? ragged)
    {
        var lines = new List<TextLine>(ranges.Count);
        for (var l = 0; l < ranges.Count; l++)
        {
            var (s, e) = ranges[l];
            var visibleEnd = e;
            while (visibleEnd > s && (BreakRules.IsSpace(cps[visibleEnd - 1]) || BreakRules.IsMandatoryBreak(cps[visibleEnd - 1]))) visibleEnd--;
            double natural = 0;
            for (var i = s; i < visibleEnd; i++) natural += chars[i].Advance;
            var mandatory = e > s && BreakRules.IsMandatoryBreak(cps[e - 1]);
            var hyphen = hyphenated is not null && hyphenated[e] && e < chars.Count && visibleEnd > s;
            if (hyphen) natural += DrawnHyphen.Advance(chars[visibleEnd - 1]);
            lines.Add(new TextLine(s, e, visibleEnd, l == 0 ? firstIndent : 0, natural, l == ranges.Count - 1, mandatory, hyphen,
                overflowed is not null && overflowed[e] && e < chars.Count, ragged is not null && ragged[e] && e < chars.Count));
        }
        if (lines.Count == 0) lines.Add(new TextLine(0, 0, 0, firstIndent, 0, true, false));
        return lines;
    }

    private static void RepairLoneLastChar(List<(int Start, int End)> ranges, IReadOnlyList<ShapedChar> chars, int[] cps,
        bool[] opps, double width, double firstIndent)
    {
        var last = ranges[^1];
        var prev = ranges[^2];
        if (BreakRules.IsMandatoryBreak(cps[prev.End - 1])) return;
        var units = 0;
        for (var i = last.Start; i < last.End; i++)
            if (!BreakRules.IsNoStart(cps[i]) && !BreakRules.IsNoEnd(cps[i]) && !BreakRules.IsSpace(cps[i]) && !BreakRules.IsMandatoryBreak(cps[i])) units++;
        if (units != 1) return;
        var lastWidth = 0.0;
        for (var i = last.Start; i < last.End; i++) lastWidth += chars[i].Advance;
        var prevIndent = ranges.Count == 2 ? firstIndent : 0;
        for (var b = prev.End - 1; b > prev.Start + 1; b--)
        {
            if (!opps[b]) continue;
            double moved = 0;
            for (var i = b; i < prev.End; i++) moved += chars[i].Advance;
            if (moved + lastWidth > width + Epsilon) return;
            // Keep the line before from getting too loose: at most a quarter of it may go — half when the text is two
            // lines (a header label: 计量单/位 becomes 计量/单位).
            if (moved > (width - prevIndent) / (ranges.Count == 2 ? 2 : 4)) return;
            ranges[^2] = (prev.Start, b);
            ranges[^1] = (b, last.End);
            return;
        }
    }

    /// <summary>Narrowest width the text can take (its widest unbreakable piece) and its one-line width.</summary>
    public static (double Min, double Max) IntrinsicWidths(IReadOnlyList<ShapedChar> chars, double firstIndent, PunctuationRules? rules = null)
    {
        var cps = chars.Select(c => c.CodePoint).ToArray();
        var opps = BreakRules.Opportunities(cps, rules);
        double min = 0, max = 0, piece = 0, line = firstIndent;
        for (var i = 0; i < chars.Count; i++)
        {
            if (i > 0 && opps[i])
            {
                min = Math.Max(min, piece);
                piece = 0;
                if (BreakRules.IsMandatoryBreak(cps[i - 1])) { max = Math.Max(max, line); line = 0; }
            }
            if (!BreakRules.IsSpace(cps[i])) piece += chars[i].Advance;
            line += chars[i].Advance;
        }
        min = Math.Max(min, piece);
        max = Math.Max(max, line);
        return (min, max);
    }
}
