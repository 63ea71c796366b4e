using Publishing.Layout.Flow;
using Publishing.Layout.Frames;

namespace Publishing.Layout.Tables;

/// <summary>
/// A table as it stands in the flow of pages: on every page it continues onto, a continuation caption (续表)
/// above the repeated header. The table itself paginates; this only adds the caption and makes room for it.
/// </summary>
public sealed class TableFlow : Block
{
    public Table Table { get; }
    /// <summary>Drawn above the header of each continuation page (null: none).</summary>
    public Block? ContinuationCaption { get; init; }
    /// <summary>The table continues a form begun by the table before it (a project's indicator table under its project
    /// table): starting a page, it is a continuation too and says so.</summary>
    public bool ContinuesForm { get; init; }

    public TableFlow(Table table) { Table = table; }

    public override Fragment Layout(LayoutContext context, double width, double height, object? resume, bool atPageTop)
    {
        // A continuation (resume is set) starts a page: its caption comes first, the table takes the rest.
        var continuation = resume is not null || ContinuesForm && atPageTop;
        var caption = continuation && ContinuationCaption is { } c ? c.Layout(context, width, height, null, true) : null;
        var lead = caption?.Height ?? 0;
        var fragment = Table.Layout(context, width, height - lead, resume, atPageTop);
        if (fragment.Fit == Fit.Nothing) return fragment;
        var items = fragment.Items;
        if (caption is not null)
        {
            var shifted = new List<FrameItem>(caption.Items.Count + fragment.Items.Count);
            shifted.AddRange(caption.Items);
            foreach (var item in fragment.Items) shifted.Add(item.Offset(0, lead));
            items = shifted;
        }
        return new Fragment(fragment.Fit, lead + fragment.Height, items, fragment.Resume);
    }

    internal override double HeightAt(LayoutContext context, double width) => Table.HeightAt(context, width);

    public override (double Min, double Max) IntrinsicWidths(LayoutContext context) => Table.IntrinsicWidths(context);
}
