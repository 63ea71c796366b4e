using System.Globalization;
using Publishing.Layout.Frames;
using Publishing.Layout.Pages;
using Publishing.Layout.Structure;

namespace Publishing.Layout.Pdf;

/// <summary>
/// Writes laid-out pages as a PDF: fonts subset per document (HarfBuzz) and embedded as CID TrueType with a
/// ToUnicode map, one content stream per page, links to named destinations, the outline, /Lang and
/// /PageMode, and the document information with its dates in UTC. Every byte is a function of the layout, so
/// the same input gives the same file. Written by us rather than by Skia's PDF backend: Skia deflated every
/// stream at zlib's default level, subset our subset fonts again and had no API for the outline or /Lang
/// (appended as an incremental update); it was ~40 % of a document's build (docs/pdf-engine.md).
/// With a structure (<see cref="LayoutDocument.Structure"/>) the PDF is tagged: marked content on every page, the
/// structure tree, the parent tree, /MarkInfo; with <see cref="PdfStandards"/> it declares and keeps PDF/UA-1 and
/// PDF/A-2: XMP metadata, an sRGB output intent, page labels, /DisplayDocTitle, links with /Contents.
/// </summary>
public static class PdfWriter
{
    public static void Write(LayoutDocument document, LayoutResult layout, Stream output)
    {
        EmbeddedFonts fonts;
        using (StageTimes.Measure("document/pdf/write/fonts"))
            fonts = EmbeddedFonts.Build(layout.Pages);
        using var file = new PdfFileWriter(output);
        var objects = new DocumentObjects(file, fonts, layout, document);
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
        private readonly StructureTree? _structure;

        private readonly LayoutDocument _document;

        public DocumentObjects(PdfFileWriter file, EmbeddedFonts fonts, LayoutResult layout, LayoutDocument document)
        {
            _document = document;
            _file = file;
            _fonts = fonts;
            _layout = layout;
            (_catalog, _pageTree, _info, _resources) = (file.Reserve(), file.Reserve(), file.Reserve(), file.Reserve());
            fonts.Reserve(file);
            if (document.Structure is { } root) _structure = new StructureTree(root, file);
            _content = new PageContent(fonts, alpha => { _alphaStates.Add(alpha); return "A" + alpha; }, _structure?.Elements);
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
            var structParents = _structure?.AddPage(pageNumber, _content.Marked);
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
                    .Number(page.Height - link.Y).Ascii("] /Border [0 0 0] /Dest /").Ascii(name);
                if (_structure is not null)
                {
                    // PDF/A: printable (/F 4); PDF/UA: says what it does and belongs to its Link element.
                    _buffer.Ascii(" /F 4 /Contents ").TextString(LinkDescription(page, link));
                    if (link.Tag is { } tag && _structure.Elements.Contains(tag))
                        _buffer.Ascii(" /StructParent ").Integer(_structure.AddAnnotation(annotation, pageNumber, tag));
                }
                _file.Object(annotation, _buffer.Ascii(" >>").Span);
            }

            _buffer.Clear();
            _buffer.Ascii("<< /Type /Page /Parent ").Integer(_pageTree).Ascii(" 0 R /MediaBox [0 0 ").Number(page.Width, 3)
                .Byte((byte)' ').Number(page.Height, 3).Ascii("] /Resources ").Integer(_resources).Ascii(" 0 R /Contents ")
                .Integer(stream).Ascii(" 0 R");
            if (structParents is { } key) _buffer.Ascii(" /StructParents ").Integer(key).Ascii(" /Tabs /S");
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
            _structure?.Write(_file, _buffer);
            var (metadata, intent) = WriteConformance(document);

            _buffer.Clear();
            _buffer.Ascii("<< /Type /Catalog /Pages ").Integer(_pageTree).Ascii(" 0 R");
            if (dests is { } d) _buffer.Ascii(" /Dests ").Integer(d).Ascii(" 0 R");
            if (outline is { } o) _buffer.Ascii(" /Outlines ").Integer(o).Ascii(" 0 R /PageMode /UseOutlines");
            if (!string.IsNullOrEmpty(document.Metadata.Language)) _buffer.Ascii(" /Lang ").TextString(document.Metadata.Language);
            if (_structure is not null)
                _buffer.Ascii(" /MarkInfo << /Marked true >> /StructTreeRoot ").Integer(_structure.RootObject).Ascii(" 0 R");
            if (metadata is { } m) _buffer.Ascii(" /Metadata ").Integer(m).Ascii(" 0 R");
            if (intent is { } i) _buffer.Ascii(" /OutputIntents [").Integer(i).Ascii(" 0 R]");
            if (document.Standards != PdfStandards.None)
            {
                _buffer.Ascii(" /ViewerPreferences << /DisplayDocTitle true >> /PageLabels ");
                PageLabels.Write(_buffer, _layout.Pages);
            }
            _file.Object(_catalog, _buffer.Ascii(" >>").Span);
            _file.Finish(_catalog, _info);
        }

        /// <summary>What a link annotation says (/Contents): its element's description, else the text drawn for it on the page.</summary>
        private static string LinkDescription(PageFrame page, LinkMark link)
        {
            if (link.Tag?.Description is { Length: > 0 } description) return description;
            var text = string.Concat(page.Runs.Where(r => link.Tag is not null && ReferenceEquals(r.Tag, link.Tag)).Select(r => r.Text));
            return text.Length > 0 ? text : "链接";
        }

        /// <summary>The XMP metadata (unfiltered, as PDF/A asks) and, for PDF/A, the sRGB output intent with its profile.</summary>
        private (int? Metadata, int? Intent) WriteConformance(LayoutDocument document)
        {
            if (document.Standards == PdfStandards.None) return (null, null);
            var metadata = _file.Reserve();
            _file.PlainStream(metadata, XmpMetadata.Packet(document.Metadata, document.Standards, XmpMetadata.Date(document.Metadata.Created)),
                "/Type /Metadata /Subtype /XML");
            if (!document.Standards.HasFlag(PdfStandards.Archival)) return (metadata, null);
            var profile = _file.Reserve();
            _file.Stream(profile, SrgbProfile.Bytes, "/N 3");
            var intent = _file.Reserve();
            _buffer.Clear();
            _buffer.Ascii("<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier ").TextString(SrgbProfile.Name)
                .Ascii(" /Info ").TextString(SrgbProfile.Name).Ascii(" /DestOutputProfile ").Integer(profile).Ascii(" 0 R >>");
            _file.Object(intent, _buffer.Span);
            return (metadata, intent);
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
