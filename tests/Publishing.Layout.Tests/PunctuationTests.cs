using Publishing.Layout.Flow;
using Publishing.Layout.Frames;
using Publishing.Layout.Text;

namespace Publishing.Layout.Tests;

/// <summary>
/// CLREQ / GB/T 15834 punctuation, measured on laid-out glyphs: adjacent marks close up by one blank half (标点挤压),
/// a range's 一字线 and the 破折号 stay with what they join, and the rules are data a theme may change.
/// </summary>
public class PunctuationTests
{
    private const double Size = 16;

    /// <summary>Each drawn character with its x, from a paragraph laid out wide enough for one line.</summary>
    private static List<(char Char, double X)> Placed(string text, PunctuationRules? rules = null)
    {
        var context = new LayoutContext { Punctuation = rules ?? PunctuationRules.Standard };
        var paragraph = new Paragraph(text, TestFonts.Body(Size), new ParagraphStyle { LinePitch = 28, Align = TextAlign.Left });
        var fragment = paragraph.Layout(context, 2000, 1000, null, true);
        var placed = new List<(char, double)>();
        foreach (var run in fragment.Items.OfType<GlyphRun>())
            for (var g = 0; g < run.Glyphs.Length; g++)
                placed.Add((run.Text[run.Clusters[g]], run.X + run.Offsets[g]));
        return placed;
    }

    /// <summary>Distance from the pen of <paramref name="pair"/>[0] to that of [1], in em.</summary>
    private static double Step(List<(char Char, double X)> placed, string pair)
    {
        var i = Enumerable.Range(0, placed.Count - 1).First(k => placed[k].Char == pair[0] && placed[k + 1].Char == pair[1]);
        return (placed[i + 1].X - placed[i].X) / Size;
    }

    [Theory]
    [InlineData("依据《信访条例》，教育引导", "》，")]
    [InlineData("称为“阳光信访”。随后", "”。")]
    [InlineData("工作完成。“三零”单位", "。“")]
    [InlineData("（一）、（二）", "）、")]
    [InlineData("甲、（乙）", "、（")]
    [InlineData("见（《条例》）", "（《")]
    public void Adjacent_marks_close_up_by_one_blank_half(string text, string pair)
    {
        Step(Placed(text), pair).ShouldBe(0.5, 0.06, $"{pair} in {text}");
        // Turned off in the rules (a house style), both keep their full width.
        Step(Placed(text, PunctuationRules.Standard with { CompressPairs = false }), pair).ShouldBe(1, 0.06);
    }

    [Fact]
    public void Marks_whose_blanks_do_not_face_keep_their_width()
    {
        Step(Placed("括号（）内"), "（）").ShouldBe(1, 0.06);
        Step(Placed("等等……——好"), "……").ShouldBe(1, 0.06);
    }

    [Theory]
    [InlineData("2021—2023")]
    [InlineData("2021–2023")]
    [InlineData("1～5")]
    [InlineData("字——字")]
    public void Ranges_and_dashes_never_split_from_what_they_join(string text)
    {
        var cps = text.EnumerateRunes().Select(r => r.Value).ToArray();
        var opportunities = BreakRules.Opportunities(cps);
        for (var i = 1; i < cps.Length; i++) opportunities[i].ShouldBeFalse($"a break at {i} in {text}");
    }

    [Fact]
    public void A_year_range_moves_to_the_next_line_whole()
    {
        // The line would end right after "2021—": the range goes down whole instead.
        var text = "项目实施期为" + "字字字字字字字" + "2021—2023年，分三年完成。";
        var context = new LayoutContext();
        var paragraph = new Paragraph(text, TestFonts.Body(Size), new ParagraphStyle { LinePitch = 28, Align = TextAlign.Justify });
        foreach (var chars in Enumerable.Range(13, 8))
        {
            var lines = paragraph.LinesFor(context, Size * chars);
            var shaped = context.Shape(paragraph, paragraph.Spans).Chars;
            foreach (var line in lines.Take(lines.Count - 1))
            {
                var last = shaped[line.VisibleEnd - 1].CodePoint;
                last.ShouldNotBe('—', $"a line ends with the range's dash at {chars} em");
                var before = shaped[line.End - 1].CodePoint;
                (char.IsAsciiDigit((char)shaped[line.End].CodePoint) && (before == '—' || char.IsAsciiDigit((char)before)))
                    .ShouldBeFalse($"a line starts inside 2021—2023 at {chars} em");
            }
        }
    }

    [Fact]
    public void A_house_style_may_change_which_marks_start_a_line()
    {
        var loose = PunctuationRules.Standard with { NoLineStart = PunctuationRules.Standard.NoLineStart.Replace("，", "") };
        BreakRules.CanBreakBetween('字', '，').ShouldBeFalse();
        BreakRules.CanBreakBetween('字', '，', loose).ShouldBeTrue();
        loose.ShouldNotBe(PunctuationRules.Standard);
        (PunctuationRules.Standard with { }).ShouldBe(PunctuationRules.Standard);
    }
}
