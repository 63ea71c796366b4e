namespace Publishing.Layout.Fonts;

/// <summary>
/// A font file cut down to the characters a web page shows, for the HTML preview (the PDF makes its own
/// subsets). HarfBuzz's subsetter keeps the layout closure of those characters (ligatures, vertical forms),
/// so the browser shapes the text as it would with the whole font. Same input, same bytes.
/// </summary>
public static class WebFontSubset
{
    // Each font file is opened once (per version of the file) and shared by every page and thread: HarfBuzz
    // builds its tables' accelerators (cmap, glyf) once, not for every page of a county's nightly. One face per
    // path: when the file changes (a long `serve`), the face of the old file is released — unmapped and closed —
    // as soon as the last subset cut from it is done, rather than kept for the life of the process.
    private static readonly Dictionary<string, OpenFace> Faces = new(StringComparer.Ordinal);

    private sealed class OpenFace(DateTime written, Lazy<FontFace> face)
    {
        public DateTime Written { get; } = written;
        public Lazy<FontFace> Face { get; } = face;
        public int Users { get; set; }
        public bool Replaced { get; set; }
    }

    public static byte[] Create(string fontPath, IEnumerable<int> codePoints)
    {
        var path = Path.GetFullPath(fontPath);
        var open = Acquire(path);
        try
        {
            var face = open.Face.Value;
            var present = codePoints.Where(face.HasGlyph).ToList();
            return FontSubsetter.Subset(face, present, Array.Empty<ushort>()).Data;
        }
        finally
        {
            Release(open);
        }
    }

    private static OpenFace Acquire(string path)
    {
        var written = File.GetLastWriteTimeUtc(path);
        lock (Faces)
        {
            if (!Faces.TryGetValue(path, out var open) || open.Written != written)
            {
                if (open is not null) Retire(open);
                open = new OpenFace(written, new Lazy<FontFace>(() => FontFace.Open(path)));
                Faces[path] = open;
            }
            open.Users++;
            return open;
        }
    }

    private static void Release(OpenFace open)
    {
        lock (Faces)
        {
            open.Users--;
            if (open.Replaced && open.Users == 0) Close(open);
        }
    }

    private static void Retire(OpenFace open)
    {
        open.Replaced = true;
        if (open.Users == 0) Close(open);
    }

    private static void Close(OpenFace open)
    {
        if (open.Face.IsValueCreated) open.Face.Value.Dispose();
    }
}
