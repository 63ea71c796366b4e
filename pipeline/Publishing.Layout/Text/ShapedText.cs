using HarfBuzzSharp;
using Publishing.Layout.Fonts;
using Buffer = HarfBuzzSharp.Buffer;

namespace Publishing.Layout.Text;

/// <summary>One glyph, its position relative to the pen and its advance, in points.</summary>
internal readonly record struct ShapedGlyph(ushort Id, double XOffset, double YOffset, double Advance);

/// <summary>One code point of a paragraph after shaping: the face that draws it, its glyphs and its width.</summary>
internal sealed class ShapedChar
{
    public required int CodePoint { get; init; }
    public required FontFace Face { get; init; }
    public required TextSpan Span { get; init; }
    /// <summary>Made with room for exactly the glyphs shaping gave it (one for most characters): a shaped character
    /// is kept for every character of every paragraph.</summary>
    public required List<ShapedGlyph> Glyphs { get; init; }
    public double Advance { get; set; }
    public double Size => Span.Style.Size;
    /// <summary>Blank a full-width punctuation mark may give up on its left (an opening bracket's first half,
    /// CLREQ 标点挤压): half its advance when its ink sits in the other half, else 0.</summary>
    public double CompressLeft => PunctuationBlank().Left;

    /// <summary>Blank on its right (the second half of ，。、）” in Simplified Chinese forms), likewise.</summary>
    public double CompressRight => PunctuationBlank().Right;

    /// <summary>Asked of the font when needed rather than kept: a shaped character exists for every character of a
    /// document, and few are punctuation.</summary>
    internal (double Left, double Right) PunctuationBlank()
    {
        if (!Shaper.IsCjkPunctuation(CodePoint) || Glyphs.Count != 1 || Advance < Size * 0.8
            || !Face.Font.TryGetGlyphExtents(Glyphs[0].Id, out var ink) || ink.Width <= 0)
            return (0, 0);
        var inkStart = Glyphs[0].XOffset + ink.XBearing * Size / Face.UnitsPerEm;
        var blankRight = Advance - inkStart - ink.Width * Size / Face.UnitsPerEm;
        var left = inkStart >= Advance * 0.4 && blankRight < Advance * 0.2 ? Math.Min(inkStart, Advance / 2) : 0;
        var right = blankRight >= Advance * 0.4 && inkStart < Advance * 0.2 ? Math.Min(blankRight, Advance / 2) : 0;
        return (left, right);
    }
}

/// <summary>
/// Shapes spans with HarfBuzz. The face is chosen per character along the style's fallback chain; runs of
/// one face are shaped together (so kerning and ligatures inside a run work). A character no face has is
/// reported and shaped with the primary face (its .notdef box), never dropped.
/// </summary>
internal static class Shaper
{
    /// <param name="missing">Told of each character no face has: the index of its span and its code point.</param>
    public static List<ShapedChar> Shape(IReadOnlyList<TextSpan> spans, Action<int, int>? missing)
    {
        var result = new List<ShapedChar>();
        for (var spanIndex = 0; spanIndex < spans.Count; spanIndex++)
        {
            var span = spans[spanIndex];
            var cps = new List<int>();
            var faces = new List<FontFace>();
            for (var i = 0; i < span.Text.Length; i++)
            {
                var cp = NextCodePoint(span.Text, ref i);
                cps.Add(cp);
                if (cp == '\n' || cp == ' ') { faces.Add(faces.Count > 0 ? faces[^1] : span.Style.Font.Primary); continue; }
                var face = span.Style.Font.FaceFor(cp);
                if (face is null)
                {
                    if (!char.IsControl((char)Math.Min(cp, 0xFFFF)) || cp > 0xFFFF) missing?.Invoke(spanIndex, cp);
                    face = span.Style.Font.Primary;
                }
                faces.Add(face);
            }
            var start = 0;
            while (start < cps.Count)
            {
                var end = start + 1;
                while (end < cps.Count && ReferenceEquals(faces[end], faces[start])) end++;
                ShapeRun(span, faces[start], cps, start, end, result);
                start = end;
            }
        }
        return result;
    }

    private static void ShapeRun(TextSpan span, FontFace face, List<int> cps, int start, int end, List<ShapedChar> into)
    {
        var scale = span.Style.Size / face.UnitsPerEm;
        using var buffer = new Buffer();
        buffer.ContentType = ContentType.Unicode;
        buffer.ClusterLevel = ClusterLevel.MonotoneCharacters;
        for (var i = start; i < end; i++)
            buffer.Add((uint)(cps[i] == '\n' ? ' ' : cps[i]), (uint)(i - start));
        buffer.GuessSegmentProperties();
        buffer.Direction = Direction.LeftToRight;
        buffer.Language = Chinese;
        // Quotes, dashes and ellipses beside Chinese take their full-width forms (as in Chinese typesetting);
        // the same code points in a Latin context stay proportional.
        var features = new List<Feature>();
        for (var i = start; i < end; i++)
            if (IsFullWidthInCjk(cps[i]) && NextToCjk(cps, i))
                features.Add(new Feature(FullWidth, 1, (uint)(i - start), (uint)(i - start + 1)));
        face.Font.Shape(buffer, features.ToArray());
        var infos = buffer.GlyphInfos;
        var positions = buffer.GlyphPositions;
        var glyphCounts = new int[end - start];
        foreach (var info in infos) glyphCounts[(int)info.Cluster]++;
        var chars = new ShapedChar[end - start];
        for (var i = start; i < end; i++)
            chars[i - start] = new ShapedChar { CodePoint = cps[i], Face = face, Span = span, Glyphs = new List<ShapedGlyph>(glyphCounts[i - start]) };
        for (var g = 0; g < infos.Length; g++)
        {
            var owner = chars[(int)infos[g].Cluster];
            var glyph = new ShapedGlyph((ushort)infos[g].Codepoint, positions[g].XOffset * scale,
                -positions[g].YOffset * scale, positions[g].XAdvance * scale);
            owner.Glyphs.Add(glyph);
            owner.Advance += glyph.Advance;
        }
        foreach (var c in chars)
            if (c.CodePoint == '\n') { c.Glyphs.Clear(); c.Glyphs.TrimExcess(); c.Advance = 0; }
        into.AddRange(chars);
    }

    /// <summary>
    /// A character grid (Word's "document grid", GB/T 9704's 28 characters a line): every full-width character
    /// advances by <paramref name="grid"/> instead of its em, its glyph centred in the cell.
    /// </summary>
    public static void SnapToGrid(List<ShapedChar> chars, double grid)
    {
        foreach (var c in chars)
        {
            if (c.Glyphs.Count == 0 || Math.Abs(c.Advance - c.Size) > c.Size * 0.02) continue;
            if (c.Size > grid * 1.1 || c.Size < grid * 0.9) continue;     // only text of the grid's own size
            var delta = grid - c.Advance;
            for (var i = 0; i < c.Glyphs.Count; i++)
            {
                var g = c.Glyphs[i];
                c.Glyphs[i] = g with { XOffset = g.XOffset + delta / 2, Advance = i == c.Glyphs.Count - 1 ? g.Advance + delta : g.Advance };
            }
            c.Advance += delta;
        }
    }

    /// <summary>Full-width punctuation whose blank half may be compressed (not dashes and ellipses, which fill their box).</summary>
    internal static bool IsCjkPunctuation(int cp) =>
        cp >= 0x2000 && cp is not (0x2013 or 0x2014 or 0x2015 or 0x2026) && (BreakRules.IsNoStart(cp) || BreakRules.IsNoEnd(cp));

    private static readonly Language Chinese = new("zh-Hans");
    private static readonly Tag FullWidth = Tag.Parse("fwid");

    private static bool IsFullWidthInCjk(int cp) => cp is 0x2018 or 0x2019 or 0x201C or 0x201D or 0x2014 or 0x2026 or 0x00B7;

    private static bool NextToCjk(List<int> cps, int i)
    {
        for (var j = i - 1; j >= 0; j--) { if (IsFullWidthInCjk(cps[j])) continue; if (BreakRules.IsCjkIdeographLike(cps[j])) return true; break; }
        for (var j = i + 1; j < cps.Count; j++) { if (IsFullWidthInCjk(cps[j])) continue; return BreakRules.IsCjkIdeographLike(cps[j]); }
        return false;
    }

    internal static int NextCodePoint(string s, ref int i)
    {
        if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
        {
            var cp = char.ConvertToUtf32(s[i], s[i + 1]);
            i++;
            return cp;
        }
        return char.IsSurrogate(s[i]) ? 0xFFFD : s[i];
    }
}
