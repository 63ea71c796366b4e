using AngleSharp.Dom;
using Publishing.Assembly;
using Publishing.Diagnostics;
using Publishing.Layout;
using Publishing.Layout.Pages;
using Publishing.Layout.Structure;
using Publishing.Theming;

namespace Publishing.Rendering.Pdf;

/// <summary>One department's assembled HTML for the volume.</summary>
public sealed record VolumeDocument(string Slug, string Department, string Html);

/// <summary>
/// The combined volume (汇编) a bureau prints: a cover, a combined 目录 (each department with its parts, and the
/// page where each begins), then every department's document as it is drafted alone. Each document's ids get
/// a prefix (v3-part-1), so its own 目录 and links keep pointing inside it. Page numbers run on through the
/// volume, or start at 1 in each department when the theme says volume_numbering: per_document. The bookmarks
/// hold every department, with its own bookmarks under it.
/// </summary>
public static class VolumeRenderer
{
    /// <param name="ofd">When given, receives the volume's pages as OFD too (GB/T 33190), from the same layout.</param>
    public static IReadOnlyList<Diagnostic> Render(string title, IReadOnlyList<VolumeDocument> documents, Theme theme,
        PdfDocumentInfo info, Stream output, PdfPages? pages = null, Stream? ofd = null)
    {
        var diagnostics = new List<Diagnostic>();
        var styles = new PdfStyles(theme, PdfRenderer.Fonts);
        var continuous = theme.VolumeNumbering != "per_document";
        var sections = new List<DocumentSection>();
        var outline = new List<OutlineEntry>();
        var front = AssembledDocument.Parse("<html><body></body></html>");
        var tocList = front.CreateElement("ol");
        LayoutDocument? first = null;
        // One structure tree: the volume's cover and 目录 first, then each department as a Part (made in that order).
        var root = styles.Tagged ? new StructureElement(Roles.Document) : null;
        var frontMatter = root?.Add(Roles.Sect);

        for (var i = 0; i < documents.Count; i++)
        {
            var prefix = $"v{i + 1}-";
            var document = AssembledDocument.Parse(documents[i].Html);
            Prefix(document, prefix);
            var start = DepartmentAnchor(document, prefix);
            var mapped = HtmlToLayout.Map(document, styles, info, root?.Add(Roles.Part));
            diagnostics.AddRange(mapped.Diagnostics);
            first ??= mapped.Document;
            // A form that prints no page numbers (a one-table 申报表) gets the volume's: the combined 目录 must say
            // where its department is.
            var unnumbered = mapped.Document.Sections.All(s => s.Numbering == PageNumbering.None);
            for (var k = 0; k < mapped.Document.Sections.Count; k++)
            {
                var section = mapped.Document.Sections[k];
                var numbering = unnumbered ? (k == 0 && !continuous ? PageNumbering.RestartAtOne : PageNumbering.Continue)
                    : continuous && section.Numbering == PageNumbering.RestartAtOne ? PageNumbering.Continue
                    : section.Numbering;
                // A section on its document's page (a landscape form) keeps that page in the volume.
                sections.Add(section with { Numbering = numbering, Page = section.Page ?? mapped.Document.Page });
            }
            outline.Add(new OutlineEntry(documents[i].Department, start, mapped.Document.Outline));
            tocList.AppendChild(DepartmentEntry(front, document, documents[i].Department, start));
        }
        if (first is null) return diagnostics;

        // The volume's own cover and 目录, in the same vocabulary as a document's: the same styles and leader lines.
        var cover = Element(front, "section", "cover", id: "volume-cover");
        cover.AppendChild(Element(front, "p", "cover-title", text: title));
        cover.AppendChild(Element(front, "p", "cover-status", text: $"（{documents.Count} 个部门）"));
        var nav = Element(front, "nav", "toc", id: "volume-toc");
        nav.AppendChild(Element(front, "h1", "toc-title", text: "目\u3000录"));
        nav.AppendChild(tocList);
        front.Body!.AppendChild(cover);
        front.Body.AppendChild(nav);
        var frontMapped = HtmlToLayout.Map(front, styles, info, frontMatter);
        var all = frontMapped.Document.Sections.Concat(sections).ToList();
        // Continuous numbering starts at 1 with the first department's first part.
        var firstNumbered = all.FindIndex(s => s.Numbering != PageNumbering.None);
        if (firstNumbered >= 0) all[firstNumbered] = all[firstNumbered] with { Numbering = PageNumbering.RestartAtOne };
        var volume = first with { Sections = all, Outline = outline, Metadata = first.Metadata with { Title = title }, Structure = root };

        var layout = DocumentRenderer.Render(volume, output, ofd);
        if (pages is not null)
        {
            pages.Count = layout.Pages.Count;
            foreach (var (anchor, place) in layout.Anchors)
                if (place.Number is int number) pages.Anchors[anchor] = number;
        }
        return diagnostics;
    }

    /// <summary>
    /// Where a department begins for the combined 目录 and its bookmark: its 第一部分 (the first page with a
    /// number), or, in a form without parts, its first element, given an id when it has none.
    /// </summary>
    private static string DepartmentAnchor(IDocument document, string prefix)
    {
        if (document.GetElementById(prefix + "part-1") is not null || document.Body?.FirstElementChild is not { } first) return prefix + "part-1";
        if (first.Id is { Length: > 0 } id) return id;
        first.Id = prefix + "department";
        return first.Id;
    }

    /// <summary>A department in the combined 目录: its name, then its parts (from its own 目录).</summary>
    private static IElement DepartmentEntry(IDocument front, IDocument document, string department, string start)
    {
        var entry = Element(front, "li", "toc-part");
        entry.AppendChild(Link(front, "#" + start, department));
        var parts = front.CreateElement("ol");
        foreach (var a in document.QuerySelectorAll("nav.toc li.toc-part > a"))
        {
            var item = Element(front, "li", "toc-entry");
            item.AppendChild(Link(front, a.GetAttribute("href") ?? "", a.TextContent.Trim()));
            parts.AppendChild(item);
        }
        entry.AppendChild(parts);
        return entry;
    }

    /// <summary>Every id and in-document link of one document, prefixed in its tree so the volume's anchors stay unique.</summary>
    internal static void Prefix(IDocument document, string prefix)
    {
        foreach (var element in document.QuerySelectorAll("[id]"))
            if (element.Id is { Length: > 0 } id) element.Id = prefix + id;
        foreach (var link in document.QuerySelectorAll("a[href^='#']"))
            if (link.GetAttribute("href") is { Length: > 1 } href) link.SetAttribute("href", "#" + prefix + href[1..]);
    }

    private static IElement Element(IDocument document, string name, string className, string? id = null, string? text = null)
    {
        var element = document.CreateElement(name);
        element.ClassName = className;
        if (id is not null) element.Id = id;
        if (text is not null) element.TextContent = text;
        return element;
    }

    private static IElement Link(IDocument document, string href, string text)
    {
        var link = document.CreateElement("a");
        link.SetAttribute("href", href);
        link.TextContent = text;
        return link;
    }
}
