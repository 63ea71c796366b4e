using Publishing.Layout.Frames;
using Publishing.Layout.Structure;

namespace Publishing.Layout.Flow;

/// <summary>How much of a block fit in the space offered.</summary>
public enum Fit
{
    /// <summary>Nothing fit: try again on the next page (or, at the top of a page, the block must force itself).</summary>
    Nothing,
    /// <summary>Part fit; continue from <see cref="Fragment.Resume"/> on the next page.</summary>
    Partial,
    /// <summary>All of it fit.</summary>
    Complete,
}

/// <summary>
/// The result of one layout call: what fit, its height, its marks (relative to the block's top-left corner)
/// and an immutable token telling where to resume. Blocks keep no state between calls.
/// </summary>
public sealed record Fragment(Fit Fit, double Height, IReadOnlyList<FrameItem> Items, object? Resume)
{
    public static readonly Fragment None = new(Fit.Nothing, 0, Array.Empty<FrameItem>(), null);
    public static Fragment Complete(double height, IReadOnlyList<FrameItem> items) => new(Fit.Complete, height, items, null);
}

/// <summary>
/// An element of the flow: an immutable description that lays itself out in the space offered
/// (QuestPDF's measure/draw idea, with an explicit resume token instead of state kept in the element).
/// </summary>
public abstract class Block
{
    /// <summary>A named destination at the top of the block (links, outline and 目录 numbers point here).</summary>
    public string? Anchor { get; init; }

    /// <summary>The structure element the block's text belongs to (a paragraph's P, a cell's TD); null: an artifact.</summary>
    public StructureElement? Tag { get; init; }

    /// <summary>Where the block came from, as the caller knows it (a file and line, say): the engine never reads it,
    /// only hands it back in what it reports about the block (<see cref="Text.Overflow"/>, <see cref="Text.TooTall"/>,
    /// <see cref="Text.UnresolvedTarget"/>, and a <see cref="Text.MissingGlyph"/> of a span without a source of its own).</summary>
    public object? Source { get; init; }

    /// <summary>Keep on the same page as the next block (headings).</summary>
    public bool KeepWithNext { get; init; }

    /// <param name="resume">null on the first call, otherwise the <see cref="Fragment.Resume"/> of the previous one.</param>
    /// <param name="atPageTop">true when nothing precedes on this page: the block must then place something.</param>
    public abstract Fragment Layout(LayoutContext context, double width, double height, object? resume, bool atPageTop);

    /// <summary>The height the whole block takes at this width (table column balancing measures with it).</summary>
    internal virtual double HeightAt(LayoutContext context, double width) => Layout(context, width, 1e7, null, true).Height;

    /// <summary>Narrowest and preferred widths, for automatic table columns.</summary>
    public virtual (double Min, double Max) IntrinsicWidths(LayoutContext context) => (0, 0);
}
