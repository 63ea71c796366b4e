using Publishing.Layout.Fonts;
using Publishing.Layout.Frames;

namespace Publishing.Layout.Ofd;

/// <summary>
/// The document's fonts as OFD embeds them (GB/T 33190 §11.1): one TrueType subset per face, made by the same
/// HarfBuzz subsetter as the PDF's. An OFD reader finds a glyph from the Unicode text through the font's cmap,
/// so each subset keeps the nominal glyph of every character drawn with the face, beside the glyphs shaping
/// chose (full-width forms): a reader that ignores CGTransform still draws every character. No second subset
/// for characters that share a glyph, as the PDF needs for its ToUnicode map: OFD text is Unicode already.
/// </summary>
internal sealed class OfdFonts
{
    /// <summary>One embedded subset: its unit id, file, names and old → new glyph ids.</summary>
    internal sealed class Subset(FontFace face, long id, FontSubsetter.PooledResult program, OfdFontNames names)
    {
        public FontFace Face { get; } = face;
        public long Id { get; } = id;
        public string FileName { get; } = $"font_{id}.ttf";
        public FontSubsetter.PooledResult Program { get; } = program;
        public OfdFontNames Names { get; } = names;

        /// <summary>The glyph a character reaches through the subset's cmap (the face's nominal glyph), or 0.</summary>
        public ushort Nominal(int codePoint) =>
            Face.Font.TryGetNominalGlyph((uint)codePoint, out var glyph) ? (ushort)glyph : (ushort)0;

        /// <summary>A glyph of the face by its id in the subset (0, .notdef, when it was not kept).</summary>
        public ushort NewId(ushort glyph) => Program.GlyphMap.TryGetValue(glyph, out var id) ? id : (ushort)0;
    }

    private readonly Dictionary<FontFace, Subset> _byFace = new();
    private readonly List<Subset> _all = new();

    public IReadOnlyList<Subset> All => _all;

    public Subset For(FontFace face) => _byFace[face];

    /// <param name="nextId">Hands out the package's unit ids, in the order the fonts come (by file path).</param>
    public static OfdFonts Build(IReadOnlyList<PageFrame> pages, Func<long> nextId)
    {
        var used = new Dictionary<FontFace, (HashSet<int> CodePoints, HashSet<ushort> Glyphs)>();
        foreach (var page in pages)
            foreach (var item in page.Items)
                if (item is GlyphRun { Glyphs.Length: > 0 } run)
                {
                    if (!used.TryGetValue(run.Face, out var sets)) used[run.Face] = sets = (new HashSet<int>(), new HashSet<ushort>());
                    sets.CodePoints.UnionWith(run.CodePoints);
                    sets.Glyphs.UnionWith(run.Glyphs);
                }

        var fonts = new OfdFonts();
        foreach (var (face, (codePoints, glyphs)) in used.OrderBy(kv => kv.Key.Path, StringComparer.Ordinal))
        {
            foreach (var cp in codePoints)
                if (face.Font.TryGetNominalGlyph((uint)cp, out var nominal) && nominal != 0) glyphs.Add((ushort)nominal);
            var subset = new Subset(face, nextId(), FontSubsetter.SubsetGlyphs(face, codePoints, glyphs), OfdFontNames.Of(face));
            fonts._byFace[face] = subset;
            fonts._all.Add(subset);
        }
        return fonts;
    }

    /// <summary>Gives every font program's pooled bytes back (after they were written, or on failure).</summary>
    public void Release()
    {
        foreach (var font in _all) font.Program.Return();
    }
}
