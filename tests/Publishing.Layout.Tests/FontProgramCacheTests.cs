using System.IO.Compression;
using Publishing.Layout.Fonts;
using Publishing.Layout.Pdf;

namespace Publishing.Layout.Tests;

/// <summary>
/// The PDF's font programs are shared by the documents of a run: a document drawing the same glyphs of a face embeds
/// the program cut and deflated before, with the same bytes a fresh cut gives.
/// </summary>
public class FontProgramCacheTests
{
    private static FontFace Serif => TestFonts.Serif.Primary;

    private static (int[] CodePoints, ushort[] Glyphs) Drawn(string text)
    {
        var codePoints = text.EnumerateRunes().Select(r => r.Value).Distinct().Order().ToArray();
        var glyphs = codePoints.Select(cp => Serif.Font.TryGetNominalGlyph((uint)cp, out var g) ? (ushort)g : (ushort)0).ToArray();
        return (codePoints, glyphs);
    }

    [Fact]
    public void The_same_glyphs_of_a_face_are_cut_once_and_give_the_bytes_a_fresh_cut_gives()
    {
        var cache = new FontProgramCache(FontProgramCache.CapacityBytes);
        var (codePoints, glyphs) = Drawn("部门预算绩效文本");

        var first = cache.Get(Serif, codePoints, glyphs.ToHashSet());
        var again = cache.Get(Serif, codePoints, glyphs.Reverse().ToHashSet());

        again.ShouldBeSameAs(first);
        var fresh = FontSubsetter.SubsetGlyphs(Serif, codePoints, glyphs);
        try
        {
            Inflate(first.Deflated).ShouldBe(fresh.Data.ToArray());
            first.Length.ShouldBe(fresh.Length);
            first.GlyphMap.ShouldBe(fresh.GlyphMap);
        }
        finally
        {
            fresh.Return();
        }
    }

    [Fact]
    public void Other_glyphs_or_another_face_are_cut_on_their_own()
    {
        var cache = new FontProgramCache(FontProgramCache.CapacityBytes);
        var (codePoints, glyphs) = Drawn("绩效目标");
        var (moreCodePoints, moreGlyphs) = Drawn("绩效目标表");
        var sans = TestFonts.Sans.Primary;
        var sansGlyphs = codePoints.Select(cp => sans.Font.TryGetNominalGlyph((uint)cp, out var g) ? (ushort)g : (ushort)0).ToHashSet();

        var program = cache.Get(Serif, codePoints, glyphs);

        cache.Get(Serif, moreCodePoints, moreGlyphs).ShouldNotBeSameAs(program);
        cache.Get(sans, codePoints, sansGlyphs).ShouldNotBeSameAs(program);
        cache.Get(Serif, codePoints, glyphs).ShouldBeSameAs(program);
    }

    [Fact]
    public void The_least_recently_used_programs_go_when_the_cache_is_full()
    {
        var (a, aGlyphs) = Drawn("一二三");
        var (b, bGlyphs) = Drawn("四五六");
        var (c, cGlyphs) = Drawn("七八九");
        var size = new FontProgramCache(int.MaxValue).Get(Serif, a, aGlyphs).Deflated.Length;
        var cache = new FontProgramCache(size * 2 + size / 2);   // room for two programs of about this size

        var first = cache.Get(Serif, a, aGlyphs);
        var second = cache.Get(Serif, b, bGlyphs);
        cache.Get(Serif, a, aGlyphs).ShouldBeSameAs(first);       // a used again: b is now the oldest
        cache.Get(Serif, c, cGlyphs);                              // a third program: the oldest (b) goes

        cache.Get(Serif, a, aGlyphs).ShouldBeSameAs(first);
        cache.Get(Serif, b, bGlyphs).ShouldNotBeSameAs(second);
    }

    [Fact]
    public void A_stream_deflated_before_is_written_as_the_same_bytes_as_one_deflated_while_writing()
    {
        var data = Enumerable.Range(0, 50_000).Select(i => (byte)(i * 7 % 251)).ToArray();

        byte[] Written(Action<PdfFileWriter, int> stream)
        {
            using var output = new MemoryStream();
            using (var file = new PdfFileWriter(output))
            {
                var number = file.Reserve();
                stream(file, number);
                var catalog = file.Reserve();
                file.Object(catalog, "<< /Type /Catalog >>"u8);
                file.Finish(catalog, catalog);
            }
            return output.ToArray();
        }

        Written((file, n) => file.DeflatedStream(n, PdfFileWriter.Deflate(data), "/Length1 50000"))
            .ShouldBe(Written((file, n) => file.Stream(n, data, "/Length1 50000")));
    }

    private static byte[] Inflate(byte[] deflated)
    {
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(new MemoryStream(deflated), CompressionMode.Decompress)) zlib.CopyTo(inflated);
        return inflated.ToArray();
    }
}
