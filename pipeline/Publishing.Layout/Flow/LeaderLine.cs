using Publishing.Layout.Frames;
using Publishing.Layout.Text;

namespace Publishing.Layout.Flow;

/// <summary>
/// A 目录 entry: title, a dotted leader, and the printed page number of <see cref="Target"/> right-aligned;
/// the whole line links to the target. The number comes from the previous layout pass
/// (<see cref="LayoutContext.AnchorNumbers"/>); the document layout repeats passes until numbers settle.
/// </summary>
public sealed class LeaderLine : Block
{
    public IReadOnlyList<TextSpan> Title { get; }
    public string Target { get; }
    public TextStyle NumberStyle { get; }
    public ParagraphStyle Style { get; }
    /// <summary>Width kept free for the number, so titles wrap before it.</summary>
    public double NumberReserve { get; init; }

    public LeaderLine(IReadOnlyList<TextSpan> title, string target, TextStyle numberStyle, ParagraphStyle style)
    {
        Title = title;
        Target = target;
        NumberStyle = numberStyle;
        Style = style;
        NumberReserve = numberStyle.Size * 3;
    }

    /// <summary>The title's text (what the line says).</summary>
    public string Text => string.Concat(Title.Select(s => s.Text));

    public override Fragment Layout(LayoutContext context, double width, double height, object? resume, bool atPageTop)
    {
        var titleWidth = width - Style.StartIndent - NumberReserve;
        var lines = context.Lines(this, Title, titleWidth, 0, false);
        var spaceBefore = atPageTop ? 0 : Style.SpaceBefore;
        var needed = spaceBefore + lines.Count * Style.LinePitch;
        if (needed > height + 0.001 && !atPageTop) return Fragment.None;

        var items = new List<FrameItem>();
        var chars = context.Shape(this, Title).Chars;
        var tags = SpanTags.For(Title, Tag);
        // The number reads with the title (in its link, when the title is one); the dots are an artifact.
        var numberTag = Title.Count > 0 ? Title[^1].Tag ?? Tag : Tag;
        for (var i = 0; i < lines.Count; i++)
        {
            var lineItems = new List<FrameItem>();
            var line = lines[i] with { IsLast = true };
            TextRenderer.Render(chars, line, spaceBefore + i * Style.LinePitch, titleWidth, Style.LinePitch, TextAlign.Left, tags, lineItems);
            items.AddRange(lineItems.Select(it => it.Offset(Style.StartIndent, 0)));
        }

        var number = context.PageNumberOf(Target, this) is { } value ? value.ToString() : "0";
        var numberChars = context.Shape(new NumberKey(this, number), new[] { new TextSpan(number, NumberStyle) }).Chars;
        var numberWidth = numberChars.Sum(c => c.Advance);
        var lastTop = spaceBefore + (lines.Count - 1) * Style.LinePitch;
        var numberLine = new TextLine(0, numberChars.Count, numberChars.Count, 0, numberWidth, true, false);
        var numberItems = new List<FrameItem>();
        TextRenderer.Render(numberChars, numberLine, lastTop, numberWidth, Style.LinePitch, TextAlign.Left, SpanTags.Of(numberTag), numberItems);
        items.AddRange(numberItems.Select(it => it.Offset(width - numberWidth, 0)));

        var lastLine = lines[^1];
        var baseline = lastTop + TextRenderer.BaselineOffset(Style.LinePitch, NumberStyle.Size);
        var gap = NumberStyle.Size * 0.3;
        var dotsFrom = Style.StartIndent + lastLine.NaturalWidth + gap;
        // Dots end at the same place on every line (room for two digits), so their columns line up.
        var dotsTo = width - Math.Max(numberWidth + gap, NumberStyle.Size * 1.5);
        if (dotsTo > dotsFrom) items.Add(new LineMark(dotsFrom, baseline, dotsTo, baseline, NumberStyle.Size * 0.12, NumberStyle.Color, Dotted: true));
        items.Add(new LinkMark(Style.StartIndent, spaceBefore, width - Style.StartIndent, lines.Count * Style.LinePitch, Target)
            { Tag = Title.Count > 0 ? Title[0].Tag ?? Tag : Tag });
        return Fragment.Complete(Math.Max(needed, Math.Min(height, needed + Style.SpaceAfter)), items);
    }

    // Shaping cache key for the number text (it changes between passes).
    private sealed record NumberKey(LeaderLine Line, string Number);
}
