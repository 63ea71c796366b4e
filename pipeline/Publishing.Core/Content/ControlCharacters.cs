using Publishing.Diagnostics;

namespace Publishing.Content;

/// <summary>
/// Invisible control characters (NUL, ESC, form feed, DEL, the C1 range …) that come in with text pasted from
/// web pages, PDFs or other systems. They cannot be printed, and an HTML page or PDF text layer that carries them
/// is broken for readers and screen readers, so each is an error at its own line and column and none goes on.
/// Tab, line feed and carriage return are ordinary text; a byte-order mark is removed with the encoding.
/// </summary>
public static class ControlCharacters
{
    /// <summary>Beyond this many in one file, one more error says how many there are in all.</summary>
    private const int ReportedPerFile = 5;

    public static bool IsForbidden(char c) =>
        c is < '\u0020' and not ('\t' or '\n' or '\r') or >= '\u007F' and <= '\u009F';

    /// <summary>
    /// Reports each control character of the text at its place; returns the text with each replaced by a space,
    /// so later stages (which never publish a document with errors) still see the editor's columns.
    /// </summary>
    public static string Check(string text, string displayPath, DiagnosticBag diagnostics)
    {
        if (!HasForbidden(text)) return text;

        var chars = text.ToCharArray();
        int line = 1, column = 1, found = 0;
        (int Line, int Column) firstUnreported = default;
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (c == '\n') { line++; column = 1; continue; }
            if (IsForbidden(c))
            {
                if (++found <= ReportedPerFile)
                    diagnostics.Add(DiagnosticCatalog.ControlCharacter["here"].At(displayPath, line, column, ("code", (int)c), ("name", Name(c))));
                else if (found == ReportedPerFile + 1) firstUnreported = (line, column);
                chars[i] = ' ';
            }
            column++;
        }
        if (found > ReportedPerFile)
            diagnostics.Add(DiagnosticCatalog.ControlCharacter["more"].At(displayPath, firstUnreported.Line, firstUnreported.Column,
                ("more", found - ReportedPerFile), ("found", found)));
        return new string(chars);
    }

    private static bool HasForbidden(string text)
    {
        foreach (var c in text)
            if (IsForbidden(c)) return true;
        return false;
    }

    private static string Name(char c) => c switch
    {
        '\u0000' => "NUL，空字符",
        '\u0008' => "退格",
        '\u000B' => "垂直制表符",
        '\u000C' => "换页符",
        '\u001B' => "ESC，转义字符",
        '\u007F' => "DEL，删除字符",
        _ => "控制字符",
    };
}
