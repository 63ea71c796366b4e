using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Publishing.Diagnostics;
using Scriban;
using Scriban.Syntax;

namespace Publishing.Assembly;

/// <summary>
/// The blocks a template writes carry where it wrote them (<c>data-template="path:line:column"</c> on every
/// <c>tr</c>, <c>p</c>, <c>h1</c>–<c>h6</c>, <c>li</c>, <c>div</c>, <c>section</c>, <c>nav</c> and <c>table</c> start
/// tag of its literal text, and on any other element whose tag sets <c>data-page</c>), so a problem the PDF finds in
/// one (a row with more cells than its colgroup: PUB4202; a page setup the theme lacks: PUB4203; a layout warning
/// about a block whose words are the template's: a header cell, a 目录 line) is reported at the template line to
/// change, not at the generated HTML. The mark is put into a template's literal text once, when it is parsed (its
/// positions, and so its syntax errors' positions, are those of the file), only in HTML the PDF reads (not the
/// site's pages), and is removed from the document's tree before its preview page is made
/// (<see cref="AssembledDocument.StripTemplateMarks"/>). The regular expression here reads a template's source
/// text, before any markup exists.
/// </summary>
public static partial class TemplateRowMarks
{
    public const string Attribute = "data-template";

    /// <summary>Marks every literal block start of an HTML template (a parsed, not yet shared, template).</summary>
    public static void Mark(Template template, string path)
    {
        if (!path.EndsWith(".html.sbn", StringComparison.Ordinal) || template.Page is null) return;
        var shown = WebUtility.HtmlEncode(DisplayPaths.For(path));
        foreach (var raw in RawStatements(template.Page))
        {
            var slice = raw.Text;
            var text = slice.ToString();
            if (!MarkedStart().IsMatch(text)) continue;
            string Mark(Match m)
            {
                var (line, column) = Position(slice.FullText!, slice.Index + m.Index);
                return string.Create(CultureInfo.InvariantCulture, $"{m.Value} {Attribute}=\"{shown}:{line}:{column}\"");
            }
            var marked = MarkedStart().Replace(text, Mark);
            raw.Text = new ScriptStringSlice(marked);
        }
    }

    /// <summary>Where the template wrote a marked row: its file, line and column.</summary>
    public static (string Path, int Line, int Column)? Parse(string? value)
    {
        if (value is null) return null;
        var parts = value.Split(':');
        if (parts.Length < 3 || !int.TryParse(parts[^2], NumberStyles.None, CultureInfo.InvariantCulture, out var line)
            || !int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var column)) return null;
        return (string.Join(':', parts[..^2]), line, column);
    }

    private static IEnumerable<ScriptRawStatement> RawStatements(ScriptNode node)
    {
        var pending = new Stack<ScriptNode>();
        pending.Push(node);
        while (pending.TryPop(out var current))
        {
            if (current is ScriptRawStatement raw && raw.Text.FullText is not null) yield return raw;
            foreach (var child in current.Children)
                if (child is not null) pending.Push(child);
        }
    }

    private static (int Line, int Column) Position(string text, int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var k = 0; k < index && k < text.Length; k++)
            if (text[k] == '\n') { line++; lineStart = k + 1; }
        return (line, index - lineStart + 1);
    }

    /// <summary>The start of a block the PDF maps (a row, paragraph, heading, list item, container), or of any other
    /// element that sets its page (data-page="…" in the same tag: PUB4203 points there). One pass, so each mark's
    /// position is the file's.</summary>
    [GeneratedRegex(@"<(?:(?:tr|p|h[1-6]|li|div|section|nav|table)(?=[\s>/])|(?!(?:tr|p|h[1-6]|li|div|section|nav|table)[\s>/])[a-zA-Z][a-zA-Z0-9]*(?=[^<>{}]*\sdata-page=))",
        RegexOptions.IgnoreCase)]
    private static partial Regex MarkedStart();
}
