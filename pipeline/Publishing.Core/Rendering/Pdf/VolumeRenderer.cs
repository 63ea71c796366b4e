using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
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
public static partial class VolumeRenderer
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
        var toc = new StringBuilder();
        LayoutDocument? first = null;
        // One structure tree: the volume's cover and 目录 first, then each department as a Part (made in that order).
        var root = styles.Tagged ? new StructureElement(Roles.Document) : null;
        var frontMatter = root?.Add(Roles.Sect);

        for (var i = 0; i < documents.Count; i++)
        {
            var prefix = $"v{i + 1}-";
            var (html, start) = WithDepartmentAnchor(Prefixed(documents[i].Html, prefix), prefix);
            var mapped = HtmlToLayout.Map(html, styles, info, root?.Add(Roles.Part));
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
            toc.Append(DepartmentEntry(html, documents[i].Department, start));
        }
        if (first is null) return diagnostics;

        // The volume's own cover and 目录, in the same vocabulary as a document's: the same styles and leader lines.
        var front = HtmlToLayout.Map($"""
            <html><body>
            <section class="cover" id="volume-cover"><p class="cover-title">{E(title)}</p><p class="cover-status">（{documents.Count} 个部门）</p></section>
            <nav class="toc" id="volume-toc"><h1 class="toc-title">目&#x3000;录</h1><ol>{toc}</ol></nav>
            </body></html>
            """, styles, info, frontMatter);
        var all = front.Document.Sections.Concat(sections).ToList();
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
    private static (string Html, string Anchor) WithDepartmentAnchor(string prefixedHtml, string prefix)
    {
        if (prefixedHtml.Contains($"id=\"{prefix}part-1\"", StringComparison.Ordinal)) return (prefixedHtml, prefix + "part-1");
        var first = FirstElement().Match(prefixedHtml);
        if (!first.Success) return (prefixedHtml, prefix + "part-1");
        var id = ExistingId().Match(first.Groups["attributes"].Value);
        if (id.Success) return (prefixedHtml, id.Groups[1].Value);
        var anchor = prefix + "department";
        var at = first.Groups["name"].Index + first.Groups["name"].Length;
        return (prefixedHtml[..at] + $" id=\"{anchor}\"" + prefixedHtml[at..], anchor);
    }

    /// <summary>A department in the combined 目录: its name, then its parts (from its own 目录).</summary>
    private static string DepartmentEntry(string prefixedHtml, string department, string start)
    {
        var document = new HtmlParser().ParseDocument(prefixedHtml);
        var parts = document.QuerySelectorAll("nav.toc li.toc-part > a")
            .Select(a => $"<li class=\"toc-entry\"><a href=\"{E(a.GetAttribute("href") ?? "")}\">{E(a.TextContent.Trim())}</a></li>");
        return $"<li class=\"toc-part\"><a href=\"#{E(start)}\">{E(department)}</a><ol>{string.Concat(parts)}</ol></li>";
    }

    /// <summary>Every id and in-document link of one document's HTML, prefixed so the volume's anchors stay unique.</summary>
    internal static string Prefixed(string html, string prefix) =>
        Href().Replace(Id().Replace(html, m => $"{m.Groups[1].Value}\"{prefix}"), m => $"href=\"#{prefix}");

    /// <summary>The first element inside the body: its name and attributes.</summary>
    [GeneratedRegex("""<body\b[^>]*>\s*<(?<name>[a-zA-Z][a-zA-Z0-9]*)(?<attributes>[^>]*)>""")]
    private static partial Regex FirstElement();

    [GeneratedRegex(@"\sid=""([^""]+)""")]
    private static partial Regex ExistingId();

    [GeneratedRegex("""(\sid=)"(?=[^"])""")]
    private static partial Regex Id();

    [GeneratedRegex("""href="#(?=[^"])""")]
    private static partial Regex Href();

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
