namespace Publishing.Layout.Fonts;

/// <summary>
/// A font file cut down to the characters a web page shows, for the HTML preview (the PDF makes its own
/// subsets). HarfBuzz's subsetter keeps the layout closure of those characters (ligatures, vertical forms),
/// so the browser shapes the text as it would with the whole font. Same input, same bytes.
/// </summary>
public static class WebFontSubset
{
    public static byte[] Create(string fontPath, IEnumerable<int> codePoints)
    {
        using var face = FontFace.Open(fontPath);
        var present = codePoints.Where(face.HasGlyph).ToList();
        return FontSubsetter.Subset(face, present, Array.Empty<ushort>()).Data;
    }
}
