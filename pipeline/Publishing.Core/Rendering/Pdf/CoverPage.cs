using AngleSharp.Dom;
using Publishing.Layout.Flow;

namespace Publishing.Rendering.Pdf;

/// <summary>
/// <c>section.cover</c> → a page of its own: department and title from the theme's <c>layout.cover_top_pct</c>
/// of the text block down, （草案） below a gap, the credits (编制/审核) against the foot.
/// </summary>
internal static class CoverPage
{
    public static Block Map(IElement cover, PdfStyles styles, double bodyHeight)
    {
        Paragraph? Line(string selector, string style)
        {
            var e = cover.QuerySelector(selector);
            return e is null ? null : new Paragraph(InlineText.Spans(e, styles.Text(style), styles), styles.Paragraph(style));
        }
        var top = new List<Block> { new Spacer(bodyHeight * styles.CoverTopShare) };
        if (Line("p.cover-department", "cover_department") is { } dept) top.Add(dept);
        if (Line("p.cover-title", "cover_title") is { } title) top.Add(title);
        top.Add(new Spacer(bodyHeight * styles.CoverStatusGapShare));
        if (Line("p.cover-status", "cover_status") is { } status) top.Add(status);
        var credits = cover.QuerySelectorAll("p.cover-credit")
            .Select(p => (Block)new Paragraph(InlineText.Spans(p, styles.Text("cover_credit"), styles), styles.Paragraph("cover_credit"))).ToList();
        return new FillPage(new Stack(top), new Stack(credits)) { Anchor = HtmlToLayout.IdOf(cover) };
    }
}
