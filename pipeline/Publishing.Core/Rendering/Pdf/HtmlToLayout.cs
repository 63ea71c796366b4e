using AngleSharp.Dom;
using Publishing.Diagnostics;
using Publishing.Layout.Flow;
using Publishing.Layout.Pages;
using Publishing.Layout.Structure;

namespace Publishing.Rendering.Pdf;

/// <summary>
/// Maps the assembled HTML (docs/html-vocabulary.md) onto the engine's document: the cover, the 目录, one
/// section per part (each starts a page; numbering restarts at 1 with the first part). A <c>data-page</c>
/// attribute (on body, the cover, the 目录, a part or a part's child) names the theme's page setup for that
/// piece: a landscape table inside a portrait part becomes a run of landscape pages of its own. The blocks
/// inside are mapped by kind (<see cref="BlockMapper"/>); anything outside the vocabulary is read as plain text.
/// The tagged PDF's structure is built in the same walk, from the same elements (<see cref="StructureBuilder"/>).
/// </summary>
internal static class HtmlToLayout
{
    internal sealed record Mapped(LayoutDocument Document, IReadOnlyList<Diagnostic> Diagnostics);

    /// <param name="structureParent">Where the document's structure goes (a volume's Part for its department); null:
    /// a Document element of its own, the root of the PDF's structure tree (when the theme asks for a tagged PDF).</param>
    public static Mapped Map(string html, PdfStyles styles, PdfDocumentInfo info, StructureElement? structureParent = null) =>
        Map(Assembly.AssembledDocument.Parse(html), styles, info, structureParent);

    /// <summary>Maps a document already parsed (the build parses the assembled HTML once for every stage).</summary>
    public static Mapped Map(IDocument document, PdfStyles styles, PdfDocumentInfo info, StructureElement? structureParent = null)
    {
        var body = document.Body ?? throw new InvalidDataException("HTML without a body");
        var root = !styles.Tagged ? null : structureParent ?? new StructureElement(Roles.Document);
        var mapper = new BlockMapper(styles, new StructureBuilder(root));
        var structure = mapper.Structure;
        WarnIgnoredContent(body, mapper);
        var documentPage = PageOf(body, styles.Page, mapper);
        var sections = new List<DocumentSection>();
        var outline = new List<OutlineEntry>();
        var loose = new List<Block>();
        var parts = 0;

        void Add(IReadOnlyList<Block> blocks, PageNumbering numbering, PageSetup page)
        {
            if (blocks.Count == 0) return;
            sections.Add(new DocumentSection(blocks.Count == 1 && blocks[0] is Stack ? blocks[0] : new Stack(blocks.ToList()), numbering)
                { Page = page == documentPage ? null : page });
        }

        void FlushLoose()
        {
            Add(loose.ToList(), parts == 0 ? PageNumbering.None : PageNumbering.Continue, documentPage);
            loose.Clear();
        }

        foreach (var element in body.Children)
        {
            var page = PageOf(element, documentPage, mapper);
            if (element.LocalName == "section" && element.ClassList.Contains("cover"))
            {
                FlushLoose();
                Add(new[] { CoverPage.Map(element, styles, page.BodyHeight, structure, root) }, PageNumbering.None, page);
            }
            else if (element.LocalName == "nav" && element.ClassList.Contains("toc"))
            {
                FlushLoose();
                Add(new[] { TableOfContents.Map(element, mapper, root) }, PageNumbering.None, page);
                outline.AddRange(TableOfContents.Outline(element));
            }
            else if (element.LocalName == "section" && element.ClassList.Contains("part"))
            {
                FlushLoose();
                Part(element, page, parts++ == 0 ? PageNumbering.RestartAtOne : PageNumbering.Continue);
            }
            else loose.AddRange(mapper.Blocks(element, root, includeSelf: true));
        }
        FlushLoose();

        // A part on its page setup; a child naming another setup (a wide table on landscape pages) starts a new
        // page on it, and the part resumes on its own setup after it. Page numbers run on throughout.
        void Part(IElement part, PageSetup partPage, PageNumbering numbering)
        {
            var element = structure.Add(root, Roles.Part);
            var run = new List<Block>();
            void Flush(PageSetup page)
            {
                if (run.Count == 0) return;
                Add(run.ToList(), numbering, page);
                numbering = PageNumbering.Continue;
                run.Clear();
            }
            foreach (var child in part.Children)
            {
                var childPage = PageOf(child, partPage, mapper);
                if (childPage == partPage) { mapper.Block(child, run, element); continue; }
                Flush(partPage);
                mapper.Block(child, run, element);
                Flush(childPage);
            }
            structure.OpenCaption = null;
            Flush(partPage);
        }

        var metadata = new DocumentMetadata(info.Title, info.Author, info.Subject, info.Keywords, info.Language, info.Created);
        var layoutDocument = new LayoutDocument(documentPage, styles.Footer, sections, outline, metadata)
            { Punctuation = styles.Punctuation, Structure = structureParent is null ? root : null, Standards = styles.Standards };
        return new Mapped(layoutDocument, mapper.Diagnostics);
    }

    /// <summary>
    /// Elements written in the content (Markdown, located by data-src) that the PDF does not read: PUB4201 at the
    /// line. The templates' own markup is checked where it is written (<see cref="TemplateVocabularyCheck"/>).
    /// </summary>
    private static void WarnIgnoredContent(IElement body, BlockMapper mapper)
    {
        foreach (var e in body.QuerySelectorAll("*"))
        {
            if (PdfVocabulary.IsKnownElement(e.LocalName) || e.LocalName == "img") continue;  // images: PUB3022 already
            if (InlineText.SourceOf(e) is not { } source || !source.Path.EndsWith(".md", StringComparison.OrdinalIgnoreCase)) continue;
            mapper.Warn(e, DiagnosticCatalog.VocabularyIgnored["element"].With(("element", e.LocalName)));
        }
    }

    /// <summary>The page setup an element names with data-page, else the one it inherits.</summary>
    private static PageSetup PageOf(IElement element, PageSetup inherited, BlockMapper mapper)
    {
        var name = element.GetAttribute("data-page");
        if (string.IsNullOrEmpty(name)) return inherited;
        if (mapper.Styles.PageNamed(name) is { } page) return page;
        var names = mapper.Styles.PageNames.Order(StringComparer.Ordinal).ToList();
        var nearest = name.Length > 100 ? null : names.Select(n => (Name: n, Distance: Text.EditDistance.Between(n, name)))
            .Where(x => x.Distance <= Math.Max(1, x.Name.Length / 3)).OrderBy(x => x.Distance).Select(x => x.Name).FirstOrDefault();
        if (names.Count > 0)
            mapper.WarnAtTemplate(element, DiagnosticCatalog.UnknownPageSetup["listed"], ("name", name), ("pages", names), ("suggestion", DiagnosticPhrases.DidYouMean(nearest)));
        else mapper.WarnAtTemplate(element, DiagnosticCatalog.UnknownPageSetup["none"], ("name", name), ("suggestion", DiagnosticPhrases.DidYouMean(nearest)));
        return inherited;
    }

    /// <summary>The element's id, or null when it has none (AngleSharp gives an empty string).</summary>
    internal static string? IdOf(IElement e) => string.IsNullOrEmpty(e.Id) ? null : e.Id;

    internal static string Collapse(string text) => InlineText.CollapseWhitespace(text).Trim();
}
