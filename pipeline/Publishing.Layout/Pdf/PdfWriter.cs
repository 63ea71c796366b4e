using Publishing.Layout.Frames;
using Publishing.Layout.Pages;

namespace Publishing.Layout.Pdf;

/// <summary>
/// Writes laid-out pages as a PDF: fonts subset per document (HarfBuzz) and embedded as CID TrueType with a
/// ToUnicode map, one content stream per page, links to named destinations, the outline, /Lang and
/// /PageMode, and the document information with its dates in UTC. Every byte is a function of the layout, so
/// the same input gives the same file. Written by us rather than by Skia's PDF backend: Skia deflated every
/// stream at zlib's default level, subset our subset fonts again and had no API for the outline or /Lang
/// (appended as an incremental update); it was ~40 % of a document's build (docs/pdf-engine.md).
/// </summary>
public static class PdfWriter
{
    public static void Write(LayoutDocument document, LayoutResult layout, Stream output)
    {
        EmbeddedFonts fonts;
        using (StageTimes.Measure("document/pdf/write/fonts"))
            fonts = EmbeddedFonts.Build(layout.Pages);
        var pages = StageTimes.Measure("document/pdf/write/pages");

        var file = new PdfFileWriter(output);
        int catalog = file.Reserve(), pageTree = file.Reserve(), info = file.Reserve(), resources = file.Reserve();
        fonts.Reserve(file);
        var alphaStates = new SortedSet<byte>();
        var content = new PageContent(fonts, alpha => { alphaStates.Add(alpha); return "A" + alpha; });
        var destinations = new SortedDictionary<string, (int Page, double X, double Y)>(StringComparer.Ordinal);
        // Named in the order the anchors come, before any page is written: a link may point forward (目录 → heading).
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var anchor in layout.Pages.SelectMany(p => p.Items).OfType<AnchorMark>())
            names.TryAdd(anchor.Name, "d" + (names.Count + 1));
        var pageNumbers = new List<int>(layout.Pages.Count);
        var buffer = new PdfBuffer();

        foreach (var page in layout.Pages)
        {
            var pageNumber = file.Reserve();
            pageNumbers.Add(pageNumber);
            var stream = file.Reserve();
            file.Stream(stream, content.Write(page));

            var annotations = new List<int>();
            foreach (var anchor in page.Items.OfType<AnchorMark>())
                destinations.TryAdd(names[anchor.Name], (pageNumber, anchor.X, page.Height - anchor.Y));
            foreach (var link in page.Items.OfType<LinkMark>())
            {
                if (!names.TryGetValue(link.Target, out var name)) continue;   // an anchor no page holds
                var annotation = file.Reserve();
                annotations.Add(annotation);
                buffer.Clear();
                buffer.Ascii("<< /Type /Annot /Subtype /Link /Rect [").Number(link.X).Byte((byte)' ')
                    .Number(page.Height - link.Y - link.Height).Byte((byte)' ').Number(link.X + link.Width).Byte((byte)' ')
                    .Number(page.Height - link.Y).Ascii("] /Border [0 0 0] /Dest /").Ascii(name).Ascii(" >>");
                file.Object(annotation, buffer.Span);
            }

            buffer.Clear();
            buffer.Ascii("<< /Type /Page /Parent ").Integer(pageTree).Ascii(" 0 R /MediaBox [0 0 ").Number(page.Width, 3)
                .Byte((byte)' ').Number(page.Height, 3).Ascii("] /Resources ").Integer(resources).Ascii(" 0 R /Contents ")
                .Integer(stream).Ascii(" 0 R");
            if (annotations.Count > 0)
            {
                buffer.Ascii(" /Annots [");
                foreach (var a in annotations) buffer.Integer(a).Ascii(" 0 R ");
                buffer.Byte((byte)']');
            }
            file.Object(pageNumber, buffer.Ascii(" >>").Span);
        }

        buffer.Clear();
        buffer.Ascii("<< /Type /Pages /Count ").Integer(pageNumbers.Count).Ascii(" /Kids [");
        foreach (var p in pageNumbers) buffer.Integer(p).Ascii(" 0 R ");
        file.Object(pageTree, buffer.Ascii("] >>").Span);

        buffer.Clear();
        buffer.Ascii("<< /Font <<");
        foreach (var font in fonts.All) buffer.Ascii(" /").Ascii(font.ResourceName).Byte((byte)' ').Integer(font.ObjectNumber).Ascii(" 0 R");
        buffer.Ascii(" >>");
        if (alphaStates.Count > 0)
        {
            buffer.Ascii(" /ExtGState <<");
            foreach (var alpha in alphaStates)
                buffer.Ascii(" /A").Integer(alpha).Ascii(" << /ca ").Number(alpha / 255.0, 3).Ascii(" /CA ").Number(alpha / 255.0, 3).Ascii(" >>");
            buffer.Ascii(" >>");
        }
        file.Object(resources, buffer.Ascii(" >>").Span);
        pages.Dispose();

        using var rest = StageTimes.Measure("document/pdf/write/objects");
        fonts.Write(file);
        int? dests = null;
        if (destinations.Count > 0)
        {
            dests = file.Reserve();
            buffer.Clear();
            buffer.Ascii("<<");
            foreach (var (name, (page, x, y)) in destinations)
                buffer.Ascii("\n/").Ascii(name).Ascii(" [").Integer(page).Ascii(" 0 R /XYZ ").Number(x).Byte((byte)' ').Number(y).Ascii(" 0]");
            file.Object(dests.Value, buffer.Ascii("\n>>").Span);
        }
        var outline = DocumentOutline.Write(file, document.Outline, layout, pageNumbers);
        WriteInformation(file, info, document.Metadata);

        buffer.Clear();
        buffer.Ascii("<< /Type /Catalog /Pages ").Integer(pageTree).Ascii(" 0 R");
        if (dests is { } d) buffer.Ascii(" /Dests ").Integer(d).Ascii(" 0 R");
        if (outline is { } o) buffer.Ascii(" /Outlines ").Integer(o).Ascii(" 0 R /PageMode /UseOutlines");
        if (!string.IsNullOrEmpty(document.Metadata.Language)) buffer.Ascii(" /Lang ").TextString(document.Metadata.Language);
        file.Object(catalog, buffer.Ascii(" >>").Span);
        file.Finish(catalog, info);
    }

    private static void WriteInformation(PdfFileWriter file, int number, DocumentMetadata metadata)
    {
        var buffer = new PdfBuffer();
        buffer.Ascii("<<");
        void Entry(string key, string value)
        {
            if (!string.IsNullOrEmpty(value)) buffer.Ascii(" /").Ascii(key).Byte((byte)' ').TextString(value);
        }
        Entry("Title", metadata.Title);
        Entry("Author", metadata.Author);
        Entry("Subject", metadata.Subject);
        Entry("Keywords", metadata.Keywords);
        Entry("Creator", metadata.Creator);
        Entry("Producer", metadata.Producer);
        // UTC, so the same input gives the same bytes in Shanghai and on a CI runner (§7.9.4).
        var date = "D:" + metadata.Created.UtcDateTime.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) + "+00'00'";
        Entry("CreationDate", date);
        Entry("ModDate", date);
        file.Object(number, buffer.Ascii(" >>").Span);
    }
}
