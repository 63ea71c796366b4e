using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Publishing.Layout.Flow;
using SourceLocation = Publishing.Model.SourceLocation;
using Publishing.Layout.Pages;
using Publishing.Layout.Tables;
using Publishing.Layout.Text;

namespace Publishing.Rendering.Pdf;

/// <summary>
/// Maps the assembled HTML (docs/html-vocabulary.md) onto the engine's blocks: the cover, the 目录, one
/// section per part (each starts a page; numbering restarts at 1 with the first part), headings that keep
/// with what follows, paragraphs, lists and tables. Anything outside the vocabulary is read as plain text.
/// </summary>
internal static class HtmlToLayout
{
    internal sealed record Mapped(LayoutDocument Document);

    public static Mapped Map(string html, PdfStyles styles, PdfDocumentInfo info)
    {
        var document = new HtmlParser().ParseDocument(html);
        var body = document.Body ?? throw new InvalidDataException("HTML without a body");
        var mapper = new Mapper(styles);
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
                sections.Add(new DocumentSection(mapper.Cover(element), PageNumbering.None));
            }
            else if (element.LocalName == "nav" && element.ClassList.Contains("toc"))
            {
                FlushLoose();
                sections.Add(new DocumentSection(mapper.Toc(element), PageNumbering.None));
                outline.AddRange(Outline(element));
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
        return new Mapped(new LayoutDocument(styles.Page, styles.Footer, sections, outline, metadata));
    }

    /// <summary>The bookmarks mirror the 目录: parts, then their entries (sections and project tables).</summary>
    private static IEnumerable<OutlineEntry> Outline(IElement toc)
    {
        foreach (var part in toc.QuerySelectorAll("li.toc-part"))
        {
            var link = part.Children.FirstOrDefault(c => c.LocalName == "a");
            if (link is null) continue;
            var children = part.QuerySelectorAll("li.toc-entry > a")
                .Select(a => new OutlineEntry(Collapse(a.TextContent), Target(a), Array.Empty<OutlineEntry>())).ToList();
            yield return new OutlineEntry(Collapse(link.TextContent), Target(link), children);
        }
    }

    private static string Target(IElement a) => Uri.UnescapeDataString((a.GetAttribute("href") ?? "").TrimStart('#'));

    /// <summary>The element's id, or null when it has none (AngleSharp gives an empty string).</summary>
    internal static string? IdOf(IElement e) => string.IsNullOrEmpty(e.Id) ? null : e.Id;

    internal static string Collapse(string text) => InlineText.CollapseWhitespace(text).Trim();

    private sealed class Mapper(PdfStyles styles)
    {
        public Block Cover(IElement cover)
        {
            Paragraph? Line(string selector, string style)
            {
                var e = cover.QuerySelector(selector);
                return e is null ? null : new Paragraph(InlineText.Spans(e, styles.Text(style), styles), styles.Paragraph(style));
            }
            var top = new List<Block> { new Spacer(styles.Page.BodyHeight * 0.22) };
            if (Line("p.cover-department", "cover_department") is { } dept) top.Add(dept);
            if (Line("p.cover-title", "cover_title") is { } title) top.Add(title);
            top.Add(new Spacer(styles.Page.BodyHeight * 0.08));
            if (Line("p.cover-status", "cover_status") is { } status) top.Add(status);
            var credits = cover.QuerySelectorAll("p.cover-credit")
                .Select(p => (Block)new Paragraph(InlineText.Spans(p, styles.Text("cover_credit"), styles), styles.Paragraph("cover_credit"))).ToList();
            return new FillPage(new Stack(top), new Stack(credits)) { Anchor = IdOf(cover) };
        }

        public Block Toc(IElement toc)
        {
            var blocks = new List<Block>();
            if (toc.QuerySelector("h1.toc-title") is { } title)
                blocks.Add(new Paragraph(InlineText.Spans(title, styles.Text("toc_title"), styles), styles.Paragraph("toc_title")) { Anchor = IdOf(title) ?? IdOf(toc) });
            var numberStyle = styles.Text("toc_entry");
            foreach (var part in toc.QuerySelectorAll("li.toc-part"))
            {
                if (part.Children.FirstOrDefault(c => c.LocalName == "a") is { } partLink)
                    blocks.Add(Leader(partLink, "toc_part", numberStyle));
                foreach (var entry in part.QuerySelectorAll("li.toc-entry > a"))
                    blocks.Add(Leader(entry, "toc_entry", numberStyle));
            }
            return new Stack(blocks);
        }

        private LeaderLine Leader(IElement link, string style, TextStyle numberStyle)
        {
            var spans = InlineText.Spans(link, styles.Text(style), styles); // the leader line links as a whole
            var paragraph = styles.Paragraph(style);
            return new LeaderLine(spans, Target(link), numberStyle, paragraph with { StartIndent = paragraph.FirstLineIndent, FirstLineIndent = 0 });
        }

        /// <summary>The blocks of an element's children (or of the element itself).</summary>
        public List<Block> Blocks(IElement element, bool includeSelf = false)
        {
            var result = new List<Block>();
            if (includeSelf) { Block(element, result); return result; }
            foreach (var child in element.Children) Block(child, result);
            return result;
        }

        private void Block(IElement e, List<Block> into)
        {
            switch (e.LocalName)
            {
                case "h1" when e.ClassList.Contains("part-title"):
                    into.Add(PartTitle(e));
                    break;
                case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                    into.Add(Heading(e));
                    break;
                case "p":
                    into.Add(new Paragraph(InlineText.Spans(e, styles.Body, styles), styles.BodyParagraph) { Anchor = IdOf(e) });
                    break;
                case "ol" or "ul":
                    List(e, into);
                    break;
                case "table":
                    into.Add(Table(e));
                    break;
                case "div" when e.ClassList.Contains("page-break"):
                    into.Add(new PageBreak());
                    break;
                case "div" when e.ClassList.Contains("unit-line"):
                    into.Add(UnitLine(e));
                    break;
                case "section" or "div" or "article" or "main" or "nav" or "header" or "footer" or "blockquote":
                    var children = Blocks(e);
                    if (children.Count > 0) into.Add(new Stack(children) { Anchor = IdOf(e) });
                    break;
                default:
                    if (!string.IsNullOrWhiteSpace(e.TextContent))
                        into.Add(new Paragraph(InlineText.Spans(e, styles.Body, styles), styles.BodyParagraph) { Anchor = IdOf(e) });
                    break;
            }
        }

        private Block PartTitle(IElement e)
        {
            var style = styles.Text("part_title");
            var number = e.QuerySelector("span.part-number");
            var name = e.QuerySelector("span.part-name");
            // 第一部分 above the part's name, as in the seed.
            var spans = number is not null && name is not null
                ? InlineText.Spans(number, style, styles).Append(new TextSpan("\n", style)).Concat(InlineText.Spans(name, style, styles)).ToList()
                : InlineText.Spans(e, style, styles);
            return new Paragraph(spans, styles.Paragraph("part_title")) { Anchor = IdOf(e), KeepWithNext = true };
        }

        private Block Heading(IElement e)
        {
            var styleName = e.ClassList.Contains("table-caption") ? "table_caption" : e.LocalName;
            foreach (var cls in e.ClassList)
                if (cls.StartsWith("numbering-level-", StringComparison.Ordinal) && styles.HasStyle(cls.Replace('-', '_')))
                    styleName = cls.Replace('-', '_');
            if (!styles.HasStyle(styleName)) styleName = "h5";
            var paragraph = styles.Paragraph(styleName) with { AvoidLoneLastChar = true };
            return new Paragraph(InlineText.Spans(e, styles.Text(styleName), styles), paragraph) { Anchor = IdOf(e), KeepWithNext = true };
        }

        private void List(IElement list, List<Block> into, int depth = 0)
        {
            var ordered = list.LocalName == "ol";
            var n = int.TryParse(list.GetAttribute("start"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 1;
            // A nested list is indented 2 em per level, as the preview shows it.
            var paragraphStyle = styles.BodyParagraph with { StartIndent = styles.BodyParagraph.StartIndent + depth * 2 * styles.Body.Size };
            foreach (var item in list.Children.Where(c => c.LocalName == "li"))
            {
                var marker = ordered ? $"{n++}. " : "· ";
                var nested = item.Children.Where(c => c.LocalName is "ol" or "ul" or "p" or "table").ToList();
                var spans = new List<TextSpan> { new(marker, styles.Body, Source: InlineText.SourceOf(item)) };
                var own = InlineText.Spans(item, styles.Body, styles, skipBlocks: true);
                // A loose list item (<li><p>…</p></li>): its first paragraph goes on the marker's line.
                if (nested.FirstOrDefault() is { LocalName: "p" } first && own.All(span => string.IsNullOrWhiteSpace(span.Text)))
                {
                    spans.AddRange(InlineText.Spans(first, styles.Body, styles));
                    nested.RemoveAt(0);
                }
                else spans.AddRange(own);
                into.Add(new Paragraph(spans, paragraphStyle) { Anchor = IdOf(item) });
                foreach (var child in nested)
                {
                    if (child.LocalName is "ol" or "ul") List(child, into, depth + 1);
                    else Block(child, into);
                }
            }
        }

        private Block UnitLine(IElement e)
        {
            var style = styles.Text("unit_line");
            var left = e.QuerySelector("span.unit-code-name");
            var right = e.QuerySelector("span.unit-currency");
            var paragraph = styles.Paragraph("unit_line") with { FirstLineIndent = 0, LinePitch = style.Size * 1.8 };
            var cells = new List<TableCell>
            {
                new(new Paragraph(left is null ? InlineText.Spans(e, style, styles) : InlineText.Spans(left, style, styles), paragraph with { Align = TextAlign.Left })),
                new(new Paragraph(right is null ? new List<TextSpan>() : InlineText.Spans(right, style, styles), paragraph with { Align = TextAlign.Right })),
            };
            return new Table(new[] { new TableColumn(0.7), new TableColumn(0.3) }, Array.Empty<TableRow>(), new[] { new TableRow(cells) },
                new TableStyle { Padding = 0, BorderWidth = 0, KeepWholeUpTo = 0 }) { KeepWithNext = true, Anchor = IdOf(e) };
        }

        private Block Table(IElement table)
        {
            var columns = table.QuerySelectorAll("colgroup > col").Select(col =>
            {
                var style = col.GetAttribute("style") ?? "";
                var m = System.Text.RegularExpressions.Regex.Match(style, @"width\s*:\s*([\d.]+)%");
                return new TableColumn(m.Success ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) / 100 : null);
            }).ToList();
            var header = new List<TableRow>();
            var body = new List<TableRow>();
            foreach (var row in table.QuerySelectorAll("tr"))
            {
                var inHead = row.ParentElement?.LocalName == "thead";
                var cells = row.Children.Where(c => c.LocalName is "td" or "th").Select(c => Cell(c, inHead)).ToList();
                (inHead ? header : body).Add(new TableRow(cells));
            }
            return new Table(columns, header, body, styles.Table) { Anchor = IdOf(table) };
        }

        private TableCell Cell(IElement cell, bool inHead)
        {
            var isHeaderCell = cell.LocalName == "th";
            var bold = isHeaderCell && styles.TableHeaderBold;
            var colSpan = int.TryParse(cell.GetAttribute("colspan"), out var span) ? span : 1;
            // Labels centred; numbers right; wide text cells left; other values centred when they fit one line.
            var align = isHeaderCell ? TextAlign.Center
                : cell.ClassList.Contains("num") ? TextAlign.Right
                : colSpan >= 3 && Collapse(cell.TextContent).Length > 20 ? TextAlign.Left
                : TextAlign.CenterIfOneLine;
            var paragraph = new ParagraphStyle { LinePitch = styles.TablePitch, Align = align, MinLinesAtBreak = 1 };
            var content = new Paragraph(InlineText.Spans(cell, styles.TableText(bold), styles), paragraph);
            return new TableCell(content,
                int.TryParse(cell.GetAttribute("rowspan"), out var rs) ? Math.Max(1, rs) : 1,
                int.TryParse(cell.GetAttribute("colspan"), out var cs) ? Math.Max(1, cs) : 1)
            {
                Background = isHeaderCell && !inHead ? styles.Table.HeaderBackground : null,
            };
        }
    }
}

/// <summary>Inline content to styled spans: whitespace collapsed the CSS way, strong as the bold face, links.</summary>
internal static class InlineText
{
    public static SourceLocation? SourceOf(IElement? element)
    {
        for (var e = element; e is not null; e = e.ParentElement)
            if (SourceLocation.Parse(e.GetAttribute("data-src")) is { } location) return location;
        return null;
    }

    public static List<TextSpan> Spans(IElement element, TextStyle style, PdfStyles styles, string? linkOverride = null, bool skipBlocks = false)
    {
        var spans = new List<TextSpan>();
        Walk(element, style, linkOverride, SourceOf(element), spans, styles, skipBlocks, top: true);
        // Collapse whitespace across span boundaries and trim the ends.
        var result = new List<TextSpan>();
        var previous = ' ';
        foreach (var span in spans)
        {
            var sb = new StringBuilder();
            foreach (var c in span.Text)
            {
                if (c == '\n' && span.Text == "\n") { sb.Append('\n'); previous = '\n'; continue; }
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
        if (result.Count > 0) result[^1] = result[^1] with { Text = result[^1].Text.TrimEnd(' ') };
        result.RemoveAll(s => s.Text.Length == 0);
        return result;
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

    private static void Walk(INode node, TextStyle style, string? link, SourceLocation? source, List<TextSpan> into, PdfStyles styles, bool skipBlocks, bool top)
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
                    var childSource = SourceLocation.Parse(e.GetAttribute("data-src")) ?? source;
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
