using AngleSharp.Dom;
using Publishing.Diagnostics;
using Publishing.Layout;
using Publishing.Layout.Pages;
using Publishing.Layout.Structure;
using Publishing.Model;
using Publishing.Theming;

namespace Publishing.Rendering.Pdf;

/// <summary>One department's assembled document for the volume: the tree its own build parsed, laid out again here.</summary>
public sealed record VolumeDocument(string Slug, string Department, IDocument Html);

/// <summary>
/// The combined volume (汇编) a bureau prints: a cover, a combined 目录 (each department with its parts, and the
/// page where each begins), then every department's document as it is drafted alone. Each document's ids get
/// a prefix (v3-part-1), so its own 目录 and links keep pointing inside it. Page numbers run on through the
/// volume, or start at 1 in each department when the theme says volume_numbering: per_document. The bookmarks
/// hold every department, with its own bookmarks under it. The cover and the combined 目录 are the templates'
/// (templates/volume/), from the <see cref="VolumeDepartment"/> entries <see cref="Prepare"/> gives.
/// </summary>
public static class VolumeRenderer
{
    /// <summary>
    /// Readies the <paramref name="index"/>-th department's tree for the volume (its ids and links prefixed, its
    /// start given an id when it has none) and gives its entry of the combined 目录: where it begins and the
    /// parts its own 目录 lists, as that 目录 words them.
    /// </summary>
    public static VolumeDepartment Prepare(VolumeDocument document, int index)
    {
        var prefix = $"v{index + 1}-";
        Prefix(document.Html, prefix);
        var start = DepartmentAnchor(document.Html, prefix);
        var parts = document.Html.QuerySelectorAll("nav.toc li.toc-part > a")
            .Select(a => new VolumeContentsEntry(a.TextContent.Trim(), (a.GetAttribute("href") ?? "").TrimStart('#')))
            .ToList();
        return new VolumeDepartment(document.Department, document.Slug, start, parts);
    }

    /// <param name="frontMatter">The volume's cover and 目录 (templates/volume/volume.html.sbn), parsed with its template marks.</param>
    /// <param name="documents">The departments' trees, each readied by <see cref="Prepare"/>, in the order of <paramref name="departments"/>.</param>
    /// <param name="ofd">When given, receives the volume's pages as OFD too (GB/T 33190), from the same layout.</param>
    public static IReadOnlyList<Diagnostic> Render(string title, IDocument frontMatter, IReadOnlyList<VolumeDocument> documents,
        IReadOnlyList<VolumeDepartment> departments, Theme theme, PdfDocumentInfo info, Stream output, PdfPages? pages = null, Stream? ofd = null)
    {
        var diagnostics = new List<Diagnostic>();
        var styles = new PdfStyles(theme, PdfRenderer.Fonts);
        var continuous = theme.VolumeNumbering != "per_document";
        var sections = new List<DocumentSection>();
        var outline = new List<OutlineEntry>();
        LayoutDocument? first = null;
        // One structure tree: the volume's cover and 目录 first, then each department as a Part (made in that order).
        var root = styles.Tagged ? new StructureElement(Roles.Document) : null;
        var frontStructure = root?.Add(Roles.Sect);

        for (var i = 0; i < documents.Count; i++)
        {
            var mapped = HtmlToLayout.Map(documents[i].Html, styles, info, root?.Add(Roles.Part));
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
            outline.Add(new OutlineEntry(departments[i].Name, departments[i].Anchor, mapped.Document.Outline));
        }
        if (first is null) return diagnostics;

        // The volume's own cover and 目录, in the same vocabulary as a document's: the same styles and leader lines.
        var frontMapped = HtmlToLayout.Map(frontMatter, styles, info, frontStructure);
        diagnostics.AddRange(frontMapped.Diagnostics);
        var all = frontMapped.Document.Sections.Concat(sections).ToList();
        // Continuous numbering starts at 1 with the first department's first part.
        var firstNumbered = all.FindIndex(s => s.Numbering != PageNumbering.None);
        if (firstNumbered >= 0) all[firstNumbered] = all[firstNumbered] with { Numbering = PageNumbering.RestartAtOne };
        var volume = first with { Sections = all, Outline = outline, Metadata = first.Metadata with { Title = title }, Structure = root };

        var layout = DocumentRenderer.Render(volume, output, ofd);
        // The combined 目录 leads into the departments: a link to no id of theirs prints 0 (PUB4210, at its template line).
        diagnostics.AddRange(LayoutWarnings.UnresolvedTargets(layout, new SourcePositions(null)));
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

    /// <summary>Every id and in-document link of one document, prefixed in its tree so the volume's anchors stay unique.</summary>
    internal static void Prefix(IDocument document, string prefix)
    {
        foreach (var element in document.QuerySelectorAll("[id]"))
            if (element.Id is { Length: > 0 } id) element.Id = prefix + id;
        foreach (var link in document.QuerySelectorAll("a[href^='#']"))
            if (link.GetAttribute("href") is { Length: > 1 } href) link.SetAttribute("href", "#" + prefix + href[1..]);
    }
}
