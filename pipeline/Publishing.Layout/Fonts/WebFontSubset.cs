using System.Collections.Concurrent;

namespace Publishing.Layout.Fonts;

/// <summary>
/// A font file cut down to the characters a web page shows, for the HTML preview (the PDF makes its own
/// subsets). HarfBuzz's subsetter keeps the layout closure of those characters (ligatures, vertical forms),
/// so the browser shapes the text as it would with the whole font. Same input, same bytes.
/// </summary>
public static class WebFontSubset
{
    // Each font file is opened once per process (per version of the file) and shared by every page and thread:
    // HarfBuzz builds its tables' accelerators (cmap, glyf) once, not for every page of a county's nightly.
    private static readonly ConcurrentDictionary<(string Path, DateTime Written), Lazy<FontFace>> Faces = new();

    public static byte[] Create(string fontPath, IEnumerable<int> codePoints)
    {
        var path = Path.GetFullPath(fontPath);
        var face = Faces.GetOrAdd((path, File.GetLastWriteTimeUtc(path)), key => new Lazy<FontFace>(() => FontFace.Open(key.Path))).Value;
        var present = codePoints.Where(face.HasGlyph).ToList();
        return FontSubsetter.Subset(face, present, Array.Empty<ushort>()).Data;
    }
}
