using Publishing.Layout.Frames;

namespace Publishing.Layout.Flow;

/// <summary>
/// Blocks one under the other. Splits between or inside children; honours <see cref="Block.KeepWithNext"/>:
/// when the block after a chain of keep-with-next blocks does not fit, the whole chain moves to the next page.
/// A stack marked <see cref="KeepTogether"/> (a project's table with its caption) moves to the next page whole when
/// it does not fit in the rest of this one; from the top of a page it breaks as any stack does.
/// </summary>
public sealed class Stack : Block
{
    public IReadOnlyList<Block> Children { get; }

    public Stack(IReadOnlyList<Block> children) { Children = children; }
    public Stack(params Block[] children) { Children = children; }

    /// <summary>Start on the next page rather than break, unless the stack already starts a page.</summary>
    public bool KeepTogether { get; init; }

    private sealed record Resume(int Index, object? Child);

    public override Fragment Layout(LayoutContext context, double width, double height, object? resume, bool atPageTop)
    {
        var fragment = LayoutChildren(context, width, height, resume, atPageTop);
        return KeepTogether && resume is null && !atPageTop && fragment.Fit != Fit.Complete ? Fragment.None : fragment;
    }

    private Fragment LayoutChildren(LayoutContext context, double width, double height, object? resume, bool atPageTop)
    {
        var state = resume as Resume;
        var index = state?.Index ?? 0;
        var childResume = state?.Child;
        var items = new List<FrameItem>();
        double y = 0;
        // Start of the current run of keep-with-next children: (child index, item count, y), or null.
        (int Index, int Items, double Y)? chain = null;

        for (; index < Children.Count; index++)
        {
            var child = Children[index];
            var top = atPageTop && items.Count == 0 && y == 0;
            var fragment = child.Layout(context, width, height - y, childResume, top);
            if (fragment.Fit == Fit.Nothing)
            {
                if (chain is { } c && !(atPageTop && c.Y == 0 && c.Items == 0))
                {
                    items.RemoveRange(c.Items, items.Count - c.Items);
                    if (c.Items == 0 && c.Y == 0) return Fragment.None;
                    return new Fragment(Fit.Partial, c.Y, items, new Resume(c.Index, null));
                }
                if (items.Count == 0 && y == 0 && !atPageTop) return Fragment.None;
                return new Fragment(Fit.Partial, y, items, new Resume(index, childResume));
            }
            var before = items.Count;
            if (childResume is null && !string.IsNullOrEmpty(child.Anchor)) items.Add(new AnchorMark(child.Anchor, 0, y));
            foreach (var item in fragment.Items) items.Add(item.Offset(0, y));
            var yBefore = y;
            y += fragment.Height;
            if (fragment.Fit == Fit.Partial)
                return new Fragment(Fit.Partial, y, items, new Resume(index, fragment.Resume));
            if (child.KeepWithNext) chain ??= (index, before, yBefore);
            else chain = null;
            childResume = null;
        }
        return Fragment.Complete(y, items);
    }

    public override (double Min, double Max) IntrinsicWidths(LayoutContext context)
    {
        double min = 0, max = 0;
        foreach (var child in Children)
        {
            var (a, b) = child.IntrinsicWidths(context);
            min = Math.Max(min, a);
            max = Math.Max(max, b);
        }
        return (min, max);
    }
}
