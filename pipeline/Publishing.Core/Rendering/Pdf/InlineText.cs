using System.Text;
using AngleSharp.Dom;
using Publishing.Layout.Structure;
using Publishing.Layout.Text;
using SourceLocation = Publishing.Model.SourceLocation;

namespace Publishing.Rendering.Pdf;

/// <summary>Inline content to styled spans: whitespace collapsed the CSS way, strong as the bold face, links.</summary>
internal static class InlineText
{
    public static SourceLocation? SourceOf(IElement? element)
    {
        for (var e = element; e is not null; e = e.ParentElement)
            if (SourceLocation.Parse(e.GetAttribute("data-src")) is { } location) return location;
        return null;
    }

    /// <param name="tag">The structure element the text belongs to: each link in it becomes a Link element under it.</param>
    /// <param name="keepLineBreaks">A line break typed in the text (a CSV cell's) stays one, as CSS <c>white-space: pre-line</c>
    /// keeps it in the preview's table cells; breaks at the text's ends are dropped.</param>
    /// <param name="source">The block's source when the caller has it already (else the element's): every span carries
    /// it, or the source of an element inside that names its own.</param>
    public static List<TextSpan> Spans(IElement element, TextStyle style, PdfStyles styles, string? linkOverride = null, bool skipBlocks = false,
        StructureElement? tag = null, bool keepLineBreaks = false, BlockSource? source = null)
    {
        var spans = new List<TextSpan>();
        Walk(element, style, linkOverride, source ?? BlockSource.Of(element), spans, styles, skipBlocks, top: true);
        // Collapse whitespace across span boundaries and trim the ends.
        var result = new List<TextSpan>();
        var previous = ' ';
        foreach (var span in spans)
        {
            var sb = new StringBuilder();
            foreach (var c in span.Text)
            {
                if (c == '\n' && (span.Text == "\n" || keepLineBreaks))
                {
                    if (sb.Length > 0 && sb[^1] == ' ') sb.Length--;
                    if (keepLineBreaks && sb.Length == 0 && result.Count == 0) continue;       // a break before any text
                    sb.Append('\n');
                    previous = '\n';
                    continue;
                }
                if (char.IsWhiteSpace(c) && c != '\u3000')
                {
                    if (previous is ' ' or '\n') continue;
                    sb.Append(' ');
                    previous = ' ';
                }
                else { sb.Append(c); previous = c; }
            }
            if (sb.Length > 0) result.Add(span with { Text = sb.ToString() });
        }
        // A space between two CJK characters is a source line break, not a space (CSS segment-break rules).
        for (var i = 0; i < result.Count; i++)
            result[i] = result[i] with { Text = DropCjkSpaces(result[i].Text) };
        if (result.Count > 0) result[^1] = result[^1] with { Text = keepLineBreaks ? result[^1].Text.TrimEnd(' ', '\n') : result[^1].Text.TrimEnd(' ') };
        result.RemoveAll(s => s.Text.Length == 0);
        if (tag is not null) TagLinks(result, tag);
        return result;
    }

    /// <summary>Each run of spans with one link target becomes a Link element of <paramref name="tag"/>, holding their text.</summary>
    private static void TagLinks(List<TextSpan> spans, StructureElement tag)
    {
        for (var i = 0; i < spans.Count;)
        {
            if (spans[i].Link is not { } target) { i++; continue; }
            var end = i;
            while (end < spans.Count && spans[end].Link == target) end++;
            var text = string.Concat(spans.Skip(i).Take(end - i).Select(s => s.Text)).Trim();
            var link = tag.Add(new StructureElement(Roles.Link) { Description = text.Length > 0 ? text : null });
            for (var k = i; k < end; k++) spans[k] = spans[k] with { Tag = link };
            i = end;
        }
    }

    private static string DropCjkSpaces(string text)
    {
        if (!text.Contains(' ')) return text;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == ' ' && i > 0 && i + 1 < text.Length && IsCjk(text[i - 1]) && IsCjk(text[i + 1])) continue;
            sb.Append(text[i]);
        }
        return sb.ToString();
    }

    private static bool IsCjk(char c) => c >= '\u2E80' && c <= '\u9FFF' || c >= '\uFF00' && c <= '\uFFEF';

    public static string CollapseWhitespace(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) && c != '\u3000') { if (!space) sb.Append(' '); space = true; }
            else { sb.Append(c); space = false; }
        }
        return sb.ToString();
    }

    private static void Walk(INode node, TextStyle style, string? link, BlockSource source, List<TextSpan> into, PdfStyles styles, bool skipBlocks, bool top)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    into.Add(new TextSpan(text.Data, style, link, source));
                    break;
                case IElement e:
                    if (skipBlocks && top && e.LocalName is "ol" or "ul" or "p" or "table") continue;
                    var childSource = BlockSource.Marked(e) ? BlockSource.Of(e) : source;
                    switch (e.LocalName)
                    {
                        case "br":
                            into.Add(new TextSpan("\n", style, link, childSource));
                            break;
                        case "strong" or "b":
                            Walk(e, style with { Font = styles.Chain(style.Font.Name.Split('-')[0], true) }, link, childSource, into, styles, skipBlocks, false);
                            break;
                        case "code":
                            Walk(e, style with { Font = styles.Chain("sans", false) }, link, childSource, into, styles, skipBlocks, false);
                            break;
                        case "a":
                            var href = e.GetAttribute("href") ?? "";
                            var target = link ?? (href.StartsWith('#') ? Uri.UnescapeDataString(href[1..]) : null);
                            Walk(e, target is not null && link is null ? style with { Color = styles.LinkColor } : style, target, childSource, into, styles, skipBlocks, false);
                            break;
                        default:
                            Walk(e, style, link, childSource, into, styles, skipBlocks, false);
                            break;
                    }
                    break;
            }
        }
    }
}
