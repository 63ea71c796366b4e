using Publishing.Layout.Frames;

namespace Publishing.Layout.Text;

/// <summary>
/// The hyphen at the end of a line where an English word was hyphenated. It is drawn as a filled box the size and
/// place of the font's hyphen, not as a glyph: it belongs to the layout, not to the text, so copying, searching
/// and screen readers get the word back whole ("Mark" + "down", not "Mark-" + "down").
/// </summary>
internal static class DrawnHyphen
{
    /// <summary>How much room the hyphen takes after the last character of a line set in <paramref name="c"/>'s face and size.</summary>
    public static double Advance(ShapedChar c)
    {
        var font = c.Face.Font;
        return font.TryGetNominalGlyph((uint)'-', out var glyph) ? font.GetHorizontalGlyphAdvance(glyph) * c.Size / c.Face.UnitsPerEm : c.Size / 3;
    }

    /// <summary>The hyphen's ink as a box, its pen at <paramref name="x"/> on <paramref name="baseline"/>.</summary>
    public static RectMark Mark(ShapedChar c, double x, double baseline)
    {
        var scale = c.Size / c.Face.UnitsPerEm;
        var font = c.Face.Font;
        if (font.TryGetNominalGlyph((uint)'-', out var glyph) && font.TryGetGlyphExtents(glyph, out var ink) && ink.Width > 0)
            return new RectMark(x + ink.XBearing * scale, baseline - ink.YBearing * scale, ink.Width * scale, -ink.Height * scale, c.Span.Style.Color);
        return new RectMark(x + c.Size * 0.05, baseline - c.Size * 0.3, c.Size * 0.23, c.Size * 0.06, c.Span.Style.Color);
    }
}
