using System.Globalization;
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
        using var file = new PdfFileWriter(output);
        var objects = new DocumentObjects(file, fonts, layout);
        using (StageTimes.Measure("document/pdf/write/pages"))
        {
            foreach (var page in layout.Pages) objects.WritePage(page);
            objects.WritePageTreeAndResources();
        }
        using (StageTimes.Measure("document/pdf/write/objects"))
        {
            fonts.Write(file);
            objects.WriteCatalog(document);
        }
    }

    /// <summary>The objects of one file other than the fonts', numbered as they are reserved.</summary>
    private sealed class DocumentObjects
    {
        private readonly PdfFileWriter _file;
        private readonly EmbeddedFonts _fonts;
        private readonly LayoutResult _layout;
        private readonly PdfBuffer _buffer = new();
        private readonly int _catalog, _pageTree, _info, _resources;
        private readonly PageContent _content;
        private readonly SortedSet<byte> _alphaStates = new();
        private readonly List<int> _pages = new();
        /// <summary>Destination names by anchor, in the order the anchors come: a link may point forward (目录 → heading).</summary>
        private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
        private readonly SortedDictionary<string, (int Page, double X, double Y)> _destinations = new(StringComparer.Ordinal);

        public DocumentObjects(PdfFileWriter file, EmbeddedFonts fonts, LayoutResult layout)
        {
            _file = file;
            _fonts = fonts;
            _layout = layout;
            (_catalog, _pageTree, _info, _resources) = (file.Reserve(), file.Reserve(), file.Reserve(), file.Reserve());
            fonts.Reserve(file);
            _content = new PageContent(fonts, alpha => { _alphaStates.Add(alpha); return "A" + alpha; });
            foreach (var anchor in layout.Pages.SelectMany(p => p.Items).OfType<AnchorMark>())
                _names.TryAdd(anchor.Name, "d" + (_names.Count + 1));
        }

        /// <summary>The page's content stream, its link annotations and the page object itself.</summary>
        public void WritePage(PageFrame page)
        {
            var pageNumber = _file.Reserve();
            _pages.Add(pageNumber);
            var stream = _file.Reserve();
            _file.Stream(stream, _content.Write(page));
            foreach (var anchor in page.Items.OfType<AnchorMark>())
                _destinations.TryAdd(_names[anchor.Name], (pageNumber, anchor.X, page.Height - anchor.Y));

            var annotations = new List<int>();
            foreach (var link in page.Items.OfType<LinkMark>())
            {
                if (!_names.TryGetValue(link.Target, out var name)) continue;   // an anchor no page holds
                var annotation = _file.Reserve();
                annotations.Add(annotation);
                _buffer.Clear();
                _buffer.Ascii("<< /Type /Annot /Subtype /Link /Rect [").Number(link.X).Byte((byte)' ')
                    .Number(page.Height - link.Y - link.Height).Byte((byte)' ').Number(link.X + link.Width).Byte((byte)' ')
                    .Number(page.Height - link.Y).Ascii("] /Border [0 0 0] /Dest /").Ascii(name).Ascii(" >>");
                _file.Object(annotation, _buffer.Span);
            }

            _buffer.Clear();
            _buffer.Ascii("<< /Type /Page /Parent ").Integer(_pageTree).Ascii(" 0 R /MediaBox [0 0 ").Number(page.Width, 3)
                .Byte((byte)' ').Number(page.Height, 3).Ascii("] /Resources ").Integer(_resources).Ascii(" 0 R /Contents ")
                .Integer(stream).Ascii(" 0 R");
            if (annotations.Count > 0)
            {
                _buffer.Ascii(" /Annots [");
                foreach (var a in annotations) _buffer.Integer(a).Ascii(" 0 R ");
                _buffer.Byte((byte)']');
            }
            _file.Object(pageNumber, _buffer.Ascii(" >>").Span);
        }

        /// <summary>The page tree (one level) and the resources every page shares: the fonts, any opacity.</summary>
        public void WritePageTreeAndResources()
        {
            _buffer.Clear();
            _buffer.Ascii("<< /Type /Pages /Count ").Integer(_pages.Count).Ascii(" /Kids [");
            foreach (var p in _pages) _buffer.Integer(p).Ascii(" 0 R ");
            _file.Object(_pageTree, _buffer.Ascii("] >>").Span);

            _buffer.Clear();
            _buffer.Ascii("<< /Font <<");
            foreach (var font in _fonts.All) _buffer.Ascii(" /").Ascii(font.ResourceName).Byte((byte)' ').Integer(font.ObjectNumber).Ascii(" 0 R");
            _buffer.Ascii(" >>");
            if (_alphaStates.Count > 0)
            {
                _buffer.Ascii(" /ExtGState <<");
                foreach (var alpha in _alphaStates)
                    _buffer.Ascii(" /A").Integer(alpha).Ascii(" << /ca ").Number(alpha / 255.0, 3).Ascii(" /CA ").Number(alpha / 255.0, 3).Ascii(" >>");
                _buffer.Ascii(" >>");
            }
            _file.Object(_resources, _buffer.Ascii(" >>").Span);
        }

        /// <summary>Named destinations, the outline, the document information, the catalog, then the file's end.</summary>
        public void WriteCatalog(LayoutDocument document)
        {
            int? dests = null;
            if (_destinations.Count > 0)
            {
                dests = _file.Reserve();
                _buffer.Clear();
                _buffer.Ascii("<<");
                foreach (var (name, (page, x, y)) in _destinations)
                    _buffer.Ascii("\n/").Ascii(name).Ascii(" [").Integer(page).Ascii(" 0 R /XYZ ").Number(x).Byte((byte)' ').Number(y).Ascii(" 0]");
                _file.Object(dests.Value, _buffer.Ascii("\n>>").Span);
            }
            var outline = DocumentOutline.Write(_file, document.Outline, _layout, _pages);
            WriteInformation(document.Metadata);

            _buffer.Clear();
            _buffer.Ascii("<< /Type /Catalog /Pages ").Integer(_pageTree).Ascii(" 0 R");
            if (dests is { } d) _buffer.Ascii(" /Dests ").Integer(d).Ascii(" 0 R");
            if (outline is { } o) _buffer.Ascii(" /Outlines ").Integer(o).Ascii(" 0 R /PageMode /UseOutlines");
            if (!string.IsNullOrEmpty(document.Metadata.Language)) _buffer.Ascii(" /Lang ").TextString(document.Metadata.Language);
            _file.Object(_catalog, _buffer.Ascii(" >>").Span);
            _file.Finish(_catalog, _info);
        }

        private void WriteInformation(DocumentMetadata metadata)
        {
            _buffer.Clear();
            _buffer.Ascii("<<");
            void Entry(string key, string value)
            {
                if (!string.IsNullOrEmpty(value)) _buffer.Ascii(" /").Ascii(key).Byte((byte)' ').TextString(value);
            }
            Entry("Title", metadata.Title);
            Entry("Author", metadata.Author);
            Entry("Subject", metadata.Subject);
            Entry("Keywords", metadata.Keywords);
            Entry("Creator", metadata.Creator);
            Entry("Producer", metadata.Producer);
            // UTC, so the same input gives the same bytes in Shanghai and on a CI runner (§7.9.4).
            var date = "D:" + metadata.Created.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "+00'00'";
            Entry("CreationDate", date);
            Entry("ModDate", date);
            _file.Object(_info, _buffer.Ascii(" >>").Span);
        }
    }
}
