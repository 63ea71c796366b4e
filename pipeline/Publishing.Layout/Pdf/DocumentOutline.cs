using Publishing.Layout.Pages;

namespace Publishing.Layout.Pdf;

/// <summary>
/// The bookmarks (ISO 32000-1 §12.3.3): one outline item per entry whose anchor was laid out (or that has
/// children), each opening its page at the anchor's height. Items are numbered depth-first, so the objects are
/// a function of the entries.
/// </summary>
internal static class DocumentOutline
{
    /// <returns>The outline dictionary's object number, or null when no entry has a place.</returns>
    public static int? Write(PdfFileWriter file, IReadOnlyList<OutlineEntry> outline, LayoutResult layout, IReadOnlyList<int> pageNumbers)
    {
        var entries = outline.Where(e => layout.Anchors.ContainsKey(e.Anchor) || e.Children.Count > 0).ToList();
        if (entries.Count == 0) return null;
        var root = file.Reserve();
        var numbers = new Dictionary<OutlineEntry, int>(ReferenceEqualityComparer.Instance);
        void Number(IReadOnlyList<OutlineEntry> list)
        {
            foreach (var e in list) { numbers[e] = file.Reserve(); Number(e.Children); }
        }
        Number(entries);

        var buffer = new PdfBuffer();
        var total = WriteItems(entries, root);
        buffer.Clear();
        buffer.Ascii("<< /Type /Outlines /First ").Integer(numbers[entries[0]]).Ascii(" 0 R /Last ")
            .Integer(numbers[entries[^1]]).Ascii(" 0 R /Count ").Integer(total).Ascii(" >>");
        file.Object(root, buffer.Span);
        return root;

        // Writes the items of one level (children first) and returns how many items they hold, all levels open.
        int WriteItems(IReadOnlyList<OutlineEntry> list, int parent)
        {
            var count = 0;
            for (var i = 0; i < list.Count; i++)
            {
                var e = list[i];
                var childCount = e.Children.Count > 0 ? WriteItems(e.Children, numbers[e]) : 0;
                buffer.Clear();
                buffer.Ascii("<< /Title ").TextString(e.Title).Ascii(" /Parent ").Integer(parent).Ascii(" 0 R");
                if (i > 0) buffer.Ascii(" /Prev ").Integer(numbers[list[i - 1]]).Ascii(" 0 R");
                if (i < list.Count - 1) buffer.Ascii(" /Next ").Integer(numbers[list[i + 1]]).Ascii(" 0 R");
                if (e.Children.Count > 0)
                    buffer.Ascii(" /First ").Integer(numbers[e.Children[0]]).Ascii(" 0 R /Last ").Integer(numbers[e.Children[^1]])
                        .Ascii(" 0 R /Count ").Integer(childCount);
                if (layout.Anchors.TryGetValue(e.Anchor, out var place) && place.PageIndex < pageNumbers.Count)
                {
                    var page = layout.Pages[place.PageIndex];
                    buffer.Ascii(" /Dest [").Integer(pageNumbers[place.PageIndex]).Ascii(" 0 R /XYZ 0 ").Number(page.Height - place.Y).Ascii(" 0]");
                }
                file.Object(numbers[e], buffer.Ascii(" >>").Span);
                count += 1 + childCount;
            }
            return count;
        }
    }
}
