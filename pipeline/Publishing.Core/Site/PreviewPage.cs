using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Publishing.Changes;

namespace Publishing.Site;

/// <summary>
/// The document page reviewers read: the assembled document (the PDF's input, unchanged in its content)
/// with the site around it — header with the draft stamp and links, the 目录 as a sidebar with the PDF's page
/// numbers, the warnings panel with a mark at each place, changed sections marked, tables made readable on a
/// phone and for screen readers. Built with the DOM, so no text from content is ever parsed as markup again.
/// </summary>
public static class PreviewPage
{
    public static string Render(string assembledHtml, PreviewInputs inputs)
    {
        var document = new HtmlParser().ParseDocument(assembledHtml);
        var body = document.Body!;
        Head(document, inputs);

        OneTopHeading(document);
        AddPageNumbers(document, inputs.PageNumbers);
        if (inputs.Theme is { } theme) PreviewTables.Apply(document, theme);
        TableAccessibility.Apply(document);
        var changed = MarkChanges(document, inputs.Changes);
        var sidebar = Sidebar(document);

        var main = document.CreateElement("main");
        main.Id = "main";
        foreach (var child in body.ChildNodes.ToList()) main.AppendChild(child);
        var warnings = WarningMarks.Apply(document, main, inputs.Warnings);

        var layout = Element(document, "div", "site-layout");
        layout.AppendChild(sidebar);
        layout.AppendChild(main);
        body.AppendChild(SkipLink(document));
        body.AppendChild(Header(document, inputs, changed));
        body.AppendChild(layout);
        if (warnings is not null) main.Prepend(warnings);
        body.ClassList.Add("site-page", "document-page");
        return "<!DOCTYPE html>\n" + document.DocumentElement.OuterHtml + "\n";
    }

    private static void Head(IDocument document, PreviewInputs inputs)
    {
        var head = document.Head!;
        foreach (var meta in head.QuerySelectorAll("meta[http-equiv]").ToList()) meta.Remove();
        var csp = document.CreateElement("meta");
        csp.SetAttribute("http-equiv", "Content-Security-Policy");
        csp.SetAttribute("content", ContentSecurity.Policy);
        head.Prepend(csp);
        head.Prepend(head.QuerySelector("meta[charset]") ?? Charset(document));
        var link = document.CreateElement("link");
        link.SetAttribute("rel", "stylesheet");
        link.SetAttribute("href", "../_site/site.css");
        head.AppendChild(link);
        var script = document.CreateElement("script");
        script.SetAttribute("src", "../_site/site.js");
        script.SetAttribute("defer", "");
        head.AppendChild(script);
    }

    /// <summary>A bureau's template may leave out the charset declaration; the site's pages always have one.</summary>
    private static IElement Charset(IDocument document)
    {
        var meta = document.CreateElement("meta");
        meta.SetAttribute("charset", "utf-8");
        return meta;
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

    private static IReadOnlySet<string> MarkChanges(IDocument document, ChangeSet? changes)
    {
        var marked = new HashSet<string>(StringComparer.Ordinal);
        if (changes is null) return marked;
        var sections = changes.Sections.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var id in changes.ChangedAnchors)
        {
            if (document.GetElementById(id) is not { } heading) continue;
            heading.ClassList.Add("changed");
            var badge = Element(document, "a", "change-badge");
            badge.SetAttribute("href", ChangePage.FileName + (sections.Contains(id) ? "#change-" + id : "#changed-values"));
            badge.TextContent = "有变化";
            heading.InsertAfter(badge);
            marked.Add(id);
        }
        return marked;
    }

    private static IElement Header(IDocument document, PreviewInputs inputs, IReadOnlySet<string> changed)
    {
        var header = Element(document, "header", "site-header");
        var links = Element(document, "nav", "site-links");
        links.SetAttribute("aria-label", "站点导航");
        links.AppendChild(Link(document, "../index.html", "全部文档"));
        if (inputs.PdfFileName is not null) links.AppendChild(Link(document, inputs.PdfFileName, "PDF 草案"));
        var changeText = inputs.Changes is null ? "变化（无上一稿）" : $"变化（{inputs.Changes.Count} 处）";
        links.AppendChild(Link(document, ChangePage.FileName, changeText));
        header.AppendChild(links);

        var title = Element(document, "h1", "site-title");
        title.TextContent = inputs.Title;
        header.AppendChild(title);

        var stamp = Element(document, "p", "draft-stamp");
        var status = Element(document, "strong", "draft-status");
        status.TextContent = inputs.Status;
        stamp.AppendChild(status);
        var revision = inputs.Revision is null ? "" : $" · 修订 {inputs.Revision}";
        stamp.AppendChild(document.CreateTextNode($" · {inputs.Date:yyyy-MM-dd}{revision}"
            + (inputs.Warnings.Count > 0 ? $" · {inputs.Warnings.Count} 个警告" : "")
            + (changed.Count > 0 ? $" · {changed.Count} 处标记为有变化" : "")));
        header.AppendChild(stamp);
        return header;
    }

    /// <summary>The 目录 again as the page's navigation: a sidebar on wide screens, a collapsible list on phones.</summary>
    private static IElement Sidebar(IDocument document)
    {
        var aside = Element(document, "aside", "site-sidebar");
        aside.SetAttribute("aria-label", "目录导航");
        var details = Element(document, "details", "site-toc");
        details.SetAttribute("open", "");
        var summary = document.CreateElement("summary");
        summary.TextContent = "目录";
        details.AppendChild(summary);
        if (document.QuerySelector("nav.toc > ol") is { } list)
        {
            var copy = (IElement)list.Clone(deep: true);
            foreach (var element in copy.QuerySelectorAll("[id]").ToList()) element.RemoveAttribute("id");
            details.AppendChild(copy);
        }
        aside.AppendChild(details);
        return aside;
    }

    private static IElement SkipLink(IDocument document)
    {
        var link = Link(document, "#main", "跳到正文");
        link.ClassList.Add("skip-link");
        return link;
    }

    private static IElement Link(IDocument document, string href, string text)
    {
        var link = document.CreateElement("a");
        link.SetAttribute("href", href);
        link.TextContent = text;
        return link;
    }

    internal static IElement Element(IDocument document, string tag, string className)
    {
        var element = document.CreateElement(tag);
        element.ClassName = className;
        return element;
    }
}
