using System.Text;

namespace Publishing.Tests.Architecture;

/// <summary>
/// The string literals of a C# source, each with its line: regular, verbatim, interpolated (the text around the
/// holes; literals inside a hole are literals of their own) and raw ones. Comments and character literals are
/// skipped. Enough of C#'s lexical grammar to find words in literals, not a compiler.
/// </summary>
public static class CSharpStringLiterals
{
    public sealed record Literal(int Line, string Text);

    public static List<Literal> In(string source)
    {
        var found = new List<Literal>();
        var i = 0;
        Code(source, ref i, found, closeOnBrace: false);
        return found;
    }

    /// <summary>Scans code until the end (or, in an interpolation hole, until its closing brace).</summary>
    private static void Code(string s, ref int i, List<Literal> found, bool closeOnBrace)
    {
        var depth = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '/' && At(s, i + 1) == '/') { while (i < s.Length && s[i] != '\n') i++; continue; }
            if (c == '/' && At(s, i + 1) == '*') { var end = s.IndexOf("*/", i + 2, StringComparison.Ordinal); i = end < 0 ? s.Length : end + 2; continue; }
            if (c == '\'') { Character(s, ref i); continue; }
            if (c is '"' or '$' or '@' && StringStart(s, i) is var (dollars, verbatim, quotes, length))
            {
                var line = LineAt(s, i);
                i += length;
                found.Add(new Literal(line, quotes >= 3 ? Raw(s, ref i, quotes, dollars, found) : Quoted(s, ref i, dollars > 0, verbatim, found)));
                continue;
            }
            if (closeOnBrace)
            {
                if (c == '{') depth++;
                else if (c == '}' && depth-- == 0) return;
            }
            i++;
        }
    }

    /// <summary>A string's opening at <paramref name="i"/>: its $ count, whether verbatim, its quote count and the opening's length.</summary>
    private static (int Dollars, bool Verbatim, int Quotes, int Length)? StringStart(string s, int i)
    {
        if (i > 0 && (char.IsLetterOrDigit(s[i - 1]) || s[i - 1] == '_')) return null;
        var j = i;
        var dollars = 0;
        var verbatim = false;
        while (j < s.Length && (s[j] == '$' || s[j] == '@'))
        {
            if (s[j] == '$') dollars++; else verbatim = true;
            j++;
        }
        if (At(s, j) != '"') return null;
        var quotes = 0;
        while (At(s, j + quotes) == '"') quotes++;
        // "" is an empty string, """ or more opens a raw string.
        if (quotes == 2) return (dollars, verbatim, 1, j - i + 1);
        return (dollars, verbatim, quotes >= 3 ? quotes : 1, j - i + (quotes >= 3 ? quotes : 1));
    }

    private static string Quoted(string s, ref int i, bool interpolated, bool verbatim, List<Literal> found)
    {
        var text = new StringBuilder();
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '"')
            {
                if (verbatim && At(s, i + 1) == '"') { text.Append('"'); i += 2; continue; }
                i++;
                break;
            }
            if (!verbatim && c == '\\') { text.Append(At(s, i + 1)); i += 2; continue; }
            if (interpolated && c == '{')
            {
                if (At(s, i + 1) == '{') { text.Append('{'); i += 2; continue; }
                i++;
                Code(s, ref i, found, closeOnBrace: true);
                i++;
                text.Append('\u0001'); // a hole: what it prints is not in the literal
                continue;
            }
            if (interpolated && c == '}' && At(s, i + 1) == '}') { text.Append('}'); i += 2; continue; }
            if (!verbatim && c == '\n') break; // an unterminated literal: stop at the line's end
            text.Append(c);
            i++;
        }
        return text.ToString();
    }

    private static string Raw(string s, ref int i, int quotes, int dollars, List<Literal> found)
    {
        var close = new string('"', quotes);
        var open = dollars > 0 ? new string('{', dollars) : null;
        var text = new StringBuilder();
        while (i < s.Length)
        {
            if (string.CompareOrdinal(s, i, close, 0, quotes) == 0) { i += quotes; break; }
            if (open is not null && string.CompareOrdinal(s, i, open, 0, open.Length) == 0 && At(s, i + open.Length) != '{')
            {
                i += open.Length;
                Code(s, ref i, found, closeOnBrace: true);
                i += open.Length;
                text.Append('\u0001');
                continue;
            }
            text.Append(s[i]);
            i++;
        }
        return text.ToString();
    }

    private static void Character(string s, ref int i)
    {
        i++;
        while (i < s.Length && s[i] != '\'' && s[i] != '\n') i += s[i] == '\\' ? 2 : 1;
        i++;
    }

    private static char At(string s, int i) => i < s.Length ? s[i] : '\0';

    private static int LineAt(string s, int i)
    {
        var line = 1;
        for (var k = 0; k < i; k++) if (s[k] == '\n') line++;
        return line;
    }
}
