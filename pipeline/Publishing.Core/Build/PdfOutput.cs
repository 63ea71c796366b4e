using System.Globalization;
using Publishing.Diagnostics;
using Publishing.Model;
using Publishing.Rendering.Pdf;
using Publishing.Theming;

namespace Publishing.Build;

/// <summary>A document's fixed-layout files: the PDF and the OFD, each when it was asked for.</summary>
internal sealed record FixedLayoutFiles(byte[]? Pdf, byte[]? Ofd);

/// <summary>
/// Render → PDF (and OFD): hands the assembled HTML to the PDF renderer (pipeline/Publishing.Layout underneath),
/// which lays it out once and writes the pages in each format asked for.
/// </summary>
internal static class PdfOutput
{
    /// <returns>The files, or null when the document has errors (nothing is written for it then).</returns>
    public static FixedLayoutFiles? Render(PublishingDocument document, AngleSharp.Dom.IDocument html, Theme theme, DiagnosticBag diagnostics,
        PdfPages? pages = null, bool pdf = true, bool ofd = false)
    {
        var meta = document.Metadata;
        var info = new PdfDocumentInfo(
            Title: $"{meta.Title}（{meta.Status}）",
            Author: meta.PreparedBy,
            Subject: $"{meta.Department} {meta.Year} 年部门预算绩效目标",
            Keywords: string.Join(", ", new[] { "部门预算", "绩效目标", meta.Department, meta.Year.ToString(CultureInfo.InvariantCulture) }
                .Concat(document.Projects.Select(p => p.Name))),
            Language: "zh-CN",
            Created: CreationDate(meta));

        // The worker's buffer from its last document, emptied: growing a new one to the PDF's size each time was
        // a dozen allocations and copies per document. A buffer grown by a very large PDF is not kept.
        // (Not one left grown by a document that stopped at its page limit, nor one a writer closed.)
        if (t_buffer is { Capacity: > KeptBufferBytes } or { CanWrite: false }) t_buffer = null;
        var stream = t_buffer ??= new MemoryStream();
        stream.SetLength(0);
        IReadOnlyList<Diagnostic> found;
        using var ofdStream = ofd ? new MemoryStream() : null;
        pages ??= new PdfPages();
        var maxPages = theme.Limits.For(document.Form).MaxPages;
        try
        {
            found = PdfRenderer.Render(html, theme, info, pdf ? stream : null, pages, document, maxPages, ofdStream);
        }
        catch (Publishing.Layout.Pages.PageLimitExceededException e)
        {
            var at = document.Metadata.At("title");
            diagnostics.Add(DiagnosticCatalog.TooManyPages.At(at.Path, at.Line, at.Column,
                ("limit", e.MaxPages), ("setting", LimitsTheme.SetIn(document.Form, theme.SourcePath, l => l.MaxPages))));
            return null;
        }
        diagnostics.AddRange(found.Select(d => SourceAttributes.ToEditorPath(d, document.ContentDirectory)));
        // Within a tenth of the page limit: said now, before the next edit makes the nightly fail.
        // Located where the piece with the most pages starts (the pasted block or the data that made it long).
        if (pages.Count > maxPages * 0.9)
        {
            var arguments = new (string, object?)[] { ("pages", pages.Count), ("limit", maxPages), ("left", maxPages - pages.Count + 1),
                ("setting", LimitsTheme.SetIn(document.Form, theme.SourcePath, l => l.MaxPages)) };
            diagnostics.Add(LongestPiece.Find(html, pages) is var (at, first, length)
                ? SourceAttributes.ToEditorPath(DiagnosticCatalog.NearPageLimit["longest"].At(at.Path, at.Line, at.Column,
                    [.. arguments, ("first", first), ("length", length)]), document.ContentDirectory)
                : DiagnosticCatalog.NearPageLimit["document"].At(document.Metadata.At("title").Path, document.Metadata.At("title").Line,
                    document.Metadata.At("title").Column, arguments));
        }
        var failed = found.Any(d => d.IsError);
        var files = failed ? null : new FixedLayoutFiles(pdf ? stream.ToArray() : null, ofdStream?.ToArray());
        if (stream.Capacity > KeptBufferBytes) t_buffer = null;
        return files;
    }

    [ThreadStatic] private static MemoryStream? t_buffer;
    private const int KeptBufferBytes = 16 * 1024 * 1024;

    /// <summary>
    /// The PDF's dates: SOURCE_DATE_EPOCH when the build system sets it (reproducible-builds.org), else the
    /// manifest's date. Never the clock, so the same input gives the same bytes.
    /// </summary>
    private static DateTimeOffset CreationDate(DocumentMetadata meta)
    {
        var epoch = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        if (long.TryParse(epoch, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        return new DateTimeOffset(meta.Date.ToDateTime(new TimeOnly(0, 0)), TimeSpan.Zero);
    }
}
