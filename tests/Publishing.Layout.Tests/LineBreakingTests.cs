using Publishing.Layout.Flow;
using Publishing.Layout.Text;

namespace Publishing.Layout.Tests;

public class LineBreakingTests
{
    public static IEnumerable<object[]> Cases() =>
        from p in Enumerable.Range(0, Corpus.Paragraphs.Length)
        from w in new[] { 60.0, 97.0, 150.0, 173.5, 250.0, 331.0, 442.2 }
        select new object[] { p, w };

    private static (List<ShapedChar> Chars, List<TextLine> Lines) Break(string text, double width, double indent = 0)
    {
        var context = new LayoutContext();
        var paragraph = new Paragraph(text, TestFonts.Body(), new ParagraphStyle { LinePitch = 20, FirstLineIndent = indent });
        return (context.Shape(paragraph, paragraph.Spans).Chars, paragraph.LinesFor(context, width));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void No_forbidden_line_start_or_end_and_no_split_word(int paragraph, double width)
    {
        var text = Corpus.Paragraphs[paragraph];
        var (chars, lines) = Break(text, width, paragraph % 2 == 0 ? 32 : 0);
        lines.Count.ShouldBeGreaterThan(0);
        string.Concat(lines.Select(l => string.Concat(chars.Skip(l.Start).Take(l.End - l.Start).Select(c => char.ConvertFromUtf32(c.CodePoint)))))
            .ShouldBe(text, "lines must cover the text exactly once");
        var opportunities = BreakRules.Opportunities(chars.Select(c => c.CodePoint).ToArray());
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            // A break the rules do not allow is taken only inside a piece wider than the line (a word or a dash with
            // what it joins: 理——缠 is four em), and then the rules cannot all hold.
            if (line.End < chars.Count && !opportunities[line.End])
            {
                PieceWidth(chars, opportunities, line.End).ShouldBeGreaterThan(width - line.Indent, $"a forbidden break at line {i}");
                continue;
            }
            var first = chars[line.Start].CodePoint;
            var last = chars[line.VisibleEnd - 1].CodePoint;
            var lineWidth = line.NaturalWidth + line.Indent;
            // A closing mark at the line's end (an opening one at its start) may give up its blank half (CLREQ).
            var forced = lineWidth - chars[line.VisibleEnd - 1].CompressRight - chars[line.Start].CompressLeft > width + 0.01;
            if (i > 0) BreakRules.IsNoStart(first).ShouldBeFalse($"line {i} starts with '{char.ConvertFromUtf32(first)}' at width {width}");
            if (i < lines.Count - 1)
            {
                BreakRules.IsNoEnd(last).ShouldBeFalse($"line {i} ends with '{char.ConvertFromUtf32(last)}' at width {width}");
                // The characters either side of the break itself (a space between them is a legal break).
                var before = chars[line.End - 1].CodePoint;
                var next = chars[line.End].CodePoint;
                var wordBroken = BreakRules.IsWordChar(before) && BreakRules.IsWordChar(next);
                // A word may only be cut when it alone is wider than the line.
                if (wordBroken) WordWidth(chars, line.VisibleEnd - 1).ShouldBeGreaterThan(width - line.Indent, $"word split at line {i}");
            }
            forced.ShouldBeFalse($"line {i} is {lineWidth:0.0} wide, more than {width}");
        }
    }

    private static double PieceWidth(List<ShapedChar> chars, bool[] opportunities, int at)
    {
        var s = at;
        while (s > 0 && !opportunities[s]) s--;
        var e = at + 1;
        while (e < chars.Count && !opportunities[e]) e++;
        return chars.Skip(s).Take(e - s).Sum(c => c.Advance);
    }

    private static double WordWidth(List<ShapedChar> chars, int at)
    {
        var s = at;
        while (s > 0 && BreakRules.IsWordChar(chars[s - 1].CodePoint)) s--;
        var e = at;
        while (e + 1 < chars.Count && BreakRules.IsWordChar(chars[e + 1].CodePoint)) e++;
        return chars.Skip(s).Take(e - s + 1).Sum(c => c.Advance);
    }

    [Fact]
    public void A_run_longer_than_the_line_still_breaks()
    {
        var (_, lines) = Break("ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZ", 100);
        lines.Count.ShouldBeGreaterThan(2);
        lines.ShouldAllBe(l => l.NaturalWidth <= 100.01);
    }

    [Theory]
    [InlineData("年度工作计划")]
    [InlineData("确保政治活动顺利进行率")]
    public void No_lone_character_on_the_last_line_when_a_better_break_exists(string text)
    {
        var context = new LayoutContext();
        var paragraph = new Paragraph(text, TestFonts.Body(), new ParagraphStyle { LinePitch = 20 });
        var chars = context.Shape(paragraph, paragraph.Spans).Chars;
        // A width that fits all but the last character: a greedy breaker leaves it alone.
        var width = chars.Take(chars.Count - 1).Sum(c => c.Advance) + 1;
        var lines = paragraph.LinesFor(context, width);
        lines.Count.ShouldBe(2);
        (lines[^1].VisibleEnd - lines[^1].Start).ShouldBeGreaterThanOrEqualTo(2);
    }

    [Theory]
    [InlineData('字', '，', false)]
    [InlineData('字', '。', false)]
    [InlineData('（', '字', false)]
    [InlineData('“', '保', false)]
    [InlineData('9', '5', false)]
    [InlineData('≥', '9', false)]
    [InlineData('0', '%', false)]
    [InlineData('字', '字', true)]
    [InlineData('，', '字', true)]
    [InlineData('字', '（', true)]
    [InlineData(' ', 'H', true)]
    [InlineData('…', '…', false)]
    public void Break_rules(char before, char after, bool allowed) =>
        BreakRules.CanBreakBetween(before, after).ShouldBe(allowed);

    [Fact]
    public void Justified_lines_fill_the_width_and_the_last_line_does_not()
    {
        var context = new LayoutContext();
        var paragraph = new Paragraph(Corpus.Paragraphs[0], TestFonts.Body(),
            new ParagraphStyle { LinePitch = 28.95, FirstLineIndent = 32, Align = TextAlign.Justify });
        var fragment = paragraph.Layout(context, 442.2, 1000, null, true);
        var runsByLine = fragment.Items.OfType<Frames.GlyphRun>().GroupBy(r => r.Baseline).ToList();
        runsByLine.Count.ShouldBeGreaterThan(2);
        foreach (var line in runsByLine.SkipLast(1))
            line.Max(r => r.X + r.Width).ShouldBe(442.2, 0.05);
        runsByLine.First().Min(r => r.X).ShouldBe(32, 0.01);
        runsByLine.Last().Max(r => r.X + r.Width).ShouldBeLessThan(442.2 - 1);
    }
}

public class CharacterGridTests
{
    [Fact]
    public void A_grid_of_28_characters_fits_28_ideographs_in_156_mm()
    {
        var width = 156 * Pages.PageSetup.PointsPerMm;
        var text = string.Concat(Enumerable.Repeat("国", 56));
        var context = new LayoutContext();
        var plain = new Paragraph(text, TestFonts.Body(16), new ParagraphStyle { LinePitch = 28.95 });
        var grid = new Paragraph(text, TestFonts.Body(16), new ParagraphStyle { LinePitch = 28.95, CjkGrid = width / 28 });
        plain.LinesFor(context, width).Select(l => l.End - l.Start).First().ShouldBe(27);
        grid.LinesFor(context, width).Select(l => l.End - l.Start).ShouldBe(new[] { 28, 28 });
    }
}
