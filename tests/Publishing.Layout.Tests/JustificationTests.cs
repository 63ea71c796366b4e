using Publishing.Layout.Flow;
using Publishing.Layout.Frames;
using Publishing.Layout.Text;
using Publishing.Layout.Text.Hyphenation;

namespace Publishing.Layout.Tests;

/// <summary>
/// What lets a justified line stay tight besides the choice of breaks: shrinking (Latin spaces, punctuation's blank
/// half), letter-spacing inside words, and priced breaks inside Latin text (URLs, numbers, codes, hyphenation).
/// </summary>
public class JustificationTests
{
    private static (List<ShapedChar> Chars, List<TextLine> Lines) Justified(string text, double width)
    {
        var context = new LayoutContext();
        var paragraph = new Paragraph(text, TestFonts.Body(16), new ParagraphStyle { LinePitch = 28, Align = TextAlign.Justify });
        return (context.Shape(paragraph, paragraph.Spans).Chars, paragraph.LinesFor(context, width));
    }

    private static string TextOf(List<ShapedChar> chars, int start, int end) =>
        string.Concat(chars.Skip(start).Take(end - start).Select(c => char.ConvertFromUtf32(c.CodePoint)));

    [Theory]
    [InlineData("hyphenation", "hy-phen-ation")]
    [InlineData("department", "de-part-ment")]
    [InlineData("typesetting", "type-set-ting")]
    [InlineData("the", "the")]
    public void English_words_hyphenate_as_TeX_does(string word, string hyphenated)
    {
        var points = new List<int>();
        Hyphenator.English.Points(word, points);
        var result = word;
        foreach (var p in points.OrderByDescending(p => p)) result = result.Insert(p, "-");
        result.ShouldBe(hyphenated);
    }

    [Fact]
    public void Full_width_punctuation_knows_its_blank_half()
    {
        // Pairs not closed up at shaping (a house style that turns 标点挤压 off), so each mark keeps its blank.
        var context = new LayoutContext { Punctuation = PunctuationRules.Standard with { CompressPairs = false } };
        var paragraph = new Paragraph("字，（字）", TestFonts.Body(16), new ParagraphStyle { LinePitch = 28, Align = TextAlign.Justify });
        var chars = context.Shape(paragraph, paragraph.Spans).Chars;
        chars[1].CompressRight.ShouldBe(8, 1.5);          // ， inks its left half
        chars[1].CompressLeft.ShouldBe(0);
        chars[2].CompressLeft.ShouldBe(8, 1.5);           // （ inks its right half
        chars[2].CompressRight.ShouldBe(0);
        chars[4].CompressRight.ShouldBe(8, 1.5);
        Justification.PairShrink(chars[1], chars[2]).ShouldBe(8, 1.5);
        Justification.PairShrink(chars[0], chars[1]).ShouldBe(0);
    }

    [Fact]
    public void A_comma_that_only_fits_half_width_stays_on_its_line()
    {
        // Ten ideographs, then a comma that may not start a line: at ten and a half em the comma fits only by
        // giving up its blank half; without that, the tenth ideograph would have to go down with it.
        var text = "一二三四五六七八九十，一二三四五六七八九十一二三四五。";
        var (chars, lines) = Justified(text, 16 * 10.5);
        TextOf(chars, lines[0].Start, lines[0].VisibleEnd).ShouldBe("一二三四五六七八九十，");
        var positions = new double[lines[0].VisibleEnd - lines[0].Start];
        var set = Justification.Place(chars, lines[0], 16 * 10.5, true, positions);
        set.ShouldBe(16 * 10.5, 0.01);                     // the comma's ink ends the line, its blank half hangs
        positions[^1].ShouldBe(16 * 10, 0.01);             // nothing before it moved
    }

    [Fact]
    public void Letter_spacing_takes_a_share_only_once_gaps_would_be_wide_and_stays_small()
    {
        Justification.Stretch(10, 20, 30, 16).ShouldBe((0.5, 0.0));
        var (gap, track) = Justification.Stretch(60, 10, 40, 16);
        track.ShouldBe(Justification.MaxTrackingEm * 16, 0.001);
        (gap * 10 + track * 40).ShouldBe(60, 0.001);
        gap.ShouldBeGreaterThan(track);
    }

    [Fact]
    public void A_url_breaks_after_its_separators_never_before()
    {
        var text = "平台地址为 https://www.example.gov.cn/xinfang/online/complaints/index.html，请登录。";
        var (chars, lines) = Justified(text, 150);
        lines.Count.ShouldBeGreaterThan(2);
        for (var i = 1; i < lines.Count; i++)
        {
            var first = chars[lines[i].Start].CodePoint;
            "/.:-_?&=#~".ShouldNotContain((char)first, $"line {i} starts with a separator");
        }
        lines.Count(l => "/.".Contains((char)chars[l.VisibleEnd - 1].CodePoint)).ShouldBeGreaterThan(0);
        lines.ShouldAllBe(l => !l.Hyphenated);
    }

    [Fact]
    public void A_long_number_breaks_after_a_thousands_comma()
    {
        var (chars, lines) = Justified("预算数为 1,234,567,890.12 万元", 16 * 7);
        var broken = lines.Take(lines.Count - 1).Where(l => BreakRules.IsWordChar(chars[l.End - 1].CodePoint) && BreakRules.IsWordChar(chars[l.End].CodePoint)).ToList();
        broken.ShouldNotBeEmpty();
        broken.ShouldAllBe(l => chars[l.End - 1].CodePoint == ',');
    }

    [Fact]
    public void A_hyphenated_line_draws_its_hyphen_as_a_mark_not_as_text()
    {
        var text = "The Publishing toolchain turns Markdown and CSV into an HTML preview and a PDF draft; every department's draft is built each night.";
        var context = new LayoutContext();
        var paragraph = new Paragraph(text, TestFonts.Body(16), new ParagraphStyle { LinePitch = 28, Align = TextAlign.Justify });
        var lines = paragraph.LinesFor(context, 300);
        lines.ShouldContain(l => l.Hyphenated);
        var fragment = paragraph.Layout(context, 300, 1000, null, true);
        var runs = fragment.Items.OfType<GlyphRun>().ToList();
        string.Concat(runs.Select(r => r.Text)).Replace(" ", "").ShouldBe(text.Replace(" ", ""));
        var hyphens = fragment.Items.OfType<RectMark>().ToList();
        hyphens.Count.ShouldBe(lines.Count(l => l.Hyphenated));
        foreach (var hyphen in hyphens)
        {
            var run = runs.Where(r => r.Baseline > hyphen.Y && r.Baseline < hyphen.Y + 16).MaxBy(r => r.X + r.Width)!;
            hyphen.X.ShouldBeGreaterThanOrEqualTo(run.X + run.Width - 0.01);           // right after the word's first part
            (hyphen.X + hyphen.Width).ShouldBeLessThanOrEqualTo(300 + 0.01);          // inside the measure
            hyphen.Height.ShouldBeLessThan(3);                                          // a hyphen, not a box
        }
    }
}
