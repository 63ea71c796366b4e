using System.Globalization;
using System.Net;
using System.Text;
using Publishing.Diagnostics;
using Publishing.Model;
using Publishing.Theming;

namespace Publishing.Build;

/// <summary>
/// The assembled HTML's own limits (the theme's limits.max_html_blocks and max_html_mb), checked right after the
/// templates ran and before anything reads it (the preview page, the PDF), so a template or a paste that writes a
/// million paragraphs fails in a moment with an error at the content that went past the limit, not after minutes.
/// One pass over the text: it is the templates' output, where content is escaped, so a block's open tag is
/// "&lt;p", "&lt;li" … wherever it stands.
/// </summary>
internal static class HtmlLimits
{
    /// <summary>What counts as a block: what a reader sees as one paragraph, heading, list item or table row.</summary>
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "dt", "dd",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> BlockNames = Blocks.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Adds PUB6004/PUB6005 (located at the block where the HTML went past a limit); returns whether within both.</summary>
    public static bool Check(string html, PublishingDocument document, LimitsTheme limits, string setIn, DiagnosticBag diagnostics)
    {
        if (FirstBlockPast(html, limits.MaxHtmlBlocks) is { } block)
        {
            var (path, line, column) = LocationBefore(html, block, document);
            diagnostics.Add(DiagnosticCatalog.TooManyHtmlBlocks.At(path, line, column,
                ("limit", (long)limits.MaxHtmlBlocks), ("here", limits.MaxHtmlBlocks + 1L), ("setting", setIn)));
            return false;
        }
        if (OffsetPastBytes(html, limits.MaxHtmlBytes) is { } offset)
        {
            var (path, line, column) = LocationBefore(html, offset, document);
            var mb = Encoding.UTF8.GetByteCount(html) / (1024.0 * 1024.0);
            diagnostics.Add(DiagnosticCatalog.HtmlTooLarge.At(path, line, column, ("size", mb), ("limit", (long)limits.MaxHtmlMb), ("setting", setIn)));
            return false;
        }
        return true;
    }

    /// <summary>The offset of the open tag of the block one past <paramref name="max"/>, or null when there are no more.</summary>
    internal static int? FirstBlockPast(string html, int max)
    {
        var count = 0;
        for (var at = html.IndexOf('<'); at >= 0; at = html.IndexOf('<', at + 1))
        {
            var end = at + 1;
            while (end < html.Length && char.IsAsciiLetterOrDigit(html[end])) end++;
            if (end == at + 1 || end >= html.Length || html[end] is not (' ' or '>' or '/' or '\n' or '\t')) continue;
            if (!BlockNames.Contains(html.AsSpan(at + 1, end - at - 1))) continue;
            if (++count > max) return at;
        }
        return null;
    }

    /// <summary>The offset of the character at which the UTF-8 bytes pass <paramref name="max"/>, or null within it.</summary>
    private static int? OffsetPastBytes(string html, long max)
    {
        if (html.Length <= max / 3 || Encoding.UTF8.GetByteCount(html) <= max) return null;   // at most 3 bytes a UTF-16 unit
        long bytes = 0;
        for (var i = 0; i < html.Length; i++)
        {
            bytes += html[i] < 0x80 ? 1 : html[i] < 0x800 ? 2 : char.IsSurrogate(html[i]) ? 2 : 3;
            if (bytes > max) return i;
        }
        return html.Length - 1;
    }

    /// <summary>
    /// The content a place in the HTML came from: the nearest data-src="path:line" at or before it (the block itself
    /// or the one it follows), else the document's document.yaml at its title.
    /// </summary>
    private static (string Path, int Line, int Column) LocationBefore(string html, int offset, PublishingDocument document)
    {
        const string attribute = "data-src=\"";
        var close = html.IndexOf('>', offset);
        var from = close < 0 ? html.Length - 1 : close;
        var at = html.LastIndexOf(attribute, from, StringComparison.Ordinal);
        if (at >= 0)
        {
            var start = at + attribute.Length;
            var end = html.IndexOf('"', start);
            // data-src is relative to the document's folder; the diagnostic names the file as the editor finds it.
            if (end > start && SourceLocation.Parse(WebUtility.HtmlDecode(html[start..end])) is { Line: > 0 } source)
                return (Path.IsPathRooted(source.Path) ? source.Path : DisplayPaths.For(Path.Combine(document.ContentDirectory, source.Path)), source.Line, 1);
        }
        var title = document.Metadata.At("title");
        return (title.Path, title.Line, title.Column);
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
