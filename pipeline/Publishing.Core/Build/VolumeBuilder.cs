using Publishing.Content;
using Publishing.Diagnostics;
using Publishing.Output;
using Publishing.Rendering.Pdf;

namespace Publishing.Build;

/// <summary>What building the combined volume produced: its path when written, its pages, every problem.</summary>
public sealed record VolumeResult(string? Path, int Pages, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>volume.ofd, when the theme (ofd: true) or --format ofd asked for it and it was written.</summary>
    public string? OfdPath { get; init; }
}

/// <summary>
/// The combined volume (汇编) of every document: each is loaded, checked and assembled as for its own draft
/// (in parallel), then all are laid out as one PDF by <see cref="VolumeRenderer"/>. A document with errors keeps
/// the volume from being written (a volume missing a department would be silently wrong).
/// </summary>
public static class VolumeBuilder
{
    public const string FileName = "volume.pdf";
    public const string OfdFileName = "volume.ofd";

    public static VolumeResult Build(BuildOptions options, IReadOnlyList<string> documents, int jobs = 0)
    {
        var builder = new DocumentBuilder(options with { Formats = OutputFormats.Html });
        var ordered = documents.Select(Path.GetFullPath).Order(StringComparer.Ordinal).ToList();
        var rendered = new RenderedDocument?[ordered.Count];
        var found = new DiagnosticBag[ordered.Count];
        Parallel.For(0, ordered.Count, new ParallelOptions { MaxDegreeOfParallelism = jobs > 0 ? jobs : Environment.ProcessorCount }, i =>
        {
            found[i] = new DiagnosticBag();
            rendered[i] = builder.Render(ordered[i], found[i]);
        });
        var diagnostics = new DiagnosticBag();
        foreach (var bag in found) diagnostics.AddRange(bag.Items);
        var complete = rendered.Length > 0 && rendered.All(r => r?.Document is not null && r.Theme is not null);
        var metadata = complete ? rendered.Select(r => r!.Document!.Metadata).ToList() : [];
        if (complete) VolumeYear.WarnMixed(metadata, rendered[0]!.Theme!.VolumeYear, rendered[0]!.Theme!.SourcePath, diagnostics);
        if (!complete || diagnostics.HasErrors || (options.WarningsAsErrors && diagnostics.WarningCount > 0))
            return new VolumeResult(null, 0, diagnostics.Sorted());

        var first = metadata[0];
        var title = $"{VolumeYear.Words(metadata, rendered[0]!.Theme!.VolumeYear)}部门预算绩效文本汇编";
        var info = new PdfDocumentInfo(title, first.ReviewedBy, title, "部门预算, 绩效目标, 汇编", "zh-CN",
            new DateTimeOffset(rendered.Max(r => r!.Document!.Metadata.Date).ToDateTime(new TimeOnly(0, 0)), TimeSpan.Zero));
        var parts = rendered.Select(r => new VolumeDocument(r!.Document!.Slug, r.Document.Metadata.Department, r.AssembledHtml)).ToList();
        using var stream = new MemoryStream();
        var theme = rendered[0]!.Theme!;
        using var ofd = theme.Ofd || options.Formats.HasFlag(OutputFormats.Ofd) ? new MemoryStream() : null;
        var pages = new PdfPages();
        diagnostics.AddRange(VolumeRenderer.Render(title, parts, theme, info, stream, pages, ofd));
        if (diagnostics.HasErrors) return new VolumeResult(null, 0, diagnostics.Sorted());

        var path = Path.Combine(options.OutputRoot, FileName);
        var ofdPath = Path.Combine(options.OutputRoot, OfdFileName);
        try
        {
            AtomicFile.Write(path, stream.GetBuffer().AsSpan(0, (int)stream.Length));
            if (ofd is not null) AtomicFile.Write(ofdPath, ofd.GetBuffer().AsSpan(0, (int)ofd.Length));
            else if (File.Exists(ofdPath)) File.Delete(ofdPath);   // an earlier volume's OFD is not this volume's
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.OutputWriteFailed, DisplayPaths.For(path), 0, 0, $"无法写入输出：{e.Message}");
            return new VolumeResult(null, 0, diagnostics.Sorted());
        }
        return new VolumeResult(Path.GetFullPath(path), pages.Count, diagnostics.Sorted())
        {
            OfdPath = ofd is null ? null : Path.GetFullPath(ofdPath),
        };
    }
}
