using Publishing.Layout.Flow;
using Publishing.Layout.Frames;
using Publishing.Layout.Text;

namespace Publishing.Layout.Tests;

/// <summary>
/// Shaping and line breaking are shared by the documents of a run: the same paragraph in another document is
/// not shaped again, yet each document still hears of its own missing characters and gets its own lines.
/// </summary>
public class ShapingCacheTests
{
    private static readonly TextStyle Style = TestFonts.Body();

    [Fact]
    public void The_same_paragraph_in_two_documents_is_shaped_once_and_each_hears_of_its_missing_characters_at_its_own_source()
    {
        var text = $"笑脸😀与西夏文𘀀，只在这个测试里出现 {Guid.NewGuid():N}。";
        var first = new Paragraph([new TextSpan(text, Style, Source: "a/sections/01.md:3")], new ParagraphStyle { LinePitch = 20 });
        var second = new Paragraph([new TextSpan(text, Style, Source: "b/sections/01.md:9")], new ParagraphStyle { LinePitch = 20 });
        var (one, two) = (new LayoutContext(), new LayoutContext());

        var shapedOnce = one.Shape(first, first.Spans).Chars;
        var shapedAgain = two.Shape(second, second.Spans).Chars;

        shapedAgain.ShouldBeSameAs(shapedOnce);
        one.Missing.Select(m => (m.CodePointLabel, m.Source)).ShouldBe([("U+1F600", (object?)"a/sections/01.md:3"), ("U+18000", "a/sections/01.md:3")]);
        two.Missing.Select(m => (m.CodePointLabel, m.Source)).ShouldBe([("U+1F600", (object?)"b/sections/01.md:9"), ("U+18000", "b/sections/01.md:9")]);
        second.LinesFor(two, 120).ShouldBe(first.LinesFor(one, 120));
    }

    [Fact]
    public void Text_in_another_size_colour_or_link_is_shaped_on_its_own()
    {
        var text = $"同样的文字 {Guid.NewGuid():N}";
        var context = new LayoutContext();
        var plain = context.Shape(new object(), [new TextSpan(text, Style)]).Chars;

        context.Shape(new object(), [new TextSpan(text, Style)]).Chars.ShouldBeSameAs(plain);
        context.Shape(new object(), [new TextSpan(text, Style.WithSize(12))]).Chars.ShouldNotBeSameAs(plain);
        context.Shape(new object(), [new TextSpan(text, Style with { Color = new Rgb(1, 0, 0) })]).Chars.ShouldNotBeSameAs(plain);
        context.Shape(new object(), [new TextSpan(text, Style, Link: "#s1")]).Chars.ShouldNotBeSameAs(plain);
        context.Shape(new object(), [new TextSpan(text, Style)], cjkGrid: 16).Chars.ShouldNotBeSameAs(plain);
    }

    [Fact]
    public void The_least_recently_used_paragraphs_go_when_the_cache_is_full()
    {
        // Room for three paragraphs of 4 + 4 + 2 characters, each counting its overhead too.
        var cache = new ShapingCache(capacityChars: 10 + 3 * ShapingCache.EntryOverheadChars);
        TextSpan[] Span(string text) => [new TextSpan(text, Style)];
        var a = cache.Shape(Span("一二三四"), 0);
        var b = cache.Shape(Span("五六七八"), 0);
        cache.Shape(Span("一二三四"), 0).ShouldBeSameAs(a);       // a used again: b is now the oldest

        cache.Shape(Span("九十"), 0);                             // 4 + 4 + 2 characters and three overheads: all kept
        cache.Shape(Span("一二三四"), 0).ShouldBeSameAs(a);
        cache.Shape(Span("甲乙"), 0);                             // a fourth paragraph: the oldest (b) goes

        cache.Shape(Span("五六七八"), 0).ShouldNotBeSameAs(b);
        cache.Shape(Span("一二三四"), 0).ShouldBeSameAs(a);
    }
}
