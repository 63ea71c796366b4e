namespace Publishing.Model;

public enum TextBlockKind { Heading, Paragraph, ListItem, TableCell }

/// <summary>
/// The text of one Markdown block as a reader sees it (markup removed, soft breaks between Chinese
/// characters joined), with the source line and column of each character, so that the editors' checks
/// can point at the offending text. Code, autolinks and data references stand as U+FFFC.
/// </summary>
public sealed class TextBlock
{
    /// <summary>Stands for inline content that is not prose (code, autolinks, data references).</summary>
    public const char Placeholder = '\uFFFC';

    private readonly int[] _lines;
    private readonly int[] _columns;

    public TextBlock(TextBlockKind kind, int headingLevel, int depth, string text, string path, int[] lines, int[] columns)
    {
        Kind = kind;
        HeadingLevel = headingLevel;
        Depth = depth;
        Text = text;
        Path = path;
        _lines = lines;
        _columns = columns;
    }

    public TextBlockKind Kind { get; }

    /// <summary>The Markdown heading level as written (# is 1); 0 when the block is not a heading.</summary>
    public int HeadingLevel { get; }

    /// <summary>How deep the block sits in containers (lists, quotes, tables); 0 at the top of the file.</summary>
    public int Depth { get; }

    public string Text { get; }
    public string Path { get; }

    /// <summary>Where the character at <paramref name="index"/> was written (the block's end for an index past it).</summary>
    public SourceLocation At(int index)
    {
        if (_lines.Length == 0) return new SourceLocation(Path, 1, 1);
        var i = Math.Clamp(index, 0, _lines.Length - 1);
        return new SourceLocation(Path, _lines[i], _columns[i]);
    }

    public SourceLocation Start => At(0);
}
