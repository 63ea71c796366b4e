using Publishing.Layout.Fonts;

namespace Publishing.Layout.Pdf;

/// <summary>
/// The deflated font programs of the PDF's subsets, shared by every document of a run: a subset is a pure function
/// of the face and of the characters and glyphs it keeps, so a document drawing the same glyphs of a face as one
/// before it (the live preview building a document again after an edit that added no new character, the same
/// document in several runs of a batch) embeds the program cut and deflated then: HarfBuzz's subsetting and zlib
/// are ~2/3 of what writing a sample document's PDF costs. Keyed by the face object, so a font file replaced while
/// `serve` runs (a new face: <see cref="FontLibrary"/>) is cut again. Bounded: the least recently used programs go
/// once the cache holds <see cref="CapacityBytes"/>.
/// </summary>
internal sealed class FontProgramCache
{
    /// <summary>A CJK subset of a document is ~100-400 KB deflated: the programs of a few dozen documents.</summary>
    public const int CapacityBytes = 16 * 1024 * 1024;

    public static FontProgramCache Shared { get; } = new(CapacityBytes);

    /// <summary>A subset's program as the PDF embeds it: deflated, its length before, old → new glyph ids.</summary>
    public sealed record Program(byte[] Deflated, int Length, IReadOnlyDictionary<ushort, ushort> GlyphMap);

    private readonly int _capacity;
    private readonly Lock _lock = new();
    private readonly Dictionary<Key, LinkedListNode<(Key Key, Program Program)>> _entries = new();
    private readonly LinkedList<(Key Key, Program Program)> _recency = new();
    private long _bytes;

    public FontProgramCache(int capacityBytes) => _capacity = capacityBytes;

    /// <summary>The program of the subset of <paramref name="face"/> keeping these characters and glyphs, cut now or before.</summary>
    public Program Get(FontFace face, IReadOnlyList<int> codePoints, IReadOnlyCollection<ushort> glyphs)
    {
        var key = new Key(face, codePoints.ToArray(), glyphs.Order().ToArray());
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                return node.Value.Program;
            }
        }
        // Cut outside the lock, so the other workers go on; when two cut the same subset, the first kept wins.
        var subset = FontSubsetter.SubsetGlyphs(face, codePoints, glyphs);
        Program made;
        try
        {
            made = new Program(PdfFileWriter.Deflate(subset.Data), subset.Length, subset.GlyphMap);
        }
        finally
        {
            subset.Return();
        }
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node)) return node.Value.Program;
            _entries[key] = _recency.AddFirst((key, made));
            _bytes += made.Deflated.Length;
            while (_bytes > _capacity && _recency.Last is { } oldest && !ReferenceEquals(oldest.Value.Program, made))
            {
                _recency.RemoveLast();
                _entries.Remove(oldest.Value.Key);
                _bytes -= oldest.Value.Program.Deflated.Length;
            }
        }
        return made;
    }

    private sealed class Key(FontFace face, int[] codePoints, ushort[] glyphs) : IEquatable<Key>
    {
        private readonly int _hash = HashOf(face, codePoints, glyphs);

        public bool Equals(Key? other) =>
            other is not null && ReferenceEquals(face, other.Face) && codePoints.AsSpan().SequenceEqual(other.CodePoints)
            && glyphs.AsSpan().SequenceEqual(other.Glyphs);

        private FontFace Face => face;
        private int[] CodePoints => codePoints;
        private ushort[] Glyphs => glyphs;

        public override bool Equals(object? obj) => Equals(obj as Key);
        public override int GetHashCode() => _hash;

        private static int HashOf(FontFace face, int[] codePoints, ushort[] glyphs)
        {
            var hash = new HashCode();
            hash.Add(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(face));
            foreach (var cp in codePoints) hash.Add(cp);
            foreach (var g in glyphs) hash.Add(g);
            return hash.ToHashCode();
        }
    }
}
