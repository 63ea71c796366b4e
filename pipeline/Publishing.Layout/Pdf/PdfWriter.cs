using Publishing.Layout.Fonts;
using Publishing.Layout.Frames;
using Publishing.Layout.Pages;
using SkiaSharp;

namespace Publishing.Layout.Pdf;

/// <summary>
/// Writes laid-out pages with Skia's PDF backend: fonts subset per document first (HarfBuzz), glyph runs as
/// text blobs (so the PDF carries real glyphs and a ToUnicode map), links and named destinations as
/// annotations; then the outline, /Lang and /PageMode are appended as an incremental update.
/// The only place that touches a Skia canvas.
/// </summary>
public static class PdfWriter
{
    public static void Write(LayoutDocument document, LayoutResult layout, Stream output)
    {
        EmbeddedFonts fonts;
        using (StageTimes.Measure("document/pdf/write/fonts"))
            fonts = EmbeddedFonts.Build(layout.Pages);
        using var owned = fonts;
        var skia = StageTimes.Measure("document/pdf/write/skia");
        var destinations = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var anchor in layout.Pages.SelectMany(p => p.Items).OfType<AnchorMark>())
            destinations.TryAdd(anchor.Name, "d" + (destinations.Count + 1));

        var buffer = new MemoryStream();
        var metadata = SKDocumentPdfMetadata.Default;
        metadata.Title = document.Metadata.Title;
        metadata.Author = document.Metadata.Author;
        metadata.Subject = document.Metadata.Subject;
        metadata.Keywords = document.Metadata.Keywords;
        metadata.Creator = document.Metadata.Creator;
        metadata.Producer = document.Metadata.Producer;
        metadata.Creation = document.Metadata.Created.UtcDateTime;
        metadata.Modified = document.Metadata.Created.UtcDateTime;
        using (var pdf = SKDocument.CreatePdf(buffer, metadata))
        {
            foreach (var page in layout.Pages)
            {
                var canvas = pdf.BeginPage((float)page.Width, (float)page.Height);
                DrawPage(canvas, page, fonts, destinations);
                pdf.EndPage();
            }
            pdf.Close();
        }
        skia.Dispose();
        using var outline = StageTimes.Measure("document/pdf/write/outline");
        // Skia's bytes are read where Skia wrote them, as one Latin-1 text for both steps, and copied once, into output.
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        var text = System.Text.Encoding.Latin1.GetString(bytes);
        UtcDates.Rewrite(bytes, text, document.Metadata.Created);
        IncrementalUpdate.Append(bytes, text, document, layout, output);
    }

    private static void DrawPage(SKCanvas canvas, PageFrame page, EmbeddedFonts fonts, Dictionary<string, string> destinations)
    {
        using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
        using var stroke = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeCap = SKStrokeCap.Butt };
        foreach (var item in page.Items)
        {
            switch (item)
            {
                case RectMark r:
                    fill.Color = Color(r.Fill);
                    canvas.DrawRect(new SKRect((float)r.X, (float)r.Y, (float)(r.X + r.Width), (float)(r.Y + r.Height)), fill);
                    break;
                case GlyphRun run when run.Glyphs.Length > 0:
                    DrawRun(canvas, run, fonts, fill);
                    break;
                case LineMark line:
                    stroke.Color = Color(line.Color);
                    stroke.StrokeWidth = (float)line.Thickness;
                    if (line.Dotted)
                    {
                        using var dots = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill, Color = Color(line.Color) };
                        var step = line.Thickness * 2.6;
                        var count = (int)Math.Floor((line.X2 - line.X1) / step);
                        var x0 = line.X2 - count * step;        // dots end flush against the number
                        for (var i = 0; i <= count; i++)
                            canvas.DrawCircle((float)(x0 + i * step), (float)line.Y1 - (float)line.Thickness / 2, (float)line.Thickness / 2, dots);
                    }
                    else canvas.DrawLine((float)line.X1, (float)line.Y1, (float)line.X2, (float)line.Y2, stroke);
                    break;
                case LinkMark link when destinations.TryGetValue(link.Target, out var dest):
                    canvas.DrawLinkDestinationAnnotation(new SKRect((float)link.X, (float)link.Y, (float)(link.X + link.Width), (float)(link.Y + link.Height)), dest);
                    break;
                case AnchorMark anchor when destinations.TryGetValue(anchor.Name, out var name):
                    canvas.DrawNamedDestinationAnnotation(new SKPoint((float)anchor.X, (float)anchor.Y), name);
                    break;
            }
        }
    }

    /// <summary>
    /// One text blob per run, split where consecutive glyphs come from different subsets of the face. The text
    /// and each glyph's cluster (the UTF-8 offset of its character) go with the glyphs: Skia then maps a glyph
    /// the subset's cmap does not reach (the full-width — from `fwid`) to its character in the ToUnicode map.
    /// </summary>
    private static void DrawRun(SKCanvas canvas, GlyphRun run, EmbeddedFonts fonts, SKPaint paint)
    {
        var (utf8, charOffsets) = Utf8(run.CodePoints);
        using var builder = new SKTextBlobBuilder();
        var start = 0;
        while (start < run.Glyphs.Length)
        {
            var (font, _) = fonts.Resolve(run, start);
            var end = start + 1;
            while (end < run.Glyphs.Length && fonts.Resolve(run, end).Font == font) end++;
            using var skFont = new SKFont(font.Typeface, (float)run.Size)
            {
                Subpixel = true,
                LinearMetrics = true,
                Hinting = SKFontHinting.None,
                Edging = SKFontEdging.Antialias,
            };
            // The characters of glyphs [start, end): from the first glyph's cluster to the next piece's.
            var firstChar = run.Clusters[start];
            var endChar = end < run.Glyphs.Length && run.Clusters[end] > firstChar ? run.Clusters[end] : Math.Max(run.Clusters[end - 1] + 1, firstChar + 1);
            var textStart = charOffsets[firstChar];
            var text = utf8.AsSpan(textStart, charOffsets[endChar] - textStart);
            var buffer = builder.AllocatePositionedTextRun(skFont, end - start, text.Length, null);
            var glyphs = new ushort[end - start];
            var points = new SKPoint[end - start];
            var clusters = new uint[end - start];
            for (var i = start; i < end; i++)
            {
                glyphs[i - start] = fonts.Resolve(run, i).Glyph;
                points[i - start] = new SKPoint((float)(run.X + run.Offsets[i]), (float)run.Baseline);
                clusters[i - start] = (uint)(charOffsets[run.Clusters[i]] - textStart);
            }
            buffer.SetGlyphs(glyphs);
            buffer.SetPositions(points);
            buffer.SetText(text);
            buffer.SetClusters(clusters);
            start = end;
        }
        using var blob = builder.Build();
        paint.Color = Color(run.Color);
        canvas.DrawText(blob, 0, 0, paint);
    }

    /// <summary>UTF-8 bytes of the code points and the byte offset of each (one more: the end).</summary>
    private static (byte[] Utf8, int[] Offsets) Utf8(int[] codePoints)
    {
        var offsets = new int[codePoints.Length + 1];
        var utf8 = new List<byte>(codePoints.Length * 3);
        Span<byte> scratch = stackalloc byte[4];
        for (var i = 0; i < codePoints.Length; i++)
        {
            offsets[i] = utf8.Count;
            var n = new System.Text.Rune(codePoints[i]).EncodeToUtf8(scratch);
            for (var b = 0; b < n; b++) utf8.Add(scratch[b]);
        }
        offsets[^1] = utf8.Count;
        return (utf8.ToArray(), offsets);
    }

    private static SKColor Color(Rgb c) => new(c.R, c.G, c.B, c.A);
}
