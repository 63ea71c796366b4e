using Publishing.Assembly;
using Publishing.Content;
using Publishing.Diagnostics;
using Publishing.Model;
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
/// The combined volume (汇编) of every document: each is loaded, checked, assembled and parsed as for its own draft
/// (in parallel, in this run: the tree is handed over, not parsed again), its cover and 目录 come from
/// templates/volume/ (<see cref="VolumeTemplates"/>), then all are laid out as one PDF by <see cref="VolumeRenderer"/>.
/// A document with errors keeps the volume from being written (a volume missing a department would be silently wrong).
/// </summary>
public static class VolumeBuilder
{
    public const string FileName = "volume.pdf";
    public const string OfdFileName = "volume.ofd";

    public static VolumeResult Build(BuildOptions options, IReadOnlyList<string> documents, int jobs = 0)
    {
        var builder = new DocumentBuilder(options with { Formats = OutputFormats.Html });
        var ordered = documents.Select(Path.GetFullPath).Order(StringComparer.Ordinal).ToList();
        // Each document assembled and parsed once, in parallel; its tree is what the volume lays out.
        var assembled = new AssembledDocument?[ordered.Count];
        var found = new DiagnosticBag[ordered.Count];
        Parallel.For(0, ordered.Count, new ParallelOptions { MaxDegreeOfParallelism = jobs > 0 ? jobs : Environment.ProcessorCount }, i =>
        {
            found[i] = new DiagnosticBag();
            assembled[i] = builder.Assemble(ordered[i], found[i]);
        });
        var diagnostics = new DiagnosticBag();
        foreach (var bag in found) diagnostics.AddRange(bag.Items);
        var complete = assembled.Length > 0 && assembled.All(a => a is not null);
        var metadata = complete ? assembled.Select(a => a!.Document.Metadata).ToList() : [];
        if (complete) VolumeYear.WarnMixed(metadata, assembled[0]!.Theme.VolumeYear, assembled[0]!.Theme.SourcePath, diagnostics);
        if (!complete || diagnostics.HasErrors || (options.WarningsAsErrors && diagnostics.WarningCount > 0))
            return new VolumeResult(null, 0, diagnostics.Sorted());

        var theme = assembled[0]!.Theme;
        var year = VolumeYear.Words(metadata, theme.VolumeYear);
        var title = $"{year}部门预算绩效文本汇编";
        var info = new PdfDocumentInfo(title, metadata[0].ReviewedBy, title, "部门预算, 绩效目标, 汇编", "zh-CN",
            new DateTimeOffset(metadata.Max(m => m.Date).ToDateTime(new TimeOnly(0, 0)), TimeSpan.Zero));
        var parts = assembled.Select(a => new VolumeDocument(a!.Document.Slug, a.Document.Metadata.Department, a.Dom)).ToList();
        var departments = parts.Select(VolumeRenderer.Prepare).ToList();
        var front = VolumeTemplates.Render(new DocumentAssembler(options.TemplatesDirectory), new VolumeFrontMatter(title, year, departments), diagnostics);
        diagnostics.AddRange(TemplateVocabularyCheck.Check(options.TemplatesDirectory, entry: VolumeTemplates.FrontMatter));
        if (front is null) return new VolumeResult(null, 0, diagnostics.Sorted());

        using var stream = new MemoryStream();
        using var ofd = theme.Ofd || options.Formats.HasFlag(OutputFormats.Ofd) ? new MemoryStream() : null;
        var pages = new PdfPages();
        diagnostics.AddRange(VolumeRenderer.Render(title, front, parts, departments, theme, info, stream, pages, ofd));
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
            diagnostics.Add(DiagnosticCatalog.OutputWriteFailed["write"].At(DisplayPaths.For(path), 0, 0, ("reason", e.Message)));
            return new VolumeResult(null, 0, diagnostics.Sorted());
        }
        return new VolumeResult(Path.GetFullPath(path), pages.Count, diagnostics.Sorted())
        {
            OfdPath = ofd is null ? null : Path.GetFullPath(ofdPath),
        };
    }
}
