using System.Diagnostics;
using Publishing.Build;
using Publishing.Content;
using Publishing.Diagnostics;
using Publishing.Site;

namespace Publishing.Cli.Serve;

/// <summary>
/// Rebuilds what a batch of changed files touches: the document whose folder they are in, or every document
/// when a template changed. The HTML (what the open page waits for) is built on the watcher's thread; the PDF
/// on its own (<see cref="LivePreview"/>), so a save never waits for a PDF. Rendering runs outside the lock,
/// writing inside it; a PDF rendered from content that an HTML build has since replaced is not written (it
/// would put the older text back on the page). A failed build keeps the last good page and records its
/// errors for the page's banner.
/// </summary>
internal sealed class LiveBuilder
{
    private readonly string _contentRoot;
    private readonly string _templates;
    private readonly string _outputRoot;
    private readonly TextWriter _log;
    private readonly Dictionary<string, IReadOnlyList<string>> _problems = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _htmlBuilds = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private readonly object _writing = new();

    public LiveBuilder(string contentRoot, string templates, string outputRoot, TextWriter log)
    {
        _contentRoot = Path.GetFullPath(contentRoot);
        _templates = Path.GetFullPath(templates);
        _outputRoot = Path.GetFullPath(outputRoot);
        _log = log;
    }

    /// <summary>The errors of a document's last build attempt (empty when it succeeded).</summary>
    public IReadOnlyList<string> Problems(string slug)
    {
        lock (_gate) return _problems.GetValueOrDefault(slug) ?? Array.Empty<string>();
    }

    public IReadOnlyList<string> AllDocuments() =>
        DocumentLoader.FindDocuments(_contentRoot).Select(d => Path.GetFileName(d)!).ToList();

    /// <summary>The documents a set of changed paths touches.</summary>
    public IReadOnlyList<string> Affected(IReadOnlySet<string> paths)
    {
        var documents = DocumentLoader.FindDocuments(_contentRoot);
        if (paths.Any(p => Under(p, _templates) || !Under(p, _contentRoot) || Path.GetFullPath(p) == _contentRoot))
            return documents.Select(d => Path.GetFileName(d)!).ToList();
        return documents.Where(d => paths.Any(p => Under(p, d))).Select(d => Path.GetFileName(d)!).ToList();
    }

    /// <summary>Builds the documents' HTML; returns (slug, ok) for each.</summary>
    public IReadOnlyList<(string Slug, bool Ok)> BuildHtml(IReadOnlyList<string> slugs)
    {
        var results = new List<(string, bool)>();
        foreach (var slug in slugs)
            if (BuildHtml(slug, CancellationToken.None) is { } ok) results.Add((slug, ok));
        return results;
    }

    /// <summary>
    /// Builds a document's HTML; null when <paramref name="cancel"/> was cancelled first (a newer save made this build
    /// obsolete: it stops at its next stage and writes nothing) or a bug stopped it. A PDF being rendered from the
    /// older content is cancelled too.
    /// </summary>
    public bool? BuildHtml(string slug, CancellationToken cancel)
    {
        lock (_gate) _htmlBuilds[slug] = _htmlBuilds.GetValueOrDefault(slug) + 1;
        Supersede(slug);
        return BuildOne(Builder(OutputFormats.Html), slug, "HTML", () => !cancel.IsCancellationRequested, cancel);
    }

    /// <summary>
    /// Builds a document's PDF (and its page, now with the PDF's page numbers); null when an HTML build started
    /// meanwhile, so this one was rendered from older content and is dropped (that build asks for a new PDF).
    /// </summary>
    public bool? BuildPdf(string slug)
    {
        int htmlBuilds;
        using var cancel = new CancellationTokenSource();
        lock (_gate)
        {
            htmlBuilds = _htmlBuilds.GetValueOrDefault(slug);
            _pdf = (slug, cancel);
        }
        try
        {
            return BuildOne(Builder(OutputFormats.All), slug, "PDF", () =>
            {
                lock (_gate) return _htmlBuilds.GetValueOrDefault(slug) == htmlBuilds;
            }, cancel.Token);
        }
        finally
        {
            lock (_gate) _pdf = null;
        }
    }

    /// <summary>The PDF being built, which a newer save of its document cancels.</summary>
    private (string Slug, CancellationTokenSource Cancel)? _pdf;

    /// <summary>A save touched the document: a PDF being rendered from its older content stops at its next stage.</summary>
    public void Supersede(string slug)
    {
        lock (_gate)
            if (_pdf is { } pdf && pdf.Slug == slug) pdf.Cancel.Cancel();
    }

    /// <summary>
    /// Renders a document's HTML in memory, writing nothing: run at start, so the first save an editor makes
    /// finds the code already compiled by the JIT rather than paying for it.
    /// </summary>
    public void WarmUp(string slug)
    {
        var directory = Path.Combine(_contentRoot, slug);
        try
        {
            Builder(OutputFormats.Html).Render(directory, new DiagnosticBag());
        }
        catch (Exception)
        {
            // A warm-up that fails has only failed to warm up; the real build reports the problem.
        }
    }

    private DocumentBuilder Builder(OutputFormats formats) =>
        new(new BuildOptions(_contentRoot, _outputRoot, _templates, formats));

    private bool? BuildOne(DocumentBuilder builder, string slug, string what, Func<bool> stillCurrent, CancellationToken cancel)
    {
        var directory = Path.Combine(_contentRoot, slug);
        var watch = Stopwatch.StartNew();
        var diagnostics = new DiagnosticBag();
        bool? ok;
        try
        {
            ok = Rendered(builder, slug, directory, stillCurrent, diagnostics, cancel);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            ok = null;
        }
        if (ok is null)
        {
            lock (_log)
            {
                _log.WriteLine($"[{DateTime.Now:HH:mm:ss}] {slug}：{what} 已被新的保存取代，没有写出（{watch.ElapsedMilliseconds} ms）");
                _log.Flush();
            }
            return null;
        }
        if (diagnostics.HasErrors) lock (_gate) _problems[slug] = Errors(diagnostics);
        lock (_log)
        {
            _log.WriteLine($"[{DateTime.Now:HH:mm:ss}] {slug}：{what} {(ok.Value ? "已更新" : "有错误，保留上一次的结果")}（{watch.ElapsedMilliseconds} ms）");
            foreach (var diagnostic in diagnostics.Sorted()) _log.WriteLine("  " + diagnostic);
            _log.Flush();
        }
        return ok;
    }

    /// <summary>Renders outside the lock, writes inside it unless the build is no longer current (null then).</summary>
    private bool? Rendered(DocumentBuilder builder, string slug, string directory, Func<bool> stillCurrent, DiagnosticBag diagnostics, CancellationToken cancel) =>
        // A bug of ours met on the way is the batch's PUB9001 at the document; the server keeps running.
        DocumentIsolation.Run(directory, diagnostics, () =>
        {
            var rendered = builder.Render(directory, diagnostics, cancel);
            var written = rendered is not null && !diagnostics.HasErrors;
            lock (_writing)
            {
                if (!stillCurrent()) return (bool?)null;
                if (written) written = builder.Write(directory, rendered!, diagnostics);
                lock (_gate) _problems[slug] = Errors(diagnostics);
                SiteBuild.Finish(_outputRoot, _templates, Outcomes(),
                    fullBuild: !File.Exists(Path.Combine(_contentRoot, DocumentLoader.ManifestFileName)), diagnostics);
                if (diagnostics.HasErrors) lock (_gate) _problems[slug] = Errors(diagnostics); // the index's template too
            }
            return written;
        }, false);

    private static List<string> Errors(DiagnosticBag diagnostics) =>
        diagnostics.Sorted().Where(d => d.IsError).Select(d => d.ToString()).ToList();

    /// <summary>How every document of the content folder went, for the index.</summary>
    private List<DocumentOutcome> Outcomes() =>
        AllDocuments().Select(slug => new DocumentOutcome(slug, Problems(slug).Count, Problems(slug).FirstOrDefault())).ToList();

    private static bool Under(string path, string folder)
    {
        var full = Path.GetFullPath(path);
        return full == folder || full.StartsWith(folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }
}
