using Publishing.Layout.Fonts;
using Publishing.Layout.Frames;
using SkiaSharp;

namespace Publishing.Layout.Pdf;

/// <summary>
/// The subset fonts of one document, loaded into Skia. A PDF font maps each glyph to one text (ToUnicode), so
/// when a document uses two characters a font draws with the same glyph (… U+2026 and ⋯ U+22EF, 一 and the
/// radical ⼀), the second one goes into a second subset of that face: every glyph drawn then extracts as the
/// character written. Disposing releases every Skia typeface, also when loading one of them failed halfway.
/// </summary>
internal sealed class EmbeddedFonts : IDisposable
{
    internal sealed record SubsetFont(SKTypeface Typeface, IReadOnlyDictionary<ushort, ushort> GlyphMap);

    private sealed class FaceSubsets
    {
        public readonly List<SubsetFont> Parts = new();
        /// <summary>Characters drawn from a part other than the first, with the glyph they share.</summary>
        public readonly Dictionary<int, (int Part, ushort Glyph)> Moved = new();

        public int PartOf(GlyphRun run, int index)
        {
            var cp = run.CodePoints[run.Clusters[index]];
            return Moved.TryGetValue(cp, out var moved) && moved.Glyph == run.Glyphs[index] ? moved.Part : 0;
        }
    }

    private readonly Dictionary<FontFace, FaceSubsets> _faces = new();

    private EmbeddedFonts() { }

    public static EmbeddedFonts Build(IReadOnlyList<PageFrame> pages)
    {
        var codePoints = new Dictionary<FontFace, SortedSet<int>>();
        foreach (var run in pages.SelectMany(p => p.Runs))
        {
            if (!codePoints.TryGetValue(run.Face, out var set)) codePoints[run.Face] = set = new SortedSet<int>();
            set.UnionWith(run.CodePoints);
        }

        var fonts = new EmbeddedFonts();
        try
        {
            foreach (var (face, cps) in codePoints.OrderBy(kv => kv.Key.Path, StringComparer.Ordinal))
            {
                var subsets = new FaceSubsets();
                fonts._faces[face] = subsets;
                var parts = SplitSharedGlyphs(face, cps, subsets.Moved);
                var glyphs = parts.Select(_ => new HashSet<ushort>()).ToList();
                foreach (var run in pages.SelectMany(p => p.Runs).Where(r => r.Face == face))
                    for (var i = 0; i < run.Glyphs.Length; i++)
                        glyphs[subsets.PartOf(run, i)].Add(run.Glyphs[i]);
                for (var p = 0; p < parts.Count; p++)
                {
                    var subset = FontSubsetter.Subset(face, parts[p], glyphs[p]);
                    using var data = SKData.CreateCopy(subset.Data);
                    var typeface = SKTypeface.FromData(data) ?? throw new InvalidOperationException($"Skia cannot load the subset of {face}");
                    subsets.Parts.Add(new SubsetFont(typeface, subset.GlyphMap));
                }
            }
            return fonts;
        }
        catch
        {
            fonts.Dispose();
            throw;
        }
    }

    /// <summary>Code points by subset: the first holds all but the second, third … user of a shared glyph.</summary>
    private static List<List<int>> SplitSharedGlyphs(FontFace face, SortedSet<int> cps, Dictionary<int, (int, ushort)> moved)
    {
        var parts = new List<List<int>> { new() };
        var users = new Dictionary<ushort, int>();
        foreach (var cp in cps)
        {
            if (!face.Font.TryGetNominalGlyph((uint)cp, out var gid) || gid == 0) { parts[0].Add(cp); continue; }
            var glyph = (ushort)gid;
            var part = users.TryGetValue(glyph, out var n) ? n : 0;
            users[glyph] = part + 1;
            if (part == parts.Count) parts.Add(new List<int>());
            parts[part].Add(cp);
            if (part > 0) moved[cp] = (part, glyph);
        }
        return parts;
    }

    /// <summary>The subset font and its glyph id for glyph <paramref name="index"/> of a run.</summary>
    public (SubsetFont Font, ushort Glyph) Resolve(GlyphRun run, int index)
    {
        var subsets = _faces[run.Face];
        var font = subsets.Parts[subsets.PartOf(run, index)];
        return (font, font.GlyphMap.TryGetValue(run.Glyphs[index], out var g) ? g : (ushort)0);
    }

    public void Dispose()
    {
        foreach (var subsets in _faces.Values)
            foreach (var part in subsets.Parts) part.Typeface.Dispose();
        _faces.Clear();
    }
}
