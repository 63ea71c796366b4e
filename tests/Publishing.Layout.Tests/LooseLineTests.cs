using Publishing.Layout.Flow;
using Publishing.Layout.Text;

namespace Publishing.Layout.Tests;

/// <summary>
/// Justified lines stay tight: line breaks are chosen over the whole paragraph (optimal fit), so no line of
/// mixed Chinese, Latin words and numbers adds more than 0.15 em to a gap, and no 避头尾 rule is broken.
/// </summary>
public class LooseLineTests
{
    public const double MaxEmPerGap = 0.15;

    /// <summary>
    /// Chinese with the numbers, amounts, percentages, dates, standards, codes, URLs and English a budget text
    /// holds: the body paragraphs of the stress document (tests/Publishing.Tests/Pdf/LooseLines), which
    /// Publishing.Tests builds through the whole pipeline and measures in its PDF. The last four are what breaking
    /// between characters alone cannot make tight (up to 0.45 em per gap without shrinking, letter-spacing and
    /// breaks inside Latin text): a run of counts and percentages, a long code at the paragraph's start, URLs and
    /// paths, English prose in a Chinese line.
    /// </summary>
    public static readonly string[] Stress = File.ReadAllText(Path.Combine(TestFonts.FontDir, "..", "..", "tests", "Publishing.Tests", "Pdf",
            "LooseLines", "sections", "01-stress.md"))
        .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Where(p => !p.StartsWith('#'))
        .ToArray();

    private static readonly double Width = 156 * Pages.PageSetup.PointsPerMm;

    /// <summary>
    /// The widest space justification adds between two neighbouring characters of each line, in em of the body
    /// size, as the renderer places them (the measure the PDF test takes from the printed glyphs).
    /// </summary>
    public static IEnumerable<(int Line, double EmPerGap)> Looseness(string text, double width, double grid)
    {
        var context = new LayoutContext();
        var paragraph = new Paragraph(text, TestFonts.Body(16),
            new ParagraphStyle { LinePitch = 28.95, FirstLineIndent = 2 * grid, Align = TextAlign.Justify, CjkGrid = grid });
        var chars = context.Shape(paragraph, paragraph.Spans, grid).Chars;
        var lines = paragraph.LinesFor(context, width);
        for (var l = 0; l < lines.Count; l++)
        {
            var line = lines[l];
            if (line.VisibleEnd <= line.Start) continue;
            var positions = new double[line.VisibleEnd - line.Start];
            Justification.Place(chars, line, width - line.Indent, !line.IsLast && !line.EndsWithMandatoryBreak, positions);
            var widest = 0.0;
            for (var i = 1; i < positions.Length; i++)
                widest = Math.Max(widest, positions[i] - positions[i - 1] - chars[line.Start + i - 1].Advance);
            yield return (l, widest / 16);
        }
    }

    [Fact]
    public void The_stress_paragraphs_are_read() => Stress.Length.ShouldBe(8);

    [Theory]
    [InlineData(0.0)]                  // the body: 156 mm on the 28-character grid, 2-em indent
    [InlineData(300.0)]
    [InlineData(350.0)]
    [InlineData(442.2)]
    public void No_justified_line_of_the_stress_paragraphs_adds_more_than_0_15_em_per_gap(double width)
    {
        var grid = width == 0 ? Width / 28 : 0;
        var measure = width == 0 ? Width : width;
        var worst = Stress.SelectMany((p, i) => Looseness(p, measure, grid).Select(x => (Paragraph: i, x.Line, x.EmPerGap)))
            .OrderByDescending(x => x.EmPerGap).First();
        worst.EmPerGap.ShouldBeLessThanOrEqualTo(MaxEmPerGap, $"paragraph {worst.Paragraph}, line {worst.Line}");
    }

    [Theory]
    [InlineData(300.0)]
    [InlineData(350.0)]
    [InlineData(442.2)]
    public void Corpus_and_stress_paragraphs_keep_the_break_rules_at_other_widths(double width)
    {
        foreach (var text in Corpus.Paragraphs.Concat(Stress))
        {
            var context = new LayoutContext();
            var paragraph = new Paragraph(text, TestFonts.Body(16), new ParagraphStyle { LinePitch = 28.95, Align = TextAlign.Justify });
            var chars = context.Shape(paragraph, paragraph.Spans).Chars;
            var lines = paragraph.LinesFor(context, width);
            string.Concat(lines.Select(l => string.Concat(chars.Skip(l.Start).Take(l.End - l.Start).Select(c => char.ConvertFromUtf32(c.CodePoint)))))
                .ShouldBe(text);
            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                if (i > 0) BreakRules.IsNoStart(chars[line.Start].CodePoint).ShouldBeFalse($"line {i} of '{text[..Math.Min(10, text.Length)]}' at {width}");
                if (i < lines.Count - 1) BreakRules.IsNoEnd(chars[line.VisibleEnd - 1].CodePoint).ShouldBeFalse($"line {i} of '{text[..Math.Min(10, text.Length)]}' at {width}");
                // Set as printed (shrunk where it must), every line fits; a hyphen only ever follows a letter.
                var set = Justification.Place(chars, line, width - line.Indent, !line.IsLast, new double[line.VisibleEnd - line.Start]);
                (set + line.Indent).ShouldBeLessThanOrEqualTo(width + 0.01, $"line {i} of '{text[..Math.Min(10, text.Length)]}' at {width}");
                if (line.Hyphenated) char.IsAsciiLetter((char)chars[line.VisibleEnd - 1].CodePoint).ShouldBeTrue();
            }
        }
    }
}
