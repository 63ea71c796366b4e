using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Publishing.Layout.Flow;
using Publishing.Layout.Pages;

namespace Publishing.Rendering.Pdf;

/// <summary>
/// Maps the assembled HTML (docs/html-vocabulary.md) onto the engine's document: the cover, the 目录, one
/// section per part (each starts a page; numbering restarts at 1 with the first part). The blocks inside are
/// mapped by kind (<see cref="BlockMapper"/>); anything outside the vocabulary is read as plain text.
/// </summary>
internal static class HtmlToLayout
{
    internal sealed record Mapped(LayoutDocument Document);

    public static Mapped Map(string html, PdfStyles styles, PdfDocumentInfo info)
    {
        var document = new HtmlParser().ParseDocument(html);
        var body = document.Body ?? throw new InvalidDataException("HTML without a body");
        var mapper = new BlockMapper(styles);
        var page = styles.Page;
        var sections = new List<DocumentSection>();
        var outline = new List<OutlineEntry>();
        var loose = new List<Block>();
        var parts = 0;

        void FlushLoose()
        {
            if (loose.Count == 0) return;
            sections.Add(new DocumentSection(new Stack(loose.ToList()), parts == 0 ? PageNumbering.None : PageNumbering.Continue));
            loose.Clear();
        }

        foreach (var element in body.Children)
        {
            if (element.LocalName == "section" && element.ClassList.Contains("cover"))
            {
                FlushLoose();
                sections.Add(new DocumentSection(CoverPage.Map(element, styles, page.BodyHeight), PageNumbering.None));
            }
            else if (element.LocalName == "nav" && element.ClassList.Contains("toc"))
            {
                FlushLoose();
                sections.Add(new DocumentSection(TableOfContents.Map(element, styles), PageNumbering.None));
                outline.AddRange(TableOfContents.Outline(element));
            }
            else if (element.LocalName == "section" && element.ClassList.Contains("part"))
            {
                FlushLoose();
                sections.Add(new DocumentSection(new Stack(mapper.Blocks(element)), parts++ == 0 ? PageNumbering.RestartAtOne : PageNumbering.Continue));
            }
            else loose.AddRange(mapper.Blocks(element, includeSelf: true));
        }
        FlushLoose();

        var metadata = new DocumentMetadata(info.Title, info.Author, info.Subject, info.Keywords, info.Language, info.Created);
        return new Mapped(new LayoutDocument(page, styles.Footer, sections, outline, metadata));
    }

    /// <summary>The element's id, or null when it has none (AngleSharp gives an empty string).</summary>
    internal static string? IdOf(IElement e) => string.IsNullOrEmpty(e.Id) ? null : e.Id;

    internal static string Collapse(string text) => InlineText.CollapseWhitespace(text).Trim();
}
