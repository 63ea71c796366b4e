using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Publishing.Model;

namespace Publishing.Markdown;

/// <summary>
/// Collects the prose of a parsed section, block by block, with the source position of every character
/// (for the editors' checks: typos, numbering, punctuation). Needs Markdig's precise source locations.
/// An ordered list item's number ("1.") is put back in front of its text, as the editor wrote it.
/// </summary>
public static class NarrativeTextCollector
{
    public static IReadOnlyList<TextBlock> Collect(MarkdownDocument document, string markdown, string displayPath)
    {
        var lineStarts = LineStarts(markdown);
        var blocks = new List<TextBlock>();
        foreach (var leaf in document.Descendants<LeafBlock>())
        {
            if (leaf.Inline is null || leaf is not (ParagraphBlock or HeadingBlock)) continue;
            var text = new Builder(lineStarts);
            var kind = leaf is HeadingBlock ? TextBlockKind.Heading : TextBlockKind.Paragraph;
            if (leaf.Parent is ListItemBlock item && item.Parent is ListBlock { IsOrdered: true } list && item.FirstOrDefault() == leaf)
            {
                kind = TextBlockKind.ListItem;
                text.Append($"{item.Order}{list.OrderedDelimiter}", item.Span.Start, exact: true);
            }
            else if (leaf.Parent is ListItemBlock) kind = TextBlockKind.ListItem;
            if (HasAncestor<Markdig.Extensions.Tables.TableCell>(leaf)) kind = TextBlockKind.TableCell;
            Append(leaf.Inline, text, markdown);
            var (chars, lines, columns) = text.Build();
            blocks.Add(new TextBlock(kind, (leaf as HeadingBlock)?.Level ?? 0, Depth(leaf), chars, displayPath, lines, columns));
        }
        return blocks;
    }

    private static void Append(ContainerInline container, Builder text, string markdown)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    var content = literal.Content.ToString();
                    var at = literal.Span.Length == content.Length ? literal.Span.Start : Locate(markdown, content, literal.Span);
                    text.Append(content, at ?? literal.Span.Start, exact: at is not null);
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.ToString(), entity.Span.Start, exact: false);
                    break;
                case LineBreakInline lineBreak:
                    text.Append(" ", lineBreak.Span.Start, exact: false);
                    break;
                case ContainerInline child:
                    Append(child, text, markdown);
                    break;
                default:
                    text.Append(TextBlock.Placeholder.ToString(), inline.Span.Start, exact: false);
                    break;
            }
        }
    }

    /// <summary>
    /// Where a literal's text really starts when its span is wider than the text (pipe-table cells include the
    /// padding around it): the first place inside the span that holds exactly that text, or null.
    /// </summary>
    private static int? Locate(string markdown, string content, Markdig.Syntax.SourceSpan span)
    {
        if (content.Length == 0 || span.Start < 0 || span.Start >= markdown.Length) return null;
        var at = markdown.IndexOf(content, span.Start, StringComparison.Ordinal);
        return at >= 0 && at + content.Length <= span.End + 1 ? at : null;
    }

    private static int Depth(Block block)
    {
        var depth = 0;
        for (var parent = block.Parent; parent is not null and not MarkdownDocument; parent = parent.Parent) depth++;
        return depth;
    }

    private static bool HasAncestor<T>(Block block)
    {
        for (var parent = block.Parent; parent is not null; parent = parent.Parent)
            if (parent is T) return true;
        return false;
    }

    private static int[] LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
            if (text[i] == '\n') starts.Add(i + 1);
        return starts.ToArray();
    }

    private sealed class Builder(int[] lineStarts)
    {
        private readonly System.Text.StringBuilder _text = new();
        private readonly List<int> _lines = new();
        private readonly List<int> _columns = new();

        /// <summary>Appends text written at an absolute source offset; exact when each character maps 1:1 to the source.</summary>
        public void Append(string value, int offset, bool exact)
        {
            for (var i = 0; i < value.Length; i++)
            {
                var at = Math.Max(0, exact ? offset + i : offset);
                var line = Array.BinarySearch(lineStarts, at);
                if (line < 0) line = ~line - 1;
                _text.Append(value[i]);
                _lines.Add(line + 1);
                _columns.Add(at - lineStarts[line] + 1);
            }
        }

        public (string, int[], int[]) Build() => (_text.ToString(), _lines.ToArray(), _columns.ToArray());
    }
}
