using AngleSharp.Dom;
using Publishing.Diagnostics;
using Publishing.Layout.Flow;
using Publishing.Layout.Pages;
using Publishing.Layout.Structure;
using Publishing.Layout.Text;

namespace Publishing.Rendering.Pdf;

/// <summary>
/// <c>nav.toc</c> → the 目录 (title, then a leader line per part and entry with the target's printed page
/// number) and the PDF outline, which mirrors it.
/// </summary>
internal static class TableOfContents
{
    /// <param name="parent">Where the 目录 goes in the structure: a Sect holding its title (a heading) and the TOC,
    /// a TOCI per part (its reference, then a TOC of its entries) and per entry (a Reference holding its Link: the text,
    /// the number and the annotation).</param>
    public static Block Map(IElement toc, BlockMapper mapper, StructureElement? parent)
    {
        var (styles, structure) = (mapper.Styles, mapper.Structure);
        var blocks = new List<Block>();
        var section = structure.Add(parent, Roles.Sect);
        if (toc.QuerySelector("h1.toc-title") is { } title)
        {
            var heading = structure.Add(section, structure.Heading(1));
            blocks.Add(new Paragraph(InlineText.Spans(title, styles.Text("toc_title"), styles, tag: heading), styles.Paragraph("toc_title"))
                { Anchor = HtmlToLayout.IdOf(title) ?? HtmlToLayout.IdOf(toc), Tag = heading });
        }
        var list = structure.Add(section, Roles.Toc);
        var numberStyle = styles.Text("toc_entry");
        foreach (var part in toc.QuerySelectorAll("li.toc-part"))
        {
            var item = structure.Add(list, Roles.TocItem);
            if (part.Children.FirstOrDefault(c => c.LocalName == "a") is { } partLink)
                blocks.Add(Leader(partLink, "toc_part", numberStyle, mapper, item));
            var entries = part.QuerySelectorAll("li.toc-entry > a");
            var inner = entries.Length > 0 ? structure.Add(item, Roles.Toc) : null;
            foreach (var entry in entries)
                blocks.Add(Leader(entry, "toc_entry", numberStyle, mapper, structure.Add(inner, Roles.TocItem)));
        }
        return new Stack(blocks);
    }

    /// <summary>The bookmarks mirror the 目录: parts, then their entries (sections and project tables).</summary>
    public static IEnumerable<OutlineEntry> Outline(IElement toc)
    {
        foreach (var part in toc.QuerySelectorAll("li.toc-part"))
        {
            var link = part.Children.FirstOrDefault(c => c.LocalName == "a");
            if (link is null) continue;
            var children = part.QuerySelectorAll("li.toc-entry > a")
                .Select(a => new OutlineEntry(HtmlToLayout.Collapse(a.TextContent), Target(a), Array.Empty<OutlineEntry>())).ToList();
            yield return new OutlineEntry(HtmlToLayout.Collapse(link.TextContent), Target(link), children);
        }
    }

    private static string Target(IElement a) => Uri.UnescapeDataString((a.GetAttribute("href") ?? "").TrimStart('#'));

    private static LeaderLine Leader(IElement link, string style, TextStyle numberStyle, BlockMapper mapper, StructureElement? item)
    {
        var styles = mapper.Styles;
        // The leader line links as a whole; its text is located where the heading it names is written, the line itself
        // (a target that is nowhere: PUB4210 from the layout) where the template wrote it.
        var heading = link.Owner?.GetElementById(Target(link));
        var text = HtmlToLayout.Collapse(link.TextContent);
        // TOCI → Reference → Link (ISO 32000-1 Table 333 lets a TOCI hold a Reference, not a Link itself).
        var linkElement = item?.Add(Roles.Reference).Add(new StructureElement(Roles.Link) { Description = text });
        var source = BlockSource.Of(link);
        var spans = InlineText.Spans(link, styles.Text(style), styles, source: heading is null ? source : BlockSource.Of(heading))
            .Select(s => s with { Tag = linkElement }).ToList();
        var paragraph = styles.Paragraph(style);
        return new LeaderLine(spans, Target(link), numberStyle, paragraph with { StartIndent = paragraph.FirstLineIndent, FirstLineIndent = 0 })
            { Tag = item, Source = source };
    }
}
