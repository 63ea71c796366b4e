using Publishing.Layout.Flow;
using Publishing.Layout.Frames;
using Publishing.Layout.Pages;
using Publishing.Layout.Text;
using UglyToad.PdfPig;

namespace Publishing.Layout.Tests;

public class PdfTests
{
    private static LayoutDocument Sample(string extra = "")
    {
        var style = new ParagraphStyle { LinePitch = 28.95, FirstLineIndent = 32, Align = TextAlign.Justify };
        var heading = new TextStyle(TestFonts.SansBold, 16, Rgb.Black);
        var blocks = new List<Block>();
        for (var i = 1; i <= 6; i++)
        {
            blocks.Add(new Paragraph($"第{i}节 一总体绩效目标", heading, style with { FirstLineIndent = 0 }) { Anchor = $"h{i}", KeepWithNext = true });
            blocks.Add(new Paragraph(Corpus.Paragraphs[i % Corpus.Paragraphs.Length] + extra, TestFonts.Body(), style));
        }
        blocks.Add(TestDocuments.IndicatorTable(40, 5, 12));
        var outline = Enumerable.Range(1, 6).Select(i => new OutlineEntry($"第{i}节", $"h{i}", i == 1
            ? new[] { new OutlineEntry("子项", "h2", Array.Empty<OutlineEntry>()) } : Array.Empty<OutlineEntry>())).ToList();
        return TestDocuments.Of(new DocumentSection(new Stack(blocks), PageNumbering.RestartAtOne)) with { Outline = outline };
    }

    private static byte[] Render(LayoutDocument doc)
    {
        using var stream = new MemoryStream();
        DocumentRenderer.RenderPdf(doc, stream);
        return stream.ToArray();
    }

    [Fact]
    public void An_empty_document_is_one_blank_page()
    {
        var bytes = Render(TestDocuments.Of());
        using var pdf = PdfDocument.Open(bytes);
        pdf.NumberOfPages.ShouldBe(1);
    }

    [Fact]
    public void Same_input_gives_the_same_bytes()
    {
        var a = Render(Sample());
        var b = Render(Sample());
        a.Length.ShouldBeGreaterThan(1000);
        a.SequenceEqual(b).ShouldBeTrue();
    }

    [Fact]
    public void Fonts_are_embedded_subsets_and_text_extracts_without_radicals()
    {
        var bytes = Render(Sample());
        using var pdf = PdfDocument.Open(bytes);
        var text = string.Concat(pdf.GetPages().Select(p => p.Text));
        text.ShouldContain("一总体绩效目标");
        text.ShouldContain("质量指标（合并）");
        text.Where(c => c >= '\u2E80' && c <= '\u2FDF').ShouldBeEmpty("no Kangxi or CJK radicals in extracted text");
        var fonts = pdf.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName ?? "").Distinct().ToList();
        fonts.ShouldNotBeEmpty();
        fonts.ShouldAllBe(f => System.Text.RegularExpressions.Regex.IsMatch(f, "^[A-Z]{6}\\+"));
        var raw = System.Text.Encoding.Latin1.GetString(bytes);
        raw.ShouldNotContain("/Type3");
        raw.ShouldContain("/FontFile2");
        bytes.Length.ShouldBeLessThan(200_000);
    }

    [Fact]
    public void Outline_language_and_links_are_in_the_file()
    {
        var doc = Sample();
        var bytes = Render(doc);
        using var pdf = PdfDocument.Open(bytes);
        pdf.TryGetBookmarks(out var bookmarks).ShouldBeTrue();
        bookmarks.Roots.Select(r => r.Title).ShouldBe(Enumerable.Range(1, 6).Select(i => $"第{i}节"));
        bookmarks.Roots[0].Children.Single().Title.ShouldBe("子项");
        var layout = DocumentLayout.Run(doc);
        foreach (var (root, i) in bookmarks.Roots.Select((r, i) => (r, i)))
            ((UglyToad.PdfPig.Outline.DocumentBookmarkNode)root).PageNumber.ShouldBe(layout.Anchors[$"h{i + 1}"].PageIndex + 1);
        var raw = System.Text.Encoding.Latin1.GetString(bytes);
        raw.ShouldContain("/Lang (zh-CN)");
        raw.ShouldContain("/PageMode /UseOutlines");
        pdf.Information.Title.ShouldBe("测试文档");
        pdf.Information.Author.ShouldBe("测试单位");
    }

    [Fact]
    public void A_character_no_font_has_is_reported_with_its_source()
    {
        var source = "content/a.md:7";
        var paragraph = new Paragraph(new[] { new TextSpan("笑脸😀与西夏文𘀀。", TestFonts.Body(), Source: source) }, new ParagraphStyle { LinePitch = 20 });
        var doc = TestDocuments.Of(new DocumentSection(paragraph, PageNumbering.None));
        using var stream = new MemoryStream();
        var result = DocumentRenderer.RenderPdf(doc, stream);
        result.Missing.Select(m => (m.CodePointLabel, m.Character, m.Source)).ShouldBe(new[]
        {
            ("U+1F600", "😀", (object?)source), ("U+18000", "𘀀", source),
        });
        // Not silently dropped: each is an empty box of four rules where it stands (not the font's .notdef, which
        // PDF/A forbids drawing); the other seven characters are glyphs.
        result.Pages[0].Runs.Sum(r => r.Glyphs.Length).ShouldBe(7);
        result.Pages[0].Items.OfType<Publishing.Layout.Frames.LineMark>().Count().ShouldBe(8);
    }
}

public class FontTests
{
    [Fact]
    public void A_file_that_is_not_a_TrueType_font_is_refused()
    {
        var dir = Directory.CreateTempSubdirectory("not-a-font-");
        try
        {
            var path = Path.Combine(dir.FullName, "not-a-font.ttf");
            File.WriteAllText(path, "hello");
            Should.Throw<InvalidDataException>(() => Fonts.FontFace.Open(path));
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void A_refused_font_file_is_unmapped_at_once()
    {
        if (!File.Exists("/proc/self/maps")) return;              // the mapping is observable on Linux only
        var dir = Directory.CreateTempSubdirectory("font-leak-");
        try
        {
            var path = Path.Combine(dir.FullName, "garbage.ttf");
            File.WriteAllBytes(path, Enumerable.Range(0, 8192).Select(i => (byte)(i * 7)).ToArray());
            Should.Throw<InvalidDataException>(() => Fonts.FontFace.Open(path));
            // No GC here: the native blob and the file mapping must be released by the failure path itself.
            File.ReadAllText("/proc/self/maps").ShouldNotContain(path);
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void The_subset_keeps_the_notdef_outline_so_a_missing_character_shows_as_a_box()
    {
        var face = TestFonts.Serif.Faces[0];
        var subset = Fonts.FontSubsetter.Subset(face, new[] { (int)'字' }, Array.Empty<ushort>());
        var pinned = System.Runtime.InteropServices.GCHandle.Alloc(subset.Data, System.Runtime.InteropServices.GCHandleType.Pinned);
        try
        {
            using var blob = new HarfBuzzSharp.Blob(pinned.AddrOfPinnedObject(), subset.Data.Length, HarfBuzzSharp.MemoryMode.ReadOnly);
            using var subsetFace = new HarfBuzzSharp.Face(blob, 0);
            using var font = new HarfBuzzSharp.Font(subsetFace);
            font.TryGetGlyphExtents(0, out var notdef).ShouldBeTrue();
            notdef.Width.ShouldBeGreaterThan(0);
            notdef.Height.ShouldNotBe(0);
        }
        finally { pinned.Free(); }
    }

    [Fact]
    public void A_font_file_replaced_after_it_was_opened_is_opened_again_and_the_old_face_still_draws()
    {
        var dir = Directory.CreateTempSubdirectory("font-replaced-");
        using var library = new Fonts.FontLibrary();
        try
        {
            var path = Path.Combine(dir.FullName, "body.ttf");
            File.Copy(Path.Combine(TestFonts.FontDir, "NotoSerifSC-Regular.ttf"), path);
            var before = library.Load(path);
            library.Load(path).ShouldBeSameAs(before, "an unchanged file is opened once");

            // A new version dropped in the way editors and tools do it: written beside, renamed over.
            var next = Path.Combine(dir.FullName, "body.ttf.new");
            File.Copy(Path.Combine(TestFonts.FontDir, "NotoSansSC-Regular.ttf"), next);
            File.SetLastWriteTimeUtc(next, File.GetLastWriteTimeUtc(path).AddMinutes(1));
            File.Move(next, path, overwrite: true);

            var after = library.Load(path);
            after.ShouldNotBeSameAs(before);
            after.Face.GlyphCount.ShouldNotBe(before.Face.GlyphCount, "the new file's glyphs, not the old one's");
            before.HasGlyph('字').ShouldBeTrue("the replaced face stays usable for documents still drawing with it");
            library.Load(path).ShouldBeSameAs(after);
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void Fallback_chain_picks_the_first_face_with_the_glyph()
    {
        var chain = TestFonts.Serif;
        chain.FaceFor('字').ShouldBe(chain.Faces[0]);
        chain.FaceFor(0x1F600).ShouldBeNull();
    }
}
