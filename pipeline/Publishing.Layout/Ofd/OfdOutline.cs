using Publishing.Layout.Pages;

namespace Publishing.Layout.Ofd;

/// <summary>
/// The bookmarks as Outlines (GB/T 33190 §7.8): one OutlineElem per entry whose anchor was laid out (or that has
/// children; below the first level every entry, as the PDF's outline), each with a CLICK action going to its anchor's page and height.
/// </summary>
internal static class OfdOutline
{
    public static void Write(OfdXml xml, IReadOnlyList<OutlineEntry> outline, LayoutResult layout, long[] pageIds)
    {
        var entries = Kept(outline, layout);
        if (entries.Count == 0) return;
        xml.Start("Outlines");
        foreach (var entry in entries) Element(xml, entry, layout, pageIds);
        xml.End("Outlines");
    }

    private static List<OutlineEntry> Kept(IReadOnlyList<OutlineEntry> entries, LayoutResult layout) =>
        entries.Where(e => layout.Anchors.ContainsKey(e.Anchor) || e.Children.Count > 0).ToList();

    private static void Element(OfdXml xml, OutlineEntry entry, LayoutResult layout, long[] pageIds)
    {
        xml.Start("OutlineElem").Attribute("Title", entry.Title);
        if (layout.Anchors.TryGetValue(entry.Anchor, out var place) && place.PageIndex < pageIds.Length)
        {
            xml.Start("Actions").Start("Action").Attribute("Event", "CLICK").Start("Goto");
            new OfdDestination(pageIds[place.PageIndex], 0, place.Y).Write(xml);
            xml.End("Goto").End("Action").End("Actions");
        }
        foreach (var child in entry.Children) Element(xml, child, layout, pageIds);
        xml.End("OutlineElem");
    }
}
