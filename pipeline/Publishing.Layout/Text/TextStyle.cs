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
/// - / . _, not at a CJK boundary), so it was cut between two digits or letters. <paramref name="Source"/>: the
/// paragraph's <see cref="Flow.Block.Source"/>, else its first span's.</summary>
public sealed record Overflow(string Text, object? Source);

/// <summary>Something taller than a whole page, which could only be split or cut: a table row (split line by line
/// across pages; <paramref name="Source"/> is its tallest cell's, <paramref name="Text"/> that cell's text), or a
/// page of its own such as a cover whose content does not fit (drawn past the foot).</summary>
public sealed record TooTall(object? Source, string? Text);

/// <summary>A link (a 目录 line, its text <paramref name="Text"/>) whose target anchor is nowhere in the laid-out
/// document, so its page number is 0. <paramref name="Source"/>: the linking block's.</summary>
public sealed record UnresolvedTarget(string Target, string Text, object? Source);

/// <summary>A character that no face of its chain can draw. It is drawn as the primary face's .notdef box.
/// <paramref name="Source"/>: its span's source, else its block's.</summary>
public sealed record MissingGlyph(int CodePoint, object? Source)
{
    public string Character => char.ConvertFromUtf32(CodePoint);
    public string CodePointLabel => $"U+{CodePoint:X4}";
}
