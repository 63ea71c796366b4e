using Publishing.Layout.Fonts;
using Publishing.Layout.Frames;
using Publishing.Layout.Structure;

namespace Publishing.Layout.Text;

public sealed record TextStyle(FontChain Font, double Size, Rgb Color)
{
    public TextStyle WithSize(double size) => this with { Size = size };
}

/// <summary>
/// A piece of text in one style. <paramref name="Link"/> names a destination the text jumps to;
/// <paramref name="Source"/> is the caller's location object, handed back in <see cref="MissingGlyph"/> events.
/// </summary>
public sealed record TextSpan(string Text, TextStyle Style, string? Link = null, object? Source = null)
{
    /// <summary>The structure element of this span's text when it is not its block's (a link, a list label).
    /// Not part of shaping: paragraphs that differ only in it share their shaping.</summary>
    public StructureElement? Tag { get; init; }
}

/// <summary>A paragraph (a table cell's text) with a piece wider than its width and no allowed break in it (not after
/// - / . _, not at a CJK boundary), so it was cut between two digits or letters. <paramref name="Source"/> as in <see cref="TextSpan"/>.</summary>
public sealed record Overflow(string Text, object? Source);

/// <summary>A character that no face of its chain can draw. It is drawn as the primary face's .notdef box.</summary>
public sealed record MissingGlyph(int CodePoint, object? Source)
{
    public string Character => char.ConvertFromUtf32(CodePoint);
    public string CodePointLabel => $"U+{CodePoint:X4}";
}
