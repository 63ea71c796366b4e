using System.Diagnostics;
using Publishing.Layout.Flow;
using Publishing.Layout.Frames;
using Publishing.Layout.Pages;
using Publishing.Layout.Pdf;
using Publishing.Layout.Text;
using UglyToad.PdfPig;

namespace Publishing.Layout.Tests;

/// <summary>qpdf's structural check of a PDF (an independent reader of what our writer makes).</summary>
public static class Qpdf
{
    public static void Check(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"pdfwriter-{Environment.ProcessId}-{Guid.NewGuid():N}.pdf");
        try
        {
            File.WriteAllBytes(path, pdf);
            using var qpdf = Process.Start(new ProcessStartInfo("qpdf", ["--check", path]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = qpdf.StandardOutput.ReadToEnd() + qpdf.StandardError.ReadToEnd();
            qpdf.WaitForExit();
            qpdf.ExitCode.ShouldBe(0, output);
            output.ShouldContain("No syntax or stream encoding errors found");
        }
        finally { File.Delete(path); }
    }
}

/// <summary>Our PDF writer: numbers as PDF syntax, glyphs where layout put them, a file qpdf finds sound.</summary>
public class PdfWriterTests
{
    [Theory]
    [InlineData(0.0, 2, "0")]
    [InlineData(-0.001, 2, "0")]
    [InlineData(12.0, 2, "12")]
    [InlineData(12.5, 2, "12.5")]
    [InlineData(1.0051, 2, "1.01")]
    [InlineData(-3.14159, 3, "-3.142")]
    [InlineData(841.8898, 3, "841.89")]
    [InlineData(0.05, 1, "0.1")]
    [InlineData(123456789.25, 2, "123456789.25")]
    public void Numbers_are_written_with_fixed_places_trimmed(double value, int places, string expected)
    {
        var buffer = new PdfBuffer(4);
        buffer.Number(value, places);
        System.Text.Encoding.ASCII.GetString(buffer.Span).ShouldBe(expected);
    }

    [Fact]
    public void Text_strings_are_literal_when_ASCII_and_UTF16_hex_otherwise()
    {
        var buffer = new PdfBuffer();
        buffer.TextString("a (b) \\c").Byte((byte)' ').TextString("目录");
        System.Text.Encoding.ASCII.GetString(buffer.Span).ShouldBe("(a \\(b\\) \\\\c) <FEFF76EE5F55>");
    }

    private static (LayoutResult Layout, byte[] Pdf) Render(LayoutDocument doc)
    {
        using var stream = new MemoryStream();
        var layout = DocumentRenderer.RenderPdf(doc, stream);
        return (layout, stream.ToArray());
    }

    private static LayoutDocument Justified()
    {
        var style = new ParagraphStyle { LinePitch = 28.95, FirstLineIndent = 32, Align = TextAlign.Justify };
        var blocks = Corpus.Paragraphs.Take(4).Select(p => (Block)new Paragraph(p + " Latin words, 1,234.56 and a URL https://example.org/a/b.", TestFonts.Body(), style)).ToList();
        blocks.Add(TestDocuments.IndicatorTable(12, 3, 4));
        return TestDocuments.Of(new DocumentSection(new Stack(blocks), PageNumbering.RestartAtOne));
    }

    [Fact]
    public void Every_glyph_is_drawn_where_layout_placed_it()
    {
        var (layout, bytes) = Render(Justified());
        using var pdf = PdfDocument.Open(bytes);
        var checkedGlyphs = 0;
        foreach (var (frame, index) in layout.Pages.Select((p, i) => (p, i)))
        {
            // Letters in drawing order, one per glyph that maps to text (a glyph whose character is a
            // space draws nothing PdfPig lists): compare them with the frame's glyphs that spell a non-space.
            var letters = pdf.GetPage(index + 1).Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
            var expected = frame.Runs.SelectMany(r => r.Glyphs.Select((g, i) => (r, i)))
                .Where(x => !char.IsWhiteSpace(char.ConvertFromUtf32(x.r.CodePoints[x.r.Clusters[x.i]])[0]))
                .Select(x => (X: x.r.X + x.r.Offsets[x.i], Y: frame.Height - x.r.Baseline, Size: x.r.Size)).ToList();
            letters.Count.ShouldBe(expected.Count, $"page {index + 1}");
            for (var i = 0; i < letters.Count; i++)
            {
                letters[i].StartBaseLine.X.ShouldBe(expected[i].X, 0.01, $"page {index + 1}, glyph {i} '{letters[i].Value}'");
                letters[i].StartBaseLine.Y.ShouldBe(expected[i].Y, 0.01, $"page {index + 1}, glyph {i} '{letters[i].Value}'");
                letters[i].PointSize.ShouldBe(expected[i].Size, 0.01);
            }
            checkedGlyphs += letters.Count;
        }
        checkedGlyphs.ShouldBeGreaterThan(500);
    }

    [Fact]
    public void The_file_passes_qpdf_s_structural_check()
    {
        var (_, bytes) = Render(Justified() with
        {
            Outline = [new OutlineEntry("第一节", "missing-anchor", [])],
        });
        Qpdf.Check(bytes);
    }

    [Fact]
    public void A_translucent_fill_gets_a_graphics_state_with_its_opacity()
    {
        var half = new Rgb(200, 0, 0, 128);
        var blocks = new Stack([new Paragraph("半透明", new TextStyle(TestFonts.Serif, 12, half), new ParagraphStyle { LinePitch = 20 })]);
        var (_, bytes) = Render(TestDocuments.Of(new DocumentSection(blocks, PageNumbering.None)));
        var raw = System.Text.Encoding.Latin1.GetString(bytes);
        raw.ShouldContain("/ExtGState << /A128 << /ca 0.502 /CA 0.502 >> >>");
        using var pdf = PdfDocument.Open(bytes);
        pdf.GetPage(1).Text.ShouldBe("半透明");
    }
}
