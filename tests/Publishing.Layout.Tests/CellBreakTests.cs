using Publishing.Layout.Flow;
using Publishing.Layout.Frames;
using Publishing.Layout.Text;

namespace Publishing.Layout.Tests;

/// <summary>
/// A value wider than its table cell (first-fit breaking): it breaks after - / . _ or at a CJK boundary, a URL only
/// after its separators, never between two digits or inside a Latin word; when there is no such place the line is
/// cut where it must and the layout says so (<see cref="LayoutContext.Overflows"/>).
/// </summary>
public class CellBreakTests
{
    private static (List<string> Lines, LayoutContext Context) Cell(string text, double width)
    {
        var context = new LayoutContext();
        var paragraph = new Paragraph(new[] { new TextSpan(text, TestDocuments.Cell("").Spans[0].Style, Source: "row 7") },
            new ParagraphStyle { LinePitch = 15, ReportsOverflow = true });
        var fragment = paragraph.Layout(context, width, 1000, null, true);
        var lines = fragment.Items.OfType<GlyphRun>().GroupBy(r => r.Baseline).OrderBy(g => g.Key)
            .Select(g => string.Concat(g.OrderBy(r => r.X).Select(r => r.Text))).ToList();
        string.Concat(lines).ShouldBe(text.Replace(" ", ""), "nothing lost");
        return (lines, context);
    }

    [Theory]
    [InlineData("2023.07-2024.01", 50, new[] { "2023.07-", "2024.01" })]
    [InlineData("2023.07-2024.01", 30, new[] { "2023.", "07-", "2024.", "01" })]
    [InlineData("https://xinfang.chengde.gov.cn/portal/index.html", 80, new[] { "https://", "xinfang.", "chengde.gov.", "cn/portal/", "index.html" })]
    [InlineData("docs/api_v2/specification_final.pdf", 80, new[] { "docs/api_v2/", "specification_", "final.pdf" })]
    public void A_value_wider_than_its_cell_breaks_after_its_separators(string text, double width, string[] expected)
    {
        var (lines, context) = Cell(text, width);
        lines.ShouldBe(expected);
        context.Overflows.ShouldBeEmpty();
    }

    [Fact]
    public void Never_between_two_digits_or_two_letters_while_a_separator_fits()
    {
        foreach (var width in new[] { 60.0, 75, 90, 120 })
        {
            var (lines, context) = Cell("2021.07-2023.12，见 https://xinfang.chengde.gov.cn/portal/notice_2021-07.html", width);
            context.Overflows.ShouldBeEmpty($"every piece between separators fits {width} pt: {string.Join(" | ", lines)}");
            for (var i = 0; i + 1 < lines.Count; i++)
            {
                var (a, b) = (lines[i][^1], lines[i + 1][0]);
                (char.IsAsciiDigit(a) && char.IsAsciiDigit(b)).ShouldBeFalse($"{lines[i]} | {lines[i + 1]} at {width}");
                (char.IsAsciiLetter(a) && char.IsAsciiLetter(b)).ShouldBeFalse($"{lines[i]} | {lines[i + 1]} at {width}");
            }
        }
    }

    [Fact]
    public void A_piece_with_no_allowed_break_is_cut_and_reported_once_with_its_source()
    {
        var (lines, context) = Cell("编码12345678901234567890", 40);
        lines.Count.ShouldBeGreaterThan(2);
        context.Overflows.ShouldHaveSingleItem().ShouldBe(new Overflow("编码12345678901234567890", "row 7"));
        Cell("编码1234-5678-9012", 40).Context.Overflows.ShouldBeEmpty("it breaks after its hyphens");
    }
}
