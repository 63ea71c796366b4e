using Publishing.Diagnostics;
using Publishing.Model;
using Publishing.Layout;
using Publishing.Layout.Fonts;
using Publishing.Theming;

namespace Publishing.Rendering.Pdf;

/// <summary>What goes into the PDF's document information and catalog.</summary>
public sealed record PdfDocumentInfo(string Title, string Author, string Subject, string Keywords, string Language, DateTimeOffset Created);

/// <summary>How many pages the PDF has and where its anchors (ids) landed, by printed page number.</summary>
public sealed class PdfPages
{
    public int Count { get; set; }
    public Dictionary<string, int> Anchors { get; } = new(StringComparer.Ordinal);
    /// <summary>The highest printed page number (0 when no page is numbered).</summary>
    public int LastNumber { get; set; }
}

/// <summary>
/// The PDF output: reads the assembled HTML (docs/html-vocabulary.md), maps it with the theme onto the layout
/// engine (Publishing.Layout) and writes the PDF. Problems come back as diagnostics, never as exceptions for
/// content errors: what the layout reports (a character no font has, a cell's value cut …) becomes a warning at the
/// source the block came from (<see cref="LayoutWarnings"/>).
/// </summary>
public static class PdfRenderer
{
    // Font files are memory-mapped once per process and shared by every render (they are read-only).
    internal static readonly FontLibrary Fonts = new();

    /// <param name="pages">When given, receives the page count and the printed page number of every anchor (id):
    /// the preview shows them beside its 目录 entries and on the site index.</param>
    /// <param name="content">The document as read (its Markdown blocks' and CSV cells' positions): with it, a layout
    /// warning gives the line and column where its character or cell is written (<see cref="SourcePositions"/>).</param>
    /// <param name="maxPages">The page limit for this document (its form's, or else the theme's limits.max_pages).</param>
    /// <param name="output">Receives the PDF; null when only the OFD is asked for.</param>
    /// <param name="ofd">When given, receives the same pages as OFD (GB/T 33190), from the same layout.</param>
    public static IReadOnlyList<Diagnostic> Render(string html, Theme theme, PdfDocumentInfo info, Stream? output,
        PdfPages? pages = null, PublishingDocument? content = null, int? maxPages = null, Stream? ofd = null) =>
        Render(Assembly.AssembledDocument.Parse(html), theme, info, output, pages, content, maxPages, ofd);

    /// <summary>The same, from the assembled document already parsed (a build parses it once for every stage; the
    /// mapper only reads it).</summary>
    public static IReadOnlyList<Diagnostic> Render(AngleSharp.Dom.IDocument html, Theme theme, PdfDocumentInfo info, Stream? output,
        PdfPages? pages = null, PublishingDocument? content = null, int? maxPages = null, Stream? ofd = null)
    {
        var diagnostics = new List<Diagnostic>();
        HtmlToLayout.Mapped mapped;
        PdfStyles styles;
        try
        {
            using var measured = StageTimes.Measure("document/pdf/map");
            styles = new PdfStyles(theme, Fonts);
            mapped = HtmlToLayout.Map(html, styles, info);
            mapped = mapped with { Document = mapped.Document with { MaxPages = maxPages ?? theme.Limits.MaxPages } };
            diagnostics.AddRange(mapped.Diagnostics);
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException or KeyNotFoundException or IOException)
        {
            diagnostics.Add(DiagnosticCatalog.ThemeInvalid["pdf"].At(theme.SourcePath, 0, 0, ("reason", e.Message)));
            return diagnostics;
        }

        // The engine or its PDF writer failing is a bug of ours: it goes up to the document's isolation
        // (Build/DocumentIsolation), which reports it as every such bug is, PUB9001 at the document.
        var layout = DocumentRenderer.Render(mapped.Document, output, ofd);

        if (pages is not null)
        {
            pages.Count = layout.Pages.Count;
            pages.LastNumber = layout.Pages.Max(p => p.Number) ?? 0;
            foreach (var (anchor, place) in layout.Anchors)
                if (place.Number is int number) pages.Anchors[anchor] = number;
        }

        diagnostics.AddRange(LayoutWarnings.Of(layout, new SourcePositions(content), styles.AbsentFallbackFonts));
        diagnostics.Sort();
        return diagnostics;
    }
}
