using Publishing.Layout.Fonts;
using Publishing.Layout.Structure;

namespace Publishing.Layout.Frames;

/// <summary>An RGB colour with alpha, 0-255 each.</summary>
public readonly record struct Rgb(byte R, byte G, byte B, byte A = 255)
{
    public static readonly Rgb Black = new(0, 0, 0);

    public static Rgb Parse(string hex)
    {
        var h = hex.TrimStart('#');
        if (h.Length == 3) h = string.Concat(h.Select(c => $"{c}{c}"));
        if (h.Length != 6) throw new FormatException($"not a colour: {hex}");
        return new Rgb(Convert.ToByte(h[..2], 16), Convert.ToByte(h[2..4], 16), Convert.ToByte(h[4..6], 16));
    }
}

/// <summary>
/// What layout produces: positioned, final marks in points, y growing downwards from the top of the box
/// that holds them. Only the PDF writer turns them into PDF operators; tests read them directly.
/// </summary>
public abstract record FrameItem
{
    public abstract FrameItem Offset(double dx, double dy);

    /// <summary>The structure element this mark's content belongs to; null: an artifact (page furniture, rules,
    /// backgrounds, content repeated on a continuation page), which the tagged PDF marks as such.</summary>
    public StructureElement? Tag { get; init; }
}

/// <summary>
/// Glyphs of one face on one baseline. <see cref="Text"/> is what they spell (for tests and search);
/// <see cref="Clusters"/> gives, for each glyph, the index in <see cref="CodePoints"/> of the character it
/// draws (HarfBuzz's clusters), so the PDF maps every glyph back to its text.
/// </summary>
public sealed record GlyphRun(double X, double Baseline, FontFace Face, double Size, Rgb Color,
    ushort[] Glyphs, double[] Offsets, int[] CodePoints, string Text, double Width, int[] Clusters) : FrameItem
{
    public override FrameItem Offset(double dx, double dy) => this with { X = X + dx, Baseline = Baseline + dy };
}

public sealed record LineMark(double X1, double Y1, double X2, double Y2, double Thickness, Rgb Color, bool Dotted = false) : FrameItem
{
    public override FrameItem Offset(double dx, double dy) => this with { X1 = X1 + dx, X2 = X2 + dx, Y1 = Y1 + dy, Y2 = Y2 + dy };
}

public sealed record RectMark(double X, double Y, double Width, double Height, Rgb Fill) : FrameItem
{
    public override FrameItem Offset(double dx, double dy) => this with { X = X + dx, Y = Y + dy };
}

/// <summary>A clickable area that jumps to a named destination.</summary>
public sealed record LinkMark(double X, double Y, double Width, double Height, string Target) : FrameItem
{
    public override FrameItem Offset(double dx, double dy) => this with { X = X + dx, Y = Y + dy };
}

/// <summary>A named destination (an anchor) at a point.</summary>
public sealed record AnchorMark(string Name, double X, double Y) : FrameItem
{
    public override FrameItem Offset(double dx, double dy) => this with { X = X + dx, Y = Y + dy };
}

/// <summary>A stand-in box with no ink, for layout tests and for spacing that tests want to see.</summary>
public sealed record BoxMark(string Label, double X, double Y, double Width, double Height) : FrameItem
{
    public override FrameItem Offset(double dx, double dy) => this with { X = X + dx, Y = Y + dy };
}

/// <summary>One laid-out page: its size, the marks on it, and its printed number (null when unnumbered).</summary>
public sealed record PageFrame(double Width, double Height, IReadOnlyList<FrameItem> Items, int? Number, int SectionIndex)
{
    public IEnumerable<GlyphRun> Runs => Items.OfType<GlyphRun>();
    public string Text => string.Join("\n", Runs.Select(r => r.Text));
}
