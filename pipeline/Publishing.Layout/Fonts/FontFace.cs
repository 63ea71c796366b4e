using System.IO.MemoryMappedFiles;
using HarfBuzzSharp;

namespace Publishing.Layout.Fonts;

/// <summary>
/// One TrueType font file, opened through HarfBuzz (memory-mapped, never copied whole into managed memory).
/// Shaping and glyph lookup use it; the PDF writer later subsets it to what a document used.
/// </summary>
public sealed class FontFace : IDisposable
{
    internal Blob Blob { get; }
    internal Face Face { get; }
    internal Font Font { get; }

    public string Path { get; }
    public int UnitsPerEm { get; }

    private FontFace(string path, Blob blob, Face face, Font font)
    {
        Path = path;
        Blob = blob;
        Face = face;
        Font = font;
        UnitsPerEm = face.UnitsPerEm;
    }

    public static FontFace Open(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"font file not found: {path}", path);
        FontFileCheck.ThrowIfBroken(path);
        // Every native object made here is released again when a later step refuses the file.
        Blob? blob = null;
        Face? face = null;
        try
        {
            blob = MapFile(path);
            face = new Face(blob, 0);
            if (face.GlyphCount == 0) throw new InvalidDataException($"not a font (no glyphs): {path}");
            // The PDF writer embeds TrueType outlines (CIDFontType2); CFF (PostScript-outline) fonts are not supported.
            if (!face.Tables.Contains(Tag.Parse("glyf")))
                throw new InvalidDataException($"font has no TrueType outlines (glyf table); CFF/OpenType-PS fonts are not supported: {path}");
            var font = new Font(face);
            font.SetScale(face.UnitsPerEm, face.UnitsPerEm);
            return new FontFace(path, blob, face, font);
        }
        catch
        {
            face?.Dispose();
            blob?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The file memory-mapped, so only the pages HarfBuzz touches are read (Blob.FromFile reads all 10-15 MB of
    /// a CJK font: ~45 ms each, on every cold start).
    /// </summary>
    private static unsafe Blob MapFile(string path)
    {
        // The length of what is opened: FileInfo.Length of a symbolic link is the link's own length, not the font's.
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var length = stream.Length;
        var file = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
        MemoryMappedViewAccessor? view = null;
        try
        {
            view = file.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
            byte* pointer = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
            var mapped = view;
            return new Blob((IntPtr)(pointer + view.PointerOffset), (int)length, MemoryMode.ReadOnly, () =>
            {
                mapped.SafeMemoryMappedViewHandle.ReleasePointer();
                mapped.Dispose();
                file.Dispose();
            });
        }
        catch
        {
            view?.Dispose();
            file.Dispose();
            throw;
        }
    }

    /// <summary>How far the ink of a character's glyph reaches above the baseline, in ems (0 without a glyph).</summary>
    public double InkTop(int codePoint) =>
        Font.TryGetNominalGlyph((uint)codePoint, out var gid) && Font.TryGetGlyphExtents(gid, out var extents)
            ? (double)extents.YBearing / UnitsPerEm
            : 0;

    public bool HasGlyph(int codePoint) => Font.TryGetNominalGlyph((uint)codePoint, out var gid) && gid != 0;

    public override string ToString() => System.IO.Path.GetFileName(Path);

    public void Dispose()
    {
        Font.Dispose();
        Face.Dispose();
        Blob.Dispose();
    }
}
