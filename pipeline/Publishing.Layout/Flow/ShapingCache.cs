using Publishing.Layout.Text;

namespace Publishing.Layout.Flow;

/// <summary>
/// Shaped paragraphs and their line breaks, shared by every document of a run (and every pass of each). Shaping
/// and breaking are pure functions of the text, its styles, its links and the grid, so a paragraph met again —
/// a table's header cells and labels (一级指标, 产出指标, 数量指标 …) in every 绩效目标表 of a county, a
/// department's boilerplate, a document built again by the live preview — is shaped and broken once, as Typst's
/// memoised layout does for repeated content. Bounded: the least recently used paragraphs go once the cache
/// holds <see cref="CapacityChars"/> characters (a shaped character is ~160 bytes; a paragraph counts
/// <see cref="EntryOverheadChars"/> more for its key, its node and its line breaks), so a province's run does
/// not keep all its text. Bounded tightly: measured on a synthetic county (issue 19), a cache of 250,000
/// characters held ~70 MB, and its long-lived entries among each document's short-lived objects made the oldest
/// generation fragment; at 120,000 a run's peak is ~45 MB lower and its CPU the same (the repeated text — labels,
/// header cells, boilerplate — is what stays).
/// </summary>
internal sealed class ShapingCache
{
    /// <summary>~20 MB of shaped text: the repeated text of many documents, a whole one or two.</summary>
    public const int CapacityChars = 120_000;

    /// <summary>What a paragraph costs beyond its characters (key, node, line-break table), in characters' worth.</summary>
    internal const int EntryOverheadChars = 8;

    public static ShapingCache Shared { get; } = new(CapacityChars);

    private readonly int _capacity;
    private readonly Lock _lock = new();
    private readonly Dictionary<Key, LinkedListNode<Entry>> _entries = new();
    private readonly LinkedList<Entry> _recency = new();
    private int _chars;

    public ShapingCache(int capacityChars) => _capacity = capacityChars;

    /// <summary>What shaping the paragraph gave, kept with the characters no face had (span index, code point).</summary>
    public sealed record Entry(Key Key, LayoutContext.ShapedParagraph Shaped, IReadOnlyList<(int Span, int CodePoint)> Missing);

    /// <summary>The paragraph shaped (now or before, by any document), with the characters no face could draw.</summary>
    public Entry Shape(IReadOnlyList<TextSpan> spans, double cjkGrid, bool compressPairs = true)
    {
        var key = new Key(spans.Select(s => (s.Text, s.Style, s.Link)).ToArray(), cjkGrid, compressPairs);
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                return node.Value;
            }
        }
        // Shaped outside the lock: the other workers go on; when two shape the same paragraph, the first kept wins.
        // The characters keep their span, so the spans kept lose what ties them to one document (its structure
        // element, its source location): a cache shared by a province's run must not hold its documents.
        var missing = new List<(int, int)>();
        var bare = spans.Select(s => s.Tag is null && s.Source is null ? s : s with { Tag = null, Source = null }).ToArray();
        var chars = Shaper.Shape(bare, (span, codePoint) => missing.Add((span, codePoint)));
        if (cjkGrid > 0) Shaper.SnapToGrid(chars, cjkGrid);
        if (compressPairs) PunctuationSpacing.CompressPairs(chars);
        var made = new Entry(key, new LayoutContext.ShapedParagraph { Chars = chars }, missing);
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node)) return node.Value;
            _entries[key] = _recency.AddFirst(made);
            _chars += chars.Count + EntryOverheadChars;
            while (_chars > _capacity && _recency.Last is { } oldest && oldest.Value != made)
            {
                _recency.RemoveLast();
                _entries.Remove(oldest.Value.Key);
                _chars -= oldest.Value.Shaped.Chars.Count + EntryOverheadChars;
            }
        }
        return made;
    }

    /// <summary>A paragraph's identity for shaping: each span's text, style (fonts, size, colour) and link, the grid and whether punctuation pairs close up.</summary>
    public sealed class Key : IEquatable<Key>
    {
        private readonly (string Text, TextStyle Style, string? Link)[] _spans;
        private readonly double _grid;
        private readonly bool _compressPairs;
        private readonly int _hash;

        public Key((string Text, TextStyle Style, string? Link)[] spans, double grid, bool compressPairs)
        {
            _spans = spans;
            _grid = grid;
            _compressPairs = compressPairs;
            var hash = new HashCode();
            hash.Add(grid);
            hash.Add(compressPairs);
            foreach (var span in spans) hash.Add(span);
            _hash = hash.ToHashCode();
        }

        public bool Equals(Key? other) =>
            other is not null && _hash == other._hash && _grid.Equals(other._grid) && _compressPairs == other._compressPairs && _spans.AsSpan().SequenceEqual(other._spans);

        public override bool Equals(object? obj) => Equals(obj as Key);
        public override int GetHashCode() => _hash;
    }
}
