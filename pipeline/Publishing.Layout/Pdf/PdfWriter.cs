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
        var fonts = SubsetFonts(layout.Pages);
        var destinations = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var anchor in layout.Pages.SelectMany(p => p.Items).OfType<AnchorMark>())
            destinations.TryAdd(anchor.Name, "d" + (destinations.Count + 1));

        var buffer = new MemoryStream();
        try
        {
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
            var bytes = buffer.ToArray();
            UtcDates.Rewrite(bytes, document.Metadata.Created);
            var final = IncrementalUpdate.Append(bytes, document, layout);
            output.Write(final);
        }
        finally
        {
            foreach (var f in fonts.Values) f.Typeface.Dispose();
        }
    }

    internal sealed record SubsetFont(SKTypeface Typeface, IReadOnlyDictionary<ushort, ushort> GlyphMap);

    private static Dictionary<FontFace, SubsetFont> SubsetFonts(IReadOnlyList<PageFrame> pages)
    {
        var used = new Dictionary<FontFace, (HashSet<int> CodePoints, HashSet<ushort> Glyphs)>();
        foreach (var run in pages.SelectMany(p => p.Runs))
        {
            if (!used.TryGetValue(run.Face, out var set)) used[run.Face] = set = (new HashSet<int>(), new HashSet<ushort>());
            foreach (var cp in run.CodePoints) set.CodePoints.Add(cp);
            foreach (var g in run.Glyphs) set.Glyphs.Add(g);
        }
        var result = new Dictionary<FontFace, SubsetFont>();
        foreach (var (face, set) in used.OrderBy(kv => kv.Key.Path, StringComparer.Ordinal))
        {
            var subset = FontSubsetter.Subset(face, set.CodePoints, set.Glyphs);
            using var data = SKData.CreateCopy(subset.Data);
            var typeface = SKTypeface.FromData(data) ?? throw new InvalidOperationException($"Skia cannot load the subset of {face}");
            result[face] = new SubsetFont(typeface, subset.GlyphMap);
        }
        return result;
    }

    private static void DrawPage(SKCanvas canvas, PageFrame page, Dictionary<FontFace, SubsetFont> fonts, Dictionary<string, string> destinations)
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
                    DrawRun(canvas, run, fonts[run.Face], fill);
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

    private static void DrawRun(SKCanvas canvas, GlyphRun run, SubsetFont font, SKPaint paint)
    {
        using var skFont = new SKFont(font.Typeface, (float)run.Size)
        {
            Subpixel = true,
            LinearMetrics = true,
            Hinting = SKFontHinting.None,
            Edging = SKFontEdging.Antialias,
        };
        var glyphs = new ushort[run.Glyphs.Length];
        var points = new SKPoint[run.Glyphs.Length];
        for (var i = 0; i < glyphs.Length; i++)
        {
            glyphs[i] = font.GlyphMap.TryGetValue(run.Glyphs[i], out var g) ? g : (ushort)0;
            points[i] = new SKPoint((float)(run.X + run.Offsets[i]), (float)run.Baseline);
        }
        using var builder = new SKTextBlobBuilder();
        builder.AddPositionedRun(glyphs, skFont, points);
        using var blob = builder.Build();
        paint.Color = Color(run.Color);
        canvas.DrawText(blob, 0, 0, paint);
    }

    private static SKColor Color(Rgb c) => new(c.R, c.G, c.B, c.A);
}
