using AngleSharp.Dom;
using Publishing.Layout.Flow;
using Publishing.Layout.Structure;

namespace Publishing.Rendering.Pdf;

/// <summary>
/// <c>section.cover</c> → a page of its own: department and title from the theme's <c>layout.cover_top_pct</c>
/// of the text block down, （草案） below a gap, the credits (编制/审核) against the foot.
/// </summary>
internal static class CoverPage
{
    /// <param name="structure">The cover's lines go into a Sect of <paramref name="parent"/>: the title as the first heading.</param>
    public static Block Map(IElement cover, PdfStyles styles, double bodyHeight, StructureBuilder structure, StructureElement? parent)
    {
        var section = structure.Add(parent, Roles.Sect);
        Paragraph? Line(string selector, string style)
        {
            var e = cover.QuerySelector(selector);
            if (e is null) return null;
            var tag = structure.Add(section, selector == "p.cover-title" ? structure.Heading(1) : Roles.Paragraph);
            var source = BlockSource.Of(e);
            return new Paragraph(InlineText.Spans(e, styles.Text(style), styles, tag: tag, source: source), styles.Paragraph(style)) { Tag = tag, Source = source };
        }
        var top = new List<Block> { new Spacer(bodyHeight * styles.CoverTopShare) };
        if (Line("p.cover-department", "cover_department") is { } dept) top.Add(dept);
        if (Line("p.cover-title", "cover_title") is { } title) top.Add(title);
        top.Add(new Spacer(bodyHeight * styles.CoverStatusGapShare));
        if (Line("p.cover-status", "cover_status") is { } status) top.Add(status);
        var credits = cover.QuerySelectorAll("p.cover-credit").Select(p =>
        {
            var tag = structure.Add(section, Roles.Paragraph);
            var source = BlockSource.Of(p);
            return (Block)new Paragraph(InlineText.Spans(p, styles.Text("cover_credit"), styles, tag: tag, source: source), styles.Paragraph("cover_credit"))
                { Tag = tag, Source = source };
        }).ToList();
        return new FillPage(new Stack(top), new Stack(credits)) { Anchor = HtmlToLayout.IdOf(cover), Source = BlockSource.Of(cover) };
    }
}
