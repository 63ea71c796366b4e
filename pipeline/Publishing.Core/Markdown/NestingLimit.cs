using Publishing.Diagnostics;

namespace Publishing.Markdown;

/// <summary>
/// Finds Markdown nested deeper than any real document (quotes inside quotes, lists inside lists,
/// brackets or emphasis runs inside each other) before Markdig sees it: Markdig refuses such input
/// only after a long time (3,000 nested list levels take over a minute) and then with an exception
/// that names no place. One cheap pass over the lines, no parsing; it may miss a bomb that lazy
/// continuation lines hide, which <see cref="SectionRenderer"/> then still reports, less precisely.
/// </summary>
public static class NestingLimit
{
    /// <summary>Official text nests lists three or four levels deep; 32 is far beyond any of it and far below Markdig's limit.</summary>
    public const int MaxDepth = 32;

    public readonly record struct Violation(int Line, int Column, string What);

    public static Violation? Find(string markdown)
    {
        var listContentColumns = new List<int>();
        var brackets = 0;
        var lineNumber = 0;
        foreach (var line in markdown.Split('\n'))
        {
            lineNumber++;
            if (line.Trim().Length == 0)
            {
                brackets = 0; // a blank line ends the paragraph, and any bracket left open in it
                continue;
            }
            var (found, contentIndex) = ContainerPrefix(line, lineNumber, listContentColumns);
            if (found is not null) return found;
            var inline = InlineNesting(line, contentIndex, lineNumber, ref brackets);
            if (inline is not null) return inline;
        }
        return null;
    }

    /// <summary>Quote and list markers at the start of a line, against the lists still open above it.</summary>
    private static (Violation? Found, int ContentIndex) ContainerPrefix(string line, int lineNumber, List<int> openLists)
    {
        var quotes = 0;
        var markers = 0;
        var column = 0;
        var i = 0;
        while (true)
        {
            while (i < line.Length && line[i] is ' ' or '\t') column = line[i++] == '\t' ? column + 4 - column % 4 : column + 1;
            var markerColumn = column + 1;
            if (i < line.Length && line[i] == '>')
            {
                quotes++;
                i++;
                column++;
            }
            else if (ListMarkerWidth(line, i) is var width and > 0)
            {
                if (markers++ == 0 && quotes == 0)
                    while (openLists.Count > 0 && openLists[^1] > column) openLists.RemoveAt(openLists.Count - 1);
                openLists.Add(column + width + 1);
                i += width;
                column += width;
            }
            else
            {
                if (markers == 0 && quotes == 0)
                    while (openLists.Count > 0 && openLists[^1] > column) openLists.RemoveAt(openLists.Count - 1);
                return (null, i);
            }

            if (quotes + openLists.Count > MaxDepth)
                return (new Violation(lineNumber, markerColumn, DiagnosticCatalog.MarkdownTooDeep[quotes > openLists.Count ? "quote" : "list"].Format()), i);
        }
    }

    /// <summary>The width of a list marker ("-", "*", "+", "1.", "1)") at <paramref name="i"/> followed by a space or the line's end; 0 when there is none.</summary>
    private static int ListMarkerWidth(string line, int i)
    {
        if (i >= line.Length) return 0;
        var end = i;
        if (line[i] is '-' or '*' or '+') end = i + 1;
        else
        {
            while (end < line.Length && end - i < 9 && char.IsAsciiDigit(line[end])) end++;
            if (end == i || end >= line.Length || line[end] is not ('.' or ')')) return 0;
            end++;
        }
        return end == line.Length || line[end] is ' ' or '\t' ? end - i : 0;
    }

    /// <summary>Brackets left open and runs of emphasis delimiters, which nest inline content.</summary>
    private static Violation? InlineNesting(string line, int start, int lineNumber, ref int brackets)
    {
        for (var i = start; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\\') { i++; continue; }
            if (c == '[' && ++brackets > MaxDepth) return new Violation(lineNumber, i + 1, DiagnosticCatalog.MarkdownTooDeep["brackets"].Format());
            if (c == ']' && brackets > 0) brackets--;
            if (c is '*' or '_' or '~')
            {
                var run = i;
                while (run < line.Length && line[run] == c) run++;
                // A line of nothing but these marks is a horizontal rule, not emphasis.
                if (run - i > MaxDepth && line.AsSpan(run).Trim().Length > 0) return new Violation(lineNumber, i + 1, DiagnosticCatalog.MarkdownTooDeep["emphasis"].Format(("mark", c)));
                i = run - 1;
            }
        }
        return null;
    }
}
