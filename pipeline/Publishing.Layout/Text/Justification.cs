namespace Publishing.Layout.Text;

/// <summary>
/// How a line is set to its measure, shared by the breaker (which prices every candidate line with it) and the
/// renderer (which places the glyphs), so what the breaker chose is what gets printed.
/// A line too long may shrink: a Latin space by a third, and full-width punctuation by its blank half
/// (CLREQ 标点挤压: two marks side by side, a closing mark at the line's end, an opening one at its start).
/// A line too short stretches: first the gaps where CJK spacing is allowed; past
/// <see cref="TrackingFromEm"/> a gap, a little letter-spacing inside Latin words and numbers takes a share
/// (at most <see cref="MaxTrackingEm"/>, too little to split a word in copied text), so a line of long
/// numbers or English words does not look gappy between them. A ragged line (it ends before or inside a URL that no
/// break after a separator lets fill) stretches to those limits and no further: its end is left short.
/// </summary>
internal static class Justification
{
    /// <summary>The space per gap, in em, a justified line may take without looking loose.</summary>
    public const double ComfortableStretchEm = 0.15;
    public const double TrackingFromEm = 0.08;
    public const double MaxTrackingEm = 0.04;
    private const double SpaceShrinkShare = 1.0 / 3;

    /// <summary>Can letter-spacing go between these two (inside a Latin word or number)?</summary>
    public static bool IsTrackable(int before, int after) => BreakRules.IsWordChar(before) && BreakRules.IsWordChar(after);

    /// <summary>How much a character may shrink inside a line (a Latin space).</summary>
    public static double SpaceShrink(ShapedChar c) => BreakRules.IsSpace(c.CodePoint) ? c.Advance * SpaceShrinkShare : 0;

    /// <summary>How much two neighbouring full-width punctuation marks may close up (one blank half).</summary>
    public static double PairShrink(ShapedChar before, ShapedChar after) =>
        Shaper.IsCjkPunctuation(before.CodePoint) && Shaper.IsCjkPunctuation(after.CodePoint) ? Math.Max(before.CompressRight, after.CompressLeft) : 0;

    /// <summary>Extra space for each stretchable gap and for each pair inside a word, for a line short by <paramref name="slack"/>.</summary>
    public static (double Gap, double Track) Stretch(double slack, int gaps, int pairs, double em)
    {
        if (slack <= 0) return (0, 0);
        if (pairs == 0) return (gaps > 0 ? slack / gaps : 0, 0);
        if (gaps == 0) return (0, slack / pairs);                  // one word (a cut URL): letter-spacing only
        if (slack <= gaps * TrackingFromEm * em) return (slack / gaps, 0);
        var track = Math.Min(MaxTrackingEm * em, (slack - gaps * TrackingFromEm * em) / (gaps + pairs));
        return ((slack - pairs * track) / gaps, track);
    }

    /// <summary>
    /// The most a ragged line (<see cref="TextLine.Ragged"/>) is stretched by: every gap to the comfortable limit and
    /// every pair inside a word to the most letter-spacing allowed (what <see cref="Stretch"/> gives for that slack).
    /// </summary>
    public static double RaggedSlack(int gaps, int pairs, double em) => (gaps * ComfortableStretchEm + pairs * MaxTrackingEm) * em * RaggedShare;

    /// <summary>A hair under the limits, so rounding never takes a ragged line past them.</summary>
    private const double RaggedShare = 0.99;

    /// <summary>
    /// Pen position of each drawn character of the line, from the line's start, set to
    /// <paramref name="available"/>: shrunk when the text is wider, stretched when it is narrower and
    /// <paramref name="justify"/>. Returns the width the characters take, with the hyphen of a hyphenated line.
    /// </summary>
    public static double Place(IReadOnlyList<ShapedChar> chars, TextLine line, double available, bool justify, double[] positions)
    {
        int start = line.Start, end = line.VisibleEnd;
        var hyphen = line.Hyphenated ? DrawnHyphen.Advance(chars[end - 1]) : 0;
        available -= hyphen;
        double natural = 0, shrink = chars[start].CompressLeft + chars[end - 1].CompressRight;
        int gaps = 0, pairs = 0;
        for (var i = start; i < end; i++)
        {
            natural += chars[i].Advance;
            if (i == start) continue;
            if (i < end - 1) shrink += SpaceShrink(chars[i]);
            shrink += PairShrink(chars[i - 1], chars[i]);
            if (BreakRules.IsStretchable(chars[i - 1].CodePoint, chars[i].CodePoint)) gaps++;
            else if (IsTrackable(chars[i - 1].CodePoint, chars[i].CodePoint)) pairs++;
        }
        var squeeze = natural > available + LineBreaker.Epsilon && shrink > 0 ? Math.Min(1, (natural - available) / shrink) : 0;
        var slack = available - natural;
        if (line.Ragged) slack = Math.Min(slack, RaggedSlack(gaps, pairs, chars[start].Size));
        var (gap, track) = justify && squeeze == 0 ? Stretch(slack, gaps, pairs, chars[start].Size) : (0, 0);

        var pen = -squeeze * chars[start].CompressLeft;
        for (var i = start; i < end; i++)
        {
            if (i > start)
            {
                pen -= squeeze * PairShrink(chars[i - 1], chars[i]);
                if (BreakRules.IsStretchable(chars[i - 1].CodePoint, chars[i].CodePoint)) pen += gap;
                else if (IsTrackable(chars[i - 1].CodePoint, chars[i].CodePoint)) pen += track;
            }
            positions[i - start] = pen;
            pen += chars[i].Advance;
            if (i > start && i < end - 1) pen -= squeeze * SpaceShrink(chars[i]);
        }
        return pen - squeeze * chars[end - 1].CompressRight + hyphen;
    }
}
