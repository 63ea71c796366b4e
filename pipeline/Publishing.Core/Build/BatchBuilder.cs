using System.Diagnostics;
using Publishing.Content;
using Publishing.Diagnostics;
using Publishing.Layout;
using Publishing.Output;

namespace Publishing.Build;

/// <summary>
/// Builds (or validates) many documents in one run: in parallel, bounded by <see cref="BatchOptions.Jobs"/>,
/// each isolated — a document's content errors or an internal error (PUB9001, located at its document.yaml)
/// leave the others untouched and are reported with everything else. Templates, theme, fonts and check data
/// are loaded once by the shared <see cref="DocumentBuilder"/> and only read by the workers. Results come back
/// in the order of the documents' slugs whatever the number of jobs, so output and reports are the same bytes.
/// </summary>
public sealed class BatchBuilder
{
    private readonly BuildOptions _options;
    private readonly DocumentBuilder _builder;
    private readonly Lock _reportLock = new();

    private readonly Lazy<IReadOnlyList<FolderWalk.LinkProblem>> _templateLinks;

    public BatchBuilder(BuildOptions options)
    {
        _options = options;
        _builder = new DocumentBuilder(options);
        // A template or font may be a link to a file elsewhere (a licensed font on the machine); never a folder outside.
        _templateLinks = new(() => FolderWalk.Walk(options.TemplatesDirectory, filesMayLeave: true).Problems);
    }

    public BatchResult Build(IReadOnlyList<string> documentDirectories, BatchOptions? batch = null) =>
        Run(documentDirectories, batch ?? new BatchOptions(), validateOnly: false);

    public BatchResult Validate(IReadOnlyList<string> documentDirectories, BatchOptions? batch = null) =>
        Run(documentDirectories, batch ?? new BatchOptions(), validateOnly: true);

    private BatchResult Run(IReadOnlyList<string> documentDirectories, BatchOptions batch, bool validateOnly)
    {
        var clock = Stopwatch.StartNew();
        var ordered = documentDirectories.Select(Path.GetFullPath).Order(StringComparer.Ordinal).ToList();
        // --since compares with a git revision whose meaning moves with the repository: no cache then.
        // The cache's and stamps' temporary files a killed build left (the documents' own are swept per document).
        if (!validateOnly) AtomicFile.SweepStale(Path.Combine(_options.OutputRoot, OutputState.Folder), recursive: true);
        var cache = !validateOnly && batch.Incremental && _options.Since is null ? new BuildCache(_options) : null;
        var results = new DocumentResult[ordered.Count];
        var flush = new DeferredFlush();
        var heap = new HeapBudget();
        Parallel.For(0, ordered.Count, new ParallelOptions { MaxDegreeOfParallelism = batch.EffectiveJobs }, i =>
        {
            var result = Isolated(ordered[i], validateOnly, cache, flush);
            results[i] = result;
            heap.DocumentDone();
            if (batch.DocumentDone is { } done)
                lock (_reportLock) done(result);
        });
        // The documents' files reach the disk before anything that relies on them is recorded.
        using (StageTimes.Measure("flush"))
            flush.Complete(_options.OutputRoot);
        // Nothing at all is written when every document failed (the last good drafts stay as they were).
        if (!validateOnly && results.Any(r => r.Status is DocumentStatus.Built or DocumentStatus.UpToDate))
        {
            Site.SiteAssets.Publish(_options.TemplatesDirectory, _options.OutputRoot);
            cache?.Save();
        }
        return new BatchResult(results, clock.Elapsed, batch.EffectiveJobs);
    }

    private DocumentResult Isolated(string documentDirectory, bool validateOnly, BuildCache? cache, DeferredFlush flush)
    {
        var clock = Stopwatch.StartNew();
        using var measured = StageTimes.Measure("document");
        var slug = SlugOf(documentDirectory);
        var outputDirectory = Path.GetFullPath(Path.Combine(_options.OutputRoot, slug));
        var diagnostics = new DiagnosticBag();
        // A bug of ours met in this document (PUB9001 at it, without a stack trace): the others go on.
        var result = DocumentIsolation.Run(documentDirectory, diagnostics, () => validateOnly
            ? Checked(documentDirectory, slug, outputDirectory, diagnostics, clock)
            : Built(documentDirectory, slug, outputDirectory, diagnostics, cache, flush, clock), (DocumentResult?)null);
        if (result is not null) return result;
        cache?.Forget(slug);
        return Failed(documentDirectory, slug, outputDirectory, diagnostics, clock);
    }

    /// <summary>
    /// Links in the document's folder or templates/ that dangle, loop or lead out: an error at each link, and the
    /// document is not built (templates' links once per run, reported with every document as a theme error is).
    /// With a bad link in templates/ nothing else is run (a template could be the link); with one in the document's
    /// folder its checks still run, so the editor sees every problem at once (a file read through a link out of the
    /// folder is refused by the reader too, PUB1004).
    /// </summary>
    private bool BrokenLinksStop(string documentDirectory, DiagnosticBag diagnostics)
    {
        var inDocument = FolderWalk.Walk(documentDirectory, filesMayLeave: false).Problems;
        foreach (var problem in inDocument.Concat(_templateLinks.Value))
            diagnostics.Add(problem.Message.At(DisplayPaths.For(problem.LinkPath), 0, 0));
        if (_templateLinks.Value.Count > 0) return true;
        if (inDocument.Count == 0) return false;
        _builder.Validate(documentDirectory, diagnostics);
        return true;
    }

    private DocumentResult Checked(string documentDirectory, string slug, string outputDirectory, DiagnosticBag diagnostics, Stopwatch clock)
    {
        if (BrokenLinksStop(documentDirectory, diagnostics)) return Failed(documentDirectory, slug, outputDirectory, diagnostics, clock);
        _builder.Validate(documentDirectory, diagnostics);
        return Blocks(diagnostics)
            ? Failed(documentDirectory, slug, outputDirectory, diagnostics, clock)
            : new DocumentResult(slug, documentDirectory, outputDirectory, [], null, 0, diagnostics.Sorted(), clock.Elapsed, DocumentStatus.Validated, false);
    }

    private DocumentResult Built(string documentDirectory, string slug, string outputDirectory, DiagnosticBag diagnostics,
        BuildCache? cache, DeferredFlush flush, Stopwatch clock)
    {
        AtomicFile.SweepStale(outputDirectory, recursive: true); // temporary files a killed build left (fonts/ too)
        if (BrokenLinksStop(documentDirectory, diagnostics)) return Failed(documentDirectory, slug, outputDirectory, diagnostics, clock);
        string? key;
        BuildCache.Entry? remembered;
        using (StageTimes.Measure("document/cache"))
        {
            key = cache?.KeyOf(documentDirectory);
            remembered = key is null ? null : cache!.Find(slug, key, outputDirectory);
        }
        if (remembered is not null)
            return new DocumentResult(slug, documentDirectory, outputDirectory, remembered.Files, remembered.Pages, remembered.Bytes,
                remembered.Diagnostics, clock.Elapsed, DocumentStatus.UpToDate, false);

        var rendered = _builder.Render(documentDirectory, diagnostics);
        if (rendered is null || Blocks(diagnostics))
        {
            cache?.Forget(slug);
            return Failed(documentDirectory, slug, outputDirectory, diagnostics, clock);
        }

        bool changed;
        using (StageTimes.Measure("document/compare"))
            changed = !rendered.SameAs(outputDirectory, Site.BuildRecord.FileName);
        if (changed)
        {
            using var writing = StageTimes.Measure("document/files");
            try
            {
                rendered.WriteTo(outputDirectory, flush);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Add(DiagnosticCatalog.OutputWriteFailed["write"].At(DisplayPaths.For(outputDirectory), 0, 0, ("reason", e.Message)));
                cache?.Forget(slug);
                return Failed(documentDirectory, slug, outputDirectory, diagnostics, clock);
            }
        }

        var files = rendered.Files.Keys.ToList();
        var sorted = diagnostics.Sorted();
        if (key is not null)
            cache!.Remember(slug, new BuildCache.Entry(key, files, rendered.Files.Values.Select(f => (long)f.Length).ToList(),
                rendered.PdfPages, rendered.TotalBytes, sorted), flush);
        return new DocumentResult(slug, documentDirectory, outputDirectory, files, rendered.PdfPages, rendered.TotalBytes,
            sorted, clock.Elapsed, DocumentStatus.Built, changed);
    }

    private static DocumentResult Failed(string documentDirectory, string slug, string outputDirectory, DiagnosticBag diagnostics, Stopwatch clock) =>
        new(slug, documentDirectory, outputDirectory, [], null, 0, diagnostics.Sorted(), clock.Elapsed, DocumentStatus.Failed, false);

    public static string SlugOf(string documentDirectory) =>
        Path.GetFileName(Path.GetFullPath(documentDirectory).TrimEnd(Path.DirectorySeparatorChar));

    private bool Blocks(DiagnosticBag diagnostics) =>
        diagnostics.HasErrors || (_options.WarningsAsErrors && diagnostics.WarningCount > 0);
}
