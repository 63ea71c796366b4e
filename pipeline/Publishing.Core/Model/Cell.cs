namespace Publishing.Model;

/// <summary>
/// One CSV cell as read once by the CSV reader: its value (surrounding spaces trimmed) and where each of its
/// characters was written, through quotes, doubled quotes and line breaks inside quotes. The editors' checks
/// point at a word inside a cell from here; nothing reads the file again.
/// </summary>
public sealed class Cell
{
    private readonly string _raw;
    private readonly int _leading;

    /// <param name="raw">The field exactly as written in the file, quotes included.</param>
    /// <param name="value">The field's value (quotes removed, "" read as ").</param>
    public Cell(string path, int line, int column, string raw, string value)
    {
        Path = path;
        Line = line;
        Column = column;
        _raw = raw;
        Text = value.Trim();
        _leading = Text.Length == 0 ? 0 : value.Length - value.TrimStart().Length;
    }

    /// <summary>A cell that is not in the file (a column the CSV does not have), placed at its row's start.</summary>
    public static Cell Missing(string path, int line) => new(path, line, 1, "", "");

    public string Text { get; }
    public string Path { get; }
    public int Line { get; }
    public int Column { get; }

    public SourceLocation Start => At(0);

    /// <summary>Where the character at <paramref name="index"/> of <see cref="Text"/> was written (the cell's end past it).</summary>
    public SourceLocation At(int index)
    {
        int line = Line, column = Column, i = 0;
        var quoted = _raw.Length > 0 && _raw[0] == '"';
        if (quoted) { i = 1; column++; }
        var target = index + _leading;
        for (var valueIndex = 0; i < _raw.Length; valueIndex++)
        {
            if (quoted && _raw[i] == '"' && (i + 1 >= _raw.Length || _raw[i + 1] != '"')) break; // the closing quote
            if (valueIndex == target) return new SourceLocation(Path, line, column);
            var width = quoted && _raw[i] == '"' ? 2 : 1; // "" stands for one "
            for (var k = 0; k < width; k++, i++)
            {
                if (_raw[i] == '\n') { line++; column = 1; } else column++;
            }
        }
        return new SourceLocation(Path, line, column);
    }

    public override string ToString() => Text;
}
