using AngleSharp.Dom;
using Publishing.Layout.Flow;
using Publishing.Layout.Pages;
using Publishing.Layout.Text;

namespace Publishing.Rendering.Pdf;

/// <summary>
/// <c>nav.toc</c> → the 目录 (title, then a leader line per part and entry with the target's printed page
/// number) and the PDF outline, which mirrors it.
/// </summary>
internal static class TableOfContents
{
    public static Block Map(IElement toc, PdfStyles styles)
    {
        var blocks = new List<Block>();
        if (toc.QuerySelector("h1.toc-title") is { } title)
            blocks.Add(new Paragraph(InlineText.Spans(title, styles.Text("toc_title"), styles), styles.Paragraph("toc_title")) { Anchor = HtmlToLayout.IdOf(title) ?? HtmlToLayout.IdOf(toc) });
        var numberStyle = styles.Text("toc_entry");
        foreach (var part in toc.QuerySelectorAll("li.toc-part"))
        {
            if (part.Children.FirstOrDefault(c => c.LocalName == "a") is { } partLink)
                blocks.Add(Leader(partLink, "toc_part", numberStyle, styles));
            foreach (var entry in part.QuerySelectorAll("li.toc-entry > a"))
                blocks.Add(Leader(entry, "toc_entry", numberStyle, styles));
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

    private static LeaderLine Leader(IElement link, string style, TextStyle numberStyle, PdfStyles styles)
    {
        // The leader line links as a whole; its text is located where the heading it names is written.
        var heading = link.Owner?.GetElementById(Target(link));
        var source = InlineText.SourceOf(heading);
        var spans = InlineText.Spans(link, styles.Text(style), styles).Select(s => s with { Source = s.Source ?? source }).ToList();
        var paragraph = styles.Paragraph(style);
        return new LeaderLine(spans, Target(link), numberStyle, paragraph with { StartIndent = paragraph.FirstLineIndent, FirstLineIndent = 0 });
    }
}
