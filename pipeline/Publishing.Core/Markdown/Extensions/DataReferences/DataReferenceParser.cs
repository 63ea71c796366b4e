using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;

namespace Publishing.Markdown.Extensions.DataReferences;

/// <summary>
/// Parses <c>{{编码.列名}}</c> and <c>{{编码.指标.列名}}</c> (spaces inside the braces allowed). The reference must close on the same
/// line; an opening "{{" without "}}" stays plain text.
/// </summary>
public sealed class DataReferenceParser : InlineParser
{
    public DataReferenceParser() => OpeningCharacters = new[] { '{' };

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        if (slice.PeekCharExtra(1) != '{') return false;
        var text = slice.Text;
        var start = slice.Start;
        var end = -1;
        for (var i = start + 2; i < slice.End; i++)
        {
            if (text[i] is '\n' or '\r' or '{') break;
            if (text[i] == '}' && text[i + 1] == '}') { end = i; break; }
        }
        if (end < 0) return false;

        var segments = text.Substring(start + 2, end - start - 2).Split('.').Select(p => p.Trim()).ToArray();
        var written = text.Substring(start, end + 2 - start);

        var position = processor.GetSourcePosition(start, out var line, out var column);
        processor.Inline = new DataReferenceInline
        {
            Written = written,
            Segments = segments,
            Span = new SourceSpan(position, position + written.Length - 1),
            Line = line,
            Column = column,
        };
        slice.Start = end + 2;
        return true;
    }
}
