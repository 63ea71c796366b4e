using Publishing.Layout.Frames;

namespace Publishing.Layout.Text;

public enum TextAlign
{
    Left,
    Center,
    Right,
    Justify,
    /// <summary>Centred when the paragraph is one line, otherwise left-aligned (table cells).</summary>
    CenterIfOneLine,
}

/// <summary>Turns a broken line into glyph runs and link areas, aligned and justified.</summary>
internal static class TextRenderer
{
    /// <summary>Where the baseline sits in a line box: the ideographic em box is centred in the pitch.</summary>
    public static double BaselineOffset(double pitch, double size) => (pitch - size) / 2 + size * 0.88;

    /// <param name="tags">The structure element of each character: glyph runs and link areas are tagged with it.</param>
    public static void Render(IReadOnlyList<ShapedChar> chars, TextLine line, double top, double width, double pitch,
        TextAlign align, SpanTags tags, List<FrameItem> into)
    {
        if (line.VisibleEnd <= line.Start) return;
        var avail = width - line.Indent;
        var justify = align == TextAlign.Justify && !line.IsLast && !line.EndsWithMandatoryBreak;
        var positions = new double[line.VisibleEnd - line.Start];
        var set = Justification.Place(chars, line, avail, justify, positions);
        var x = line.Indent + align switch
        {
            TextAlign.Center => (avail - set) / 2,
            TextAlign.Right => avail - set,
            _ => 0,
        };
        for (var i = 0; i < positions.Length; i++) positions[i] += x;
        var maxSize = 0.0;
        for (var i = line.Start; i < line.VisibleEnd; i++) maxSize = Math.Max(maxSize, chars[i].Size);
        var baseline = top + BaselineOffset(pitch, maxSize);

        // Runs of one face, size, colour and structure element; a missing character ends a run and is boxed instead.
        var runStart = line.Start;
        for (var i = line.Start; i <= line.VisibleEnd; i++)
        {
            var missing = i < line.VisibleEnd && IsMissing(chars[i]);
            if (i < line.VisibleEnd && !missing && (i == runStart || SameRun(chars[runStart], chars[i]) && (tags.Uniform || tags.At(i) == tags.At(runStart))))
                continue;
            if (i > runStart) into.Add(MakeRun(chars, runStart, i, positions, line.Start, baseline) with { Tag = tags.At(runStart) });
            if (missing) Box(chars[i], positions[i - line.Start], baseline, into);
            runStart = missing ? i + 1 : i;
        }

        // The hyphen is drawn, not a character of the text: an artifact, so the word reads whole.
        if (line.Hyphenated)
        {
            var last = chars[line.VisibleEnd - 1];
            into.Add(DrawnHyphen.Mark(last, positions[^1] + last.Advance, baseline));
        }

        var linkStart = line.Start;
        for (var i = line.Start + 1; i <= line.VisibleEnd; i++)
        {
            if (i < line.VisibleEnd && chars[i].Span.Link == chars[linkStart].Span.Link) continue;
            var link = chars[linkStart].Span.Link;
            if (link is not null)
            {
                var x0 = positions[linkStart - line.Start];
                var x1 = positions[i - 1 - line.Start] + chars[i - 1].Advance;
                into.Add(new LinkMark(x0, top, x1 - x0, pitch, link) { Tag = tags.At(linkStart) });
            }
            linkStart = i;
        }
    }

    /// <summary>
    /// A character no face has: shaped as the primary face's .notdef, which is not drawn (PDF/A forbids showing
    /// .notdef) but replaced by an empty box of our own where it stands, so the page still shows that something is missing.
    /// </summary>
    private static bool IsMissing(ShapedChar c)
    {
        foreach (var g in c.Glyphs)
            if (g.Id == 0) return true;
        return false;
    }

    /// <summary>The empty box that stands for a missing character: four rules inside its advance, from cap height to baseline.</summary>
    private static void Box(ShapedChar c, double x, double baseline, List<FrameItem> into)
    {
        var (left, right) = (x + c.Advance * 0.1, x + c.Advance * 0.9);
        var (top, bottom) = (baseline - c.Size * 0.8, baseline + c.Size * 0.05);
        var (thickness, color) = (c.Size * 0.05, c.Span.Style.Color);
        into.Add(new LineMark(left, top, right, top, thickness, color));
        into.Add(new LineMark(left, bottom, right, bottom, thickness, color));
        into.Add(new LineMark(left, top, left, bottom, thickness, color));
        into.Add(new LineMark(right, top, right, bottom, thickness, color));
    }

    private static bool SameRun(ShapedChar a, ShapedChar b) =>
        ReferenceEquals(a.Face, b.Face) && a.Size == b.Size && a.Span.Style.Color == b.Span.Style.Color;

    private static GlyphRun MakeRun(IReadOnlyList<ShapedChar> chars, int start, int end, double[] positions, int lineStart, double baseline)
    {
        var glyphs = new List<ushort>();
        var offsets = new List<double>();
        var clusters = new List<int>();
        var cps = new int[end - start];
        var text = new System.Text.StringBuilder();
        var x0 = positions[start - lineStart];
        for (var i = start; i < end; i++)
        {
            var c = chars[i];
            cps[i - start] = c.CodePoint;
            text.Append(char.ConvertFromUtf32(c.CodePoint));
            var pen = positions[i - lineStart] - x0;
            foreach (var g in c.Glyphs)
            {
                glyphs.Add(g.Id);
                offsets.Add(pen + g.XOffset);
                clusters.Add(i - start);
                pen += g.Advance;
            }
        }
        var width = positions[end - 1 - lineStart] + chars[end - 1].Advance - x0;
        var first = chars[start];
        return new GlyphRun(x0, baseline, first.Face, first.Size, first.Span.Style.Color, glyphs.ToArray(), offsets.ToArray(),
            cps, text.ToString(), width, clusters.ToArray());
    }
}
