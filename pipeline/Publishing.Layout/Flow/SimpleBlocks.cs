using Publishing.Layout.Frames;
using Publishing.Layout.Text;

namespace Publishing.Layout.Flow;

/// <summary>Vertical space. At the foot of a page it shrinks to what is left; it never carries over.</summary>
public sealed class Spacer(double height) : Block
{
    public double Height { get; } = height;

    public override Fragment Layout(LayoutContext context, double width, double height, object? resume, bool atPageTop) =>
        Fragment.Complete(Math.Min(Height, height), Array.Empty<FrameItem>());
}

/// <summary>Ends the page here (nothing happens at the top of a page).</summary>
public sealed class PageBreak : Block
{
    private static readonly object Broken = new();

    public override Fragment Layout(LayoutContext context, double width, double height, object? resume, bool atPageTop) =>
        atPageTop || resume == Broken
            ? Fragment.Complete(0, Array.Empty<FrameItem>())
            : new Fragment(Fit.Partial, 0, Array.Empty<FrameItem>(), Broken);
}

/// <summary>A solid stand-in box of a fixed size that never splits: for layout tests and fixed-size content.</summary>
public sealed class SolidBox(string label, double height, double? width = null) : Block
{
    public string Label { get; } = label;
    public double Height { get; } = height;
    public double? Width { get; } = width;

    public override Fragment Layout(LayoutContext context, double width, double height, object? resume, bool atPageTop)
    {
        if (Height > height + 0.001 && !atPageTop) return Fragment.None;
        return Fragment.Complete(Height, new FrameItem[] { new BoxMark(Label, 0, 0, Width ?? width, Height) });
    }

    public override (double Min, double Max) IntrinsicWidths(LayoutContext context) => (Width ?? 0, Width ?? 0);
}

/// <summary>
/// Fills the rest of the page: <see cref="Top"/> from the top, <see cref="Bottom"/> against the foot
/// (a cover page with its credits at the bottom). Both must fit.
/// </summary>
public sealed class FillPage(Block top, Block bottom) : Block
{
    public Block Top { get; } = top;
    public Block Bottom { get; } = bottom;

    public override Fragment Layout(LayoutContext context, double width, double height, object? resume, bool atPageTop)
    {
        if (!atPageTop) return Fragment.None; // it takes a page of its own
        var top = Top.Layout(context, width, height, null, true);
        var bottom = Bottom.Layout(context, width, height - top.Height, null, true);
        if (top.Fit != Fit.Complete || bottom.Fit != Fit.Complete || top.Height + bottom.Height > height + 0.001)
            context.ReportTooTall(new TooTall(Source, null));
        var items = new List<FrameItem>(top.Items);
        var y = height - bottom.Height;
        items.AddRange(bottom.Items.Select(i => i.Offset(0, y)));
        return Fragment.Complete(height, items);
    }
}
