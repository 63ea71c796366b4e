using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Publishing.Changes;
using Publishing.Diagnostics;

namespace Publishing.Site;

/// <summary>
/// The document page reviewers read: the assembled document (the PDF's input, unchanged in its content)
/// with the site around it — header with the draft stamp and links, the 目录 as a sidebar with the PDF's page
/// numbers, the warnings panel with a mark at each place, changed sections marked, tables made readable on a
/// phone and for screen readers. The document is worked on with the DOM, so no text from content is ever parsed
/// as markup again; the frame is templates/site/document-page.html.sbn.
/// </summary>
public static class PreviewPage
{
    public static string? Render(string assembledHtml, PreviewInputs inputs, SiteTemplates templates, DiagnosticBag diagnostics) =>
        Render(new HtmlParser().ParseDocument(assembledHtml), inputs, templates, diagnostics);

    /// <summary>The page from the assembled document already parsed (the build's one parse), which it changes.</summary>
    public static string? Render(IDocument assembled, PreviewInputs inputs, SiteTemplates templates, DiagnosticBag diagnostics) =>
        templates.Render(SiteTemplates.DocumentPage, Model(assembled, inputs), "../", diagnostics);

    public static DocumentPageModel Model(string assembledHtml, PreviewInputs inputs) => Model(new HtmlParser().ParseDocument(assembledHtml), inputs);

    /// <summary>The page's model: the document's head and body worked on with the DOM (the tree is changed), the frame's values beside them.</summary>
    public static DocumentPageModel Model(IDocument document, PreviewInputs inputs)
    {
        var body = document.Body!;
        // The frame's template writes the charset, the CSP and the viewport; a template's own would be a second one.
        foreach (var meta in document.Head!.QuerySelectorAll("meta[charset], meta[http-equiv], meta[name=viewport]").ToList()) meta.Remove();

        OneTopHeading(document);
        AddPageNumbers(document, inputs.PageNumbers);
        AddPrintNote(document, inputs.PdfFileName);
        if (inputs.Theme is { } theme) PreviewTables.Apply(document, theme);
        var insertions = new PageInsertions();
        TableAccessibility.Apply(document, insertions);
        var changed = MarkChanges(document, inputs.Changes, insertions);
        var warnings = WarningMarks.Apply(body, inputs.Warnings);

        return new DocumentPageModel(
            inputs.Title, inputs.Status, inputs.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            inputs.Revision, inputs.PdfFileName is null ? null : Uri.EscapeDataString(inputs.PdfFileName),
            inputs.Changes?.Count ?? -1, changed.Count, warnings,
            HtmlSerializer.InnerHtml(document.Head).Trim(), body.ClassName ?? "",
            body.Attributes.Where(a => a.Name != "class").Select(a => new PageAttribute(a.Name, a.Value)).ToList(),
            SidebarToc(document), HtmlSerializer.InnerHtml(body, insertions).Trim());
    }

    /// <summary>One h1 per page (the site header's title): the 目录's and the parts' titles become h2, styled by their classes.</summary>
    private static void OneTopHeading(IDocument document)
    {
        foreach (var h1 in document.QuerySelectorAll("h1").ToList())
        {
            var h2 = document.CreateElement("h2");
            foreach (var attribute in h1.Attributes) h2.SetAttribute(attribute.Name, attribute.Value);
            foreach (var child in h1.ChildNodes.ToList()) h2.AppendChild(child);
            h1.Replace(h2);
        }
    }

    /// <summary>The PDF's page number beside each 目录 entry, when the PDF was built in the same run.</summary>
    private static void AddPageNumbers(IDocument document, IReadOnlyDictionary<string, int> pages)
    {
        if (pages.Count == 0) return;
        foreach (var link in document.QuerySelectorAll("nav.toc li > a[href^='#']"))
        {
            var id = Uri.UnescapeDataString(link.GetAttribute("href")![1..]);
            if (!pages.TryGetValue(id, out var page)) continue;
            var number = Element(document, "span", "toc-page");
            number.TextContent = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
            number.SetAttribute("title", $"PDF 第 {page} 页");
            link.ParentElement!.ClassList.Add("has-page");
            link.InsertAfter(number);
        }
    }

    /// <summary>
    /// A line at the foot of the 目录 that only a print shows: a browser's print breaks its pages elsewhere than
    /// the PDF, so the printed 目录 carries no page numbers (the stylesheet hides them) and says where they are.
    /// </summary>
    private static void AddPrintNote(IDocument document, string? pdfFileName)
    {
        if (document.QuerySelector("nav.toc") is not { } toc) return;
        var note = Element(document, "p", "toc-print-note");
        note.TextContent = "打印稿的分页与 PDF 草案不同，这份目录不标页码；页码见 PDF 草案";
        if (pdfFileName is not null)
        {
            var link = Element(document, "a", "toc-print-pdf");
            link.SetAttribute("href", Uri.EscapeDataString(pdfFileName));
            link.TextContent = pdfFileName;
            note.Append(document.CreateTextNode("："), link);
        }
        note.Append(document.CreateTextNode("。"));
        toc.AppendChild(note);
    }

    private static IReadOnlySet<string> MarkChanges(IDocument document, ChangeSet? changes, PageInsertions insertions)
    {
        var marked = new HashSet<string>(StringComparer.Ordinal);
        if (changes is null) return marked;
        var sections = changes.Sections.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var anchors = changes.ChangedAnchors.ToList();
        if (anchors.Count == 0) return marked;
        // One walk for every id (the first element of each, as GetElementById), not a walk of the page per changed anchor.
        var byId = new Dictionary<string, IElement>(StringComparer.Ordinal);
        foreach (var element in document.QuerySelectorAll("[id]")) byId.TryAdd(element.Id!, element);
        foreach (var id in anchors)
        {
            if (!byId.TryGetValue(id, out var heading)) continue;
            heading.ClassList.Add("changed");
            var badge = Element(document, "a", "change-badge");
            badge.SetAttribute("href", ChangePage.FileName + (sections.Contains(id) ? "#change-" + id : "#changed-values"));
            badge.TextContent = "有变化";
            insertions.InsertAfter(heading, badge);
            marked.Add(id);
        }
        return marked;
    }

    /// <summary>The 目录 again, for the page's sidebar: a copy of its list (ids removed, they stay on the 目录 itself).</summary>
    private static string SidebarToc(IDocument document)
    {
        if (document.QuerySelector("nav.toc > ol") is not { } list) return "";
        var copy = (IElement)list.Clone(deep: true);
        foreach (var element in copy.QuerySelectorAll("[id]").ToList()) element.RemoveAttribute("id");
        return HtmlSerializer.OuterHtml(copy);
    }

    internal static IElement Element(IDocument document, string tag, string className)
    {
        var element = document.CreateElement(tag);
        element.ClassName = className;
        return element;
    }
}
