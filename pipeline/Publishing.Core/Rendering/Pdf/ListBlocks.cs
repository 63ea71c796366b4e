using System.Globalization;
using AngleSharp.Dom;
using Publishing.Layout.Flow;
using Publishing.Layout.Structure;
using Publishing.Layout.Text;

namespace Publishing.Rendering.Pdf;

/// <summary>
/// Lists as body paragraphs with a marker (1. or the theme's bullet); a nested list is indented by the
/// theme's <c>layout.list_indent_em</c> per level, as the preview shows it.
/// </summary>
internal static class ListBlocks
{
    /// <param name="element">The list's L element: each item an LI with its marker as Lbl and its text (and anything
    /// nested in it) as LBody.</param>
    public static void List(IElement list, List<Block> into, BlockMapper mapper, StructureElement? element, int depth = 0)
    {
        var styles = mapper.Styles;
        var ordered = list.LocalName == "ol";
        var n = int.TryParse(list.GetAttribute("start"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 1;
        var paragraphStyle = styles.BodyParagraph with { StartIndent = styles.BodyParagraph.StartIndent + depth * styles.ListIndent };
        foreach (var item in list.Children.Where(c => c.LocalName == "li"))
        {
            var marker = ordered ? $"{n++}. " : styles.ListBullet + " ";
            var nested = item.Children.Where(c => c.LocalName is "ol" or "ul" or "p" or "table").ToList();
            var listItem = element?.Add(Roles.ListItem);
            var label = listItem?.Add(Roles.Label);
            var body = listItem?.Add(Roles.ListBody);
            var source = BlockSource.Of(item);
            var spans = new List<TextSpan> { new(marker, styles.Body, Source: source) { Tag = label } };
            var own = InlineText.Spans(item, styles.Body, styles, skipBlocks: true, tag: body, source: source);
            // A loose list item (<li><p>…</p></li>): its first paragraph goes on the marker's line.
            if (nested.FirstOrDefault() is { LocalName: "p" } first && own.All(span => string.IsNullOrWhiteSpace(span.Text)))
            {
                spans.AddRange(InlineText.Spans(first, styles.Body, styles, tag: body));
                nested.RemoveAt(0);
            }
            else spans.AddRange(own);
            into.Add(new Paragraph(spans, paragraphStyle) { Anchor = HtmlToLayout.IdOf(item), Tag = body, Source = source });
            foreach (var child in nested)
            {
                if (child.LocalName is "ol" or "ul") List(child, into, mapper, mapper.Structure.Add(body, Roles.List), depth + 1);
                else mapper.Block(child, into, body);
            }
        }
    }
}
