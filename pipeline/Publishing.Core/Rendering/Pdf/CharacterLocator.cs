using System.Globalization;
using Publishing.Model;

namespace Publishing.Rendering.Pdf;

/// <summary>
/// Where in its source file a character is: data-src gives the line a block starts on; the character is looked
/// for from there on (a paragraph spans lines) and its column counted in characters as an editor sees them
/// (text elements: 𠮷 or an emoji is one column, not two UTF-16 units). Files are read once per render.
/// </summary>
internal sealed class CharacterLocator(string? documentDirectory)
{
    private readonly Dictionary<string, string[]?> _files = new(StringComparer.Ordinal);

    public (int Line, int Column) Locate(SourceLocation source, string character)
    {
        var lines = Lines(source.Path);
        if (lines is null || source.Line < 1) return (source.Line, 0);
        for (var l = source.Line - 1; l < lines.Length; l++)
        {
            var at = lines[l].IndexOf(character, StringComparison.Ordinal);
            if (at >= 0) return (l + 1, new StringInfo(lines[l][..at]).LengthInTextElements + 1);
        }
        return (source.Line, 0);
    }

    private string[]? Lines(string path)
    {
        if (documentDirectory is null || path.Length == 0) return null;
        if (_files.TryGetValue(path, out var lines)) return lines;
        var full = Path.GetFullPath(Path.Combine(documentDirectory, path));
        try { lines = File.Exists(full) ? File.ReadAllLines(full) : null; }
        catch (IOException) { lines = null; }
        catch (UnauthorizedAccessException) { lines = null; }
        return _files[path] = lines;
    }
}
