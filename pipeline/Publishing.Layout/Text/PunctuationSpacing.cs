namespace Publishing.Layout.Text;

/// <summary>
/// CLREQ 标点挤压 of adjacent marks, done once when a paragraph is shaped so the breaker, the renderer and the
/// column widths all see the same advances: where two full-width marks stand side by side and their blank
/// halves face each other (a closing mark before a closing or an opening one: 》， ”。 ）、 。“ 、（; an opening
/// mark before another: （《), one blank half goes — the first mark's right half when it has one, else the
/// second's left. Marks whose blanks do not face (（）) and dashes and ellipses (which fill their box) keep their width.
/// </summary>
internal static class PunctuationSpacing
{
    public static void CompressPairs(List<ShapedChar> chars)
    {
        if (chars.Count < 2) return;
        // Blanks measured before any mark changes (a compressed mark measures no blank any more).
        var blanks = new (double Left, double Right)[chars.Count];
        var any = false;
        for (var i = 0; i < chars.Count; i++)
        {
            if (!Shaper.IsCjkPunctuation(chars[i].CodePoint)) continue;
            blanks[i] = chars[i].PunctuationBlank();
            any |= blanks[i] != default;
        }
        if (!any) return;
        for (var i = 1; i < chars.Count; i++)
        {
            var (before, after) = (chars[i - 1], chars[i]);
            if (!Shaper.IsCjkPunctuation(before.CodePoint) || !Shaper.IsCjkPunctuation(after.CodePoint)) continue;
            if (blanks[i - 1].Right > 0) CloseRight(before, blanks[i - 1].Right);
            else if (blanks[i].Left > 0 && blanks[i].Right == 0) CloseLeft(after, blanks[i].Left);
        }
    }

    /// <summary>The mark gives up the blank after its ink: its (last) glyph advances less.</summary>
    private static void CloseRight(ShapedChar c, double blank)
    {
        var g = c.Glyphs[^1];
        c.Glyphs[^1] = g with { Advance = g.Advance - blank };
        c.Advance -= blank;
    }

    /// <summary>The mark gives up the blank before its ink: its glyph moves back and advances less.</summary>
    private static void CloseLeft(ShapedChar c, double blank)
    {
        var g = c.Glyphs[0];
        c.Glyphs[0] = g with { XOffset = g.XOffset - blank, Advance = g.Advance - blank };
        c.Advance -= blank;
    }
}
