using System.Runtime.CompilerServices;
using Publishing.Layout.Text;

namespace Publishing.Layout.Flow;

/// <summary>
/// What a layout pass knows beyond the space offered: the page numbers anchors got in the previous pass
/// (for the 目录), and caches of shaping and line breaking (pure functions of their inputs, shared by the run's
/// documents: <see cref="ShapingCache"/>).
/// </summary>
public sealed class LayoutContext
{
    private readonly ConditionalWeakTable<object, ShapedParagraph> _shaped = new();
    private readonly List<MissingGlyph> _missing = new();

    public LayoutContext(IReadOnlyDictionary<string, int?>? anchorNumbers = null)
    {
        AnchorNumbers = anchorNumbers ?? new Dictionary<string, int?>();
    }

    /// <summary>The document's punctuation rules (避头尾, 标点挤压): the standard's unless its theme changes them.</summary>
    public PunctuationRules Punctuation { get; init; } = PunctuationRules.Standard;

    /// <summary>Printed page number of each anchor as found by the previous pass.</summary>
    public IReadOnlyDictionary<string, int?> AnchorNumbers { get; internal set; }

    /// <summary>How often a block asked for an anchor's page number: a section that asked none lays out the
    /// same in every pass, so the next pass can keep its pages.</summary>
    internal int AnchorLookups { get; private set; }

    /// <summary>The printed page number of an anchor as the previous pass found it (null: not known yet).</summary>
    public int? PageNumberOf(string anchor)
    {
        AnchorLookups++;
        return AnchorNumbers.TryGetValue(anchor, out var number) ? number : null;
    }

    /// <summary>Characters no font could draw, in the order first met.</summary>
    public IReadOnlyList<MissingGlyph> Missing => _missing;

    private readonly List<Overflow> _overflows = new();
    private readonly HashSet<Overflow> _overflowSeen = new();

    /// <summary>Text that had to be cut where no break is allowed, once each, in the order first met.</summary>
    public IReadOnlyList<Overflow> Overflows => _overflows;

    internal void ReportOverflow(Overflow overflow)
    {
        lock (_overflows)
            if (_overflowSeen.Add(overflow)) _overflows.Add(overflow);
    }

    private readonly List<TooTall> _tooTall = new();
    private readonly HashSet<TooTall> _tooTallSeen = new();

    /// <summary>What was taller than a whole page, once each, in the order first met.</summary>
    public IReadOnlyList<TooTall> TooTall => _tooTall;

    internal void ReportTooTall(TooTall tall)
    {
        lock (_tooTall)
            if (_tooTallSeen.Add(tall)) _tooTall.Add(tall);
    }

    private readonly List<(string Target, Block Link)> _targets = new();

    /// <summary>The anchors links asked for in this pass, with the asking block's source (the last pass's are checked
    /// against where anchors landed: <see cref="Pages.LayoutResult.UnresolvedTargets"/>).</summary>
    internal IReadOnlyList<(string Target, Block Link)> Targets => _targets;

    internal void StartPass(IReadOnlyDictionary<string, int?> anchorNumbers)
    {
        AnchorNumbers = anchorNumbers;
        _targets.Clear();
    }

    /// <summary>The printed page number of the anchor <paramref name="link"/> points at (null: not known yet); the
    /// asking is remembered, so a target that never lands is reported with the link's source.</summary>
    internal int? PageNumberOf(string anchor, Block link)
    {
        lock (_targets) _targets.Add((anchor, link));
        return PageNumberOf(anchor);
    }

    private readonly ConditionalWeakTable<object, Dictionary<object, object>> _memos = new();

    /// <summary>A value computed once per run for an owner (a table's plan at a width): pure, so safe to keep.</summary>
    internal T Memo<T>(object owner, object key, Func<T> make) where T : class
    {
        Dictionary<object, object> memos;
        lock (_memos) memos = _memos.GetOrCreateValue(owner);
        lock (memos)
        {
            if (memos.TryGetValue(key, out var value)) return (T)value;
        }
        var made = make();
        lock (memos) memos[key] = made;
        return made;
    }

    /// <summary>A paragraph's shaped characters and its lines at each width asked (shared, read-only once made).</summary>
    internal sealed class ShapedParagraph
    {
        public required List<ShapedChar> Chars { get; init; }
        public Dictionary<(double Width, double Indent, bool Optimal, bool AvoidLone), List<TextLine>> Lines { get; } = new();
    }

    internal ShapedParagraph Shape(object key, IReadOnlyList<TextSpan> spans, double cjkGrid = 0)
    {
        lock (_shaped)
        {
            if (_shaped.TryGetValue(key, out var shaped)) return shaped;
            var entry = ShapingCache.Shared.Shape(spans, cjkGrid, Punctuation.CompressPairs);
            // Each document hears of its own missing characters, at its own spans, even when the shaping was another's.
            foreach (var (span, codePoint) in entry.Missing) _missing.Add(new MissingGlyph(codePoint, spans[span].Source ?? (key as Block)?.Source));
            _shaped.Add(key, entry.Shaped);
            return entry.Shaped;
        }
    }

    internal List<TextLine> Lines(object key, IReadOnlyList<TextSpan> spans, double width, double firstIndent, bool avoidLone,
        double cjkGrid = 0, bool optimal = false)
    {
        var shaped = Shape(key, spans, cjkGrid);
        lock (shaped)
        {
            if (!shaped.Lines.TryGetValue((width, firstIndent, optimal, avoidLone), out var lines))
                shaped.Lines[(width, firstIndent, optimal, avoidLone)] = lines = LineBreaker.Break(shaped.Chars, width, firstIndent, avoidLone, optimal, Punctuation);
            return lines;
        }
    }
}
