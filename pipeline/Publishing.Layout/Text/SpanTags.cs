using Publishing.Layout.Structure;

namespace Publishing.Layout.Text;

/// <summary>
/// Which structure element each character of a paragraph belongs to: its span's own (a link, a list label),
/// else the paragraph's. Looked up by character index, as shaped characters are one per code point in span order
/// (and shaped characters are shared between paragraphs with the same text, so they cannot carry it themselves).
/// </summary>
internal readonly struct SpanTags
{
    private readonly int[]? _ends;
    private readonly StructureElement?[]? _tags;
    private readonly StructureElement? _block;

    private SpanTags(int[]? ends, StructureElement?[]? tags, StructureElement? block)
    {
        _ends = ends;
        _tags = tags;
        _block = block;
    }

    public static SpanTags Of(StructureElement? block) => new(null, null, block);

    public static SpanTags For(IReadOnlyList<TextSpan> spans, StructureElement? block)
    {
        var any = false;
        for (var i = 0; i < spans.Count && !any; i++) any = spans[i].Tag is not null;
        if (!any) return Of(block);
        var ends = new int[spans.Count];
        var tags = new StructureElement?[spans.Count];
        var count = 0;
        for (var i = 0; i < spans.Count; i++)
        {
            var text = spans[i].Text;
            for (var k = 0; k < text.Length; k++)
                if (!char.IsLowSurrogate(text[k])) count++;
            ends[i] = count;
            tags[i] = spans[i].Tag ?? block;
        }
        return new SpanTags(ends, tags, block);
    }

    /// <summary>The element of the character at <paramref name="index"/>.</summary>
    public StructureElement? At(int index)
    {
        if (_ends is null) return _block;
        int lo = 0, hi = _ends.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_ends[mid] <= index) lo = mid + 1;
            else hi = mid;
        }
        return _tags![lo];
    }

    /// <summary>Whether every character belongs to the paragraph's own element.</summary>
    public bool Uniform => _ends is null;
}
