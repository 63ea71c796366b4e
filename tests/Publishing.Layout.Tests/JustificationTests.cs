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

    /// <summary>
    /// Issue 16: a URL in justified text breaks only after its separators, never inside a name (xinfang.che|ngde),
    /// even where every such break leaves a line that could only be set loose: that line is set ragged, stretched to
    /// the comfortable limit and no further. Swept over widths so that some lines end just before a long name.
    /// </summary>
    [Fact]
    public void A_url_never_breaks_inside_a_name_and_a_line_it_cannot_fill_is_left_short_not_loose()
    {
        const string url = "http://xinfang.chengdexian.gov.cn/xinfangdongtai/zhengcefagui/xinfangtiaoli2022.html";
        var text = $"群众可登录县信访局门户网站{url}查询办理进度，也可拨打12345热线反映诉求，我局将及时受理并限期答复。";
        var raggedSeen = 0;
        for (var width = 160.0; width <= 460; width += 3)
        {
            var (chars, lines) = Justified(text, width);
            var urlStart = text.IndexOf(url, StringComparison.Ordinal);
            for (var i = 0; i < lines.Count - 1; i++)
            {
                var end = lines[i].End;
                if (end <= urlStart || end >= urlStart + url.Length) continue;
                // Inside the URL the line ends right after a separator, unless the name alone is wider than the line.
                var before = (char)chars[end - 1].CodePoint;
                var name = NameAround(url, end - urlStart);
                if (NameWidth(chars, urlStart, name) <= width)
                    "/.-_?&=#:~".ShouldContain(before, $"width {width}: line {i} ends inside '{url[name.Start..name.End]}'");
            }
            foreach (var line in lines.Where(l => !l.IsLast))
            {
                var positions = new double[line.VisibleEnd - line.Start];
                var set = Justification.Place(chars, line, width - line.Indent, true, positions);
                var widest = Enumerable.Range(1, positions.Length - 1).Select(k => positions[k] - positions[k - 1] - chars[line.Start + k - 1].Advance).DefaultIfEmpty(0).Max();
                widest.ShouldBeLessThanOrEqualTo(LooseLineTests.MaxEmPerGap * 16 + 0.001,
                    $"width {width}: '{TextOf(chars, line.Start, line.VisibleEnd)}' ragged={line.Ragged}");
                if (line.Ragged)
                {
                    raggedSeen++;
                    set.ShouldBeLessThan(width - line.Indent - 0.5, $"width {width}: a ragged line ends short");
                    (line.End >= urlStart && line.End < urlStart + url.Length).ShouldBeTrue("only a line ending before or inside the URL is ragged");
                }
                else set.ShouldBe(width - line.Indent, 0.05, $"width {width}: a justified line fills its measure");
            }
        }
        raggedSeen.ShouldBeGreaterThan(0);   // the sweep did meet lines that only a break inside a name would have filled
    }

    private static (int Start, int End) NameAround(string url, int at)
    {
        var start = at;
        while (start > 0 && char.IsAsciiLetterOrDigit(url[start - 1])) start--;
        var end = at;
        while (end < url.Length && char.IsAsciiLetterOrDigit(url[end])) end++;
        return (start, end);
    }

    private static double NameWidth(List<ShapedChar> chars, int urlStart, (int Start, int End) name) =>
        chars.Skip(urlStart + name.Start).Take(name.End - name.Start + 1).Sum(c => c.Advance);

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
