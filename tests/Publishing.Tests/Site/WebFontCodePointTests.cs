using System.Text;
using Publishing.Site;
using Shouldly;
using Xunit;

namespace Publishing.Tests.Site;

/// <summary>The characters a page's web-font subsets keep: every one the page shows, read as runes, in order.</summary>
public class WebFontCodePointTests
{
    [Fact]
    public void The_code_points_are_the_pages_distinct_runes_with_printable_ascii_in_ascending_order()
    {
        var pages = new[]
        {
            "承德县信访局 2021 年\n部门预算，绩效目标表（草案）",
            "𠀀𠀁 CJK Extension B and 一 again, \u00A0no-break \uFFFD",
            "lone \uD800 high and \uDC00 low surrogates, a tab\t and a bell \u0007",
        };

        var expected = new SortedSet<int>(Enumerable.Range(0x20, 0x7F - 0x20));
        foreach (var page in pages)
            foreach (var rune in page.EnumerateRunes())
                if (rune.Value >= 0x20) expected.Add(rune.Value);

        var codePoints = WebFonts.CodePoints(pages);

        codePoints.ShouldBe(expected.ToArray());
        codePoints.ShouldContain(0x20000);          // 𠀀, beyond the BMP
        codePoints.ShouldContain(0xFFFD);           // what a lone surrogate reads as
        codePoints.ShouldNotContain('\n');
        codePoints.ShouldNotContain('\t');
        codePoints.ShouldNotContain(0xD800);
    }

    [Fact]
    public void A_page_of_nothing_but_ascii_keeps_exactly_the_printable_ascii()
    {
        WebFonts.CodePoints([""]).ShouldBe(Enumerable.Range(0x20, 0x7F - 0x20).ToArray());
    }
}
