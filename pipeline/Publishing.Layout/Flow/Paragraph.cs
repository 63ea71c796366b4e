using Publishing.Layout.Frames;
using Publishing.Layout.Text;

namespace Publishing.Layout.Flow;

public sealed record ParagraphStyle
{
    /// <summary>Distance from one baseline to the next.</summary>
    public double LinePitch { get; init; } = 20;
    public double FirstLineIndent { get; init; }
    /// <summary>Indent of every line from the left edge.</summary>
    public double StartIndent { get; init; }
    public TextAlign Align { get; init; } = TextAlign.Left;
    public double SpaceBefore { get; init; }
    public double SpaceAfter { get; init; }
    /// <summary>Fewest lines left alone at the foot (orphans) or carried to the head of a page (widows).</summary>
    public int MinLinesAtBreak { get; init; } = 2;
    public bool AvoidLoneLastChar { get; init; } = true;
    /// <summary>When set, full-width characters of about this size advance by exactly this much (a character
    /// grid: GB/T 9704's 28 characters a line at 16 pt in 156 mm means 15.79 pt per character).</summary>
    public double CjkGrid { get; init; }
    /// <summary>Tell the layout's caller when a line had to be cut where no break is allowed (a table cell's value
    /// wider than its cell): <see cref="LayoutContext.Overflows"/>.</summary>
    public bool ReportsOverflow { get; init; }
}

/// <summary>A paragraph of styled spans: broken into lines (CJK rules), split across pages by whole lines.</summary>
public sealed class Paragraph : Block
{
    public IReadOnlyList<TextSpan> Spans { get; }
    public ParagraphStyle Style { get; }

    public Paragraph(IReadOnlyList<TextSpan> spans, ParagraphStyle style)
    {
        Spans = spans;
        Style = style;
    }

    public Paragraph(string text, TextStyle textStyle, ParagraphStyle style) : this(new[] { new TextSpan(text, textStyle) }, style) { }

    public string Text => string.Concat(Spans.Select(s => s.Text));

    internal List<TextLine> LinesFor(LayoutContext context, double width) =>
        context.Lines(this, Spans, width - Style.StartIndent, Style.FirstLineIndent, Style.AvoidLoneLastChar, Style.CjkGrid,
            optimal: Style.Align == TextAlign.Justify);

    public override Fragment Layout(LayoutContext context, double width, double height, object? resume, bool atPageTop)
    {
        var lines = LinesFor(context, width);
        var first = resume is int r ? r : 0;
        var spaceBefore = first == 0 && !atPageTop ? Style.SpaceBefore : 0;
        var pitch = Style.LinePitch;
        var remaining = lines.Count - first;
        var fit = (int)Math.Floor((height - spaceBefore + 0.001) / pitch);
        int take;
        if (fit >= remaining) take = remaining;
        else
        {
            take = fit;
            var min = Math.Max(1, Style.MinLinesAtBreak);
            if (remaining - take < min) take = remaining - min;          // no widow at the head of the next page
            if (first == 0 && take < min) take = 0;                      // no orphan at the foot of this one
            if (take <= 0)
            {
                if (!atPageTop) return Fragment.None;
                take = Math.Max(1, Math.Min(fit, remaining));
            }
        }

        if (Style.ReportsOverflow && first == 0 && lines.Exists(l => l.Overflowed))
            context.ReportOverflow(new Overflow(Text, Source ?? (Spans.Count > 0 ? Spans[0].Source : null)));
        var items = new List<FrameItem>();
        var shaped = context.Shape(this, Spans, Style.CjkGrid).Chars;
        var tags = SpanTags.For(Spans, Tag);
        var align = Style.Align == TextAlign.CenterIfOneLine ? (lines.Count == 1 ? TextAlign.Center : TextAlign.Left) : Style.Align;
        for (var i = 0; i < take; i++)
        {
            var top = spaceBefore + i * pitch;
            var lineItems = new List<FrameItem>();
            TextRenderer.Render(shaped, lines[first + i], top, width - Style.StartIndent, pitch, align, tags, lineItems);
            items.AddRange(Style.StartIndent == 0 ? lineItems : lineItems.Select(it => it.Offset(Style.StartIndent, 0)));
        }
        var used = spaceBefore + take * pitch;
        if (first + take == lines.Count)
            return new Fragment(Fit.Complete, Math.Max(used, Math.Min(height, used + Style.SpaceAfter)), items, null);
        return new Fragment(Fit.Partial, used, items, first + take);
    }

    internal override double HeightAt(LayoutContext context, double width) => LinesFor(context, width).Count * Style.LinePitch + Style.SpaceAfter;

    public override (double Min, double Max) IntrinsicWidths(LayoutContext context)
    {
        var (min, max) = LineBreaker.IntrinsicWidths(context.Shape(this, Spans, Style.CjkGrid).Chars, Style.FirstLineIndent, context.Punctuation);
        return (min + Style.StartIndent, max + Style.StartIndent);
    }

    public override string ToString() => Text.Length > 30 ? Text[..30] + "…" : Text;
}
