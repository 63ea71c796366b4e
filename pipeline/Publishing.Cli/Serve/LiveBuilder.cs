using System.Diagnostics;
using Publishing.Build;
using Publishing.Content;
using Publishing.Diagnostics;
using Publishing.Site;

namespace Publishing.Cli.Serve;

/// <summary>
/// Rebuilds what a batch of changed files touches: the document whose folder they are in, or every document
/// when a template changed. HTML first (what the open page waits for), the PDF after, when no newer change is
/// waiting. A failed build keeps the last good page and records its errors for the page's banner.
/// </summary>
internal sealed class LiveBuilder
{
    private readonly string _contentRoot;
    private readonly string _templates;
    private readonly string _outputRoot;
    private readonly TextWriter _log;
    private readonly Dictionary<string, IReadOnlyList<string>> _problems = new(StringComparer.Ordinal);
    private readonly object _gate = new();

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

    /// <summary>Builds the documents in the given formats; returns (slug, ok) for each.</summary>
    public IReadOnlyList<(string Slug, bool Ok)> Build(IReadOnlyList<string> slugs, OutputFormats formats)
    {
        var builder = new DocumentBuilder(new BuildOptions(_contentRoot, _outputRoot, _templates, formats));
        var documents = DocumentLoader.FindDocuments(_contentRoot);
        var results = new List<(string, bool)>();
        var outcomes = new List<DocumentOutcome>();
        foreach (var directory in documents)
        {
            var slug = Path.GetFileName(directory)!;
            if (!slugs.Contains(slug))
            {
                outcomes.Add(new DocumentOutcome(slug, Problems(slug).Count, Problems(slug).FirstOrDefault()));
                continue;
            }
            var watch = Stopwatch.StartNew();
            var diagnostics = new DiagnosticBag();
            bool ok;
            try
            {
                ok = builder.Build(directory, diagnostics);
            }
            catch (Exception e)
            {
                // A half-written file can surprise a reader; the server keeps running and says what happened.
                diagnostics.Error(DiagnosticCodes.InternalError, DisplayPaths.For(directory), 0, 0, $"Publishing 内部错误（{e.GetType().Name}: {e.Message}）");
                ok = false;
            }
            var errors = diagnostics.Sorted().Where(d => d.IsError).Select(d => d.ToString()).ToList();
            lock (_gate) _problems[slug] = errors;
            outcomes.Add(new DocumentOutcome(slug, errors.Count, errors.FirstOrDefault()));
            results.Add((slug, ok));
            var what = formats == OutputFormats.Pdf || formats == OutputFormats.All ? "PDF" : "HTML";
            lock (_log)
            {
                _log.WriteLine($"[{DateTime.Now:HH:mm:ss}] {slug}：{what} {(ok ? "已更新" : "有错误，保留上一次的结果")}（{watch.ElapsedMilliseconds} ms）");
                foreach (var diagnostic in diagnostics.Sorted()) _log.WriteLine("  " + diagnostic);
                _log.Flush();
            }
        }
        SiteBuild.Finish(_outputRoot, _templates, outcomes, fullBuild: !File.Exists(Path.Combine(_contentRoot, DocumentLoader.ManifestFileName)));
        return results;
    }

    private static bool Under(string path, string folder)
    {
        var full = Path.GetFullPath(path);
        return full == folder || full.StartsWith(folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }
}
