using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Publishing.Build;
using Publishing.Content;
using Publishing.Diagnostics;
using Publishing.Output;
using Publishing.Site;

namespace Publishing.Nightly;

/// <summary>What a nightly run did: its folder, whether latest now points at it, the report.</summary>
public sealed record NightlyResult(string Name, string Directory, bool Succeeded, BuildReport Report, BatchResult Batch,
    IReadOnlyList<Diagnostic> RunProblems, IReadOnlyList<string> Removed);

/// <summary>
/// The nightly drafts: every document's HTML and PDF and the preview site, built into
/// &lt;root&gt;/&lt;yyyy-mm-dd&gt;/ with report.json and report.html. The run is built in a hidden staging folder
/// (seeded with hard links from the last good run, so unchanged documents are not rendered again and "changed"
/// means changed since the previous draft) and renamed into place when complete: a run's folder is never seen
/// half-written. A second run on the same day gets its own folder, &lt;yyyy-mm-dd&gt;.2, .3 …, so a failed
/// morning run stays beside the fixed one. &lt;root&gt;/latest (a symbolic link) is moved to the new run only when
/// it succeeded; a failed run's folder holds FAILED.txt with what failed and where. The newest
/// <see cref="NightlyOptions.Keep"/> runs are kept, and always the one latest points at.
/// </summary>
public static partial class NightlyRun
{
    public const string LatestLink = "latest";
    public const string FailedFile = "FAILED.txt";
    private const string LockFile = ".nightly.lock";

    public static NightlyResult Run(NightlyOptions options, IReadOnlyList<string> documents, BatchOptions batch)
    {
        var root = Path.GetFullPath(options.Root);
        // One nightly at a time per root: a second one waits (bounded, saying for whom) instead of racing for latest;
        // a root that cannot be written fails here at once (OutputUnavailableException).
        using var exclusive = RunLock.Acquire(Path.Combine(root, LockFile), options.LockWait, options.Say, options.Say);
        foreach (var stale in Directory.EnumerateDirectories(root, ".staging-*")) Directory.Delete(stale, recursive: true);
        // The link a run killed while moving latest left (.latest.<pid>.tmp); no other run is here: we hold the lock.
        foreach (var stale in Directory.EnumerateFileSystemEntries(root, $".{LatestLink}.*.tmp")) File.Delete(stale);

        var started = DateTimeOffset.UtcNow;
        var date = options.Date ?? DateOnly.FromDateTime(started.UtcDateTime);
        var name = NextName(root, date);
        var staging = Path.Combine(root, $".staging-{name}");
        var previous = Latest(root);
        Seed(options.SeedFrom is { } from ? Path.GetFullPath(from) : previous, staging, documents);

        var build = options.Build with { OutputRoot = staging };
        var result = new BatchBuilder(build).Build(documents, batch);
        var runProblems = new DiagnosticBag();
        if (result.Documents.Count == 0)
            runProblems.Add(DiagnosticCatalog.NoDocuments["nightly"].At(DisplayPaths.For(build.ContentRoot), 0, 0));

        BuildReport WriteReport()
        {
            var written = BuildReport.From(name, started, previous is null ? null : Path.GetFileName(previous), result,
                build.WarningsAsErrors, runProblems.Sorted());
            AtomicFile.WriteText(Path.Combine(staging, BuildReport.JsonFile), written.ToJson());
            AtomicFile.WriteText(Path.Combine(staging, BuildReport.PageFile), ReportPage.Render(written));
            if (!written.Succeeded) AtomicFile.WriteText(Path.Combine(staging, FailedFile), WhatFailed(written));
            return written;
        }
        var report = WriteReport();
        // The site's index over every document (it links the report page written just above). An error it meets
        // (a broken site template) fails the run too: the report is written again with it.
        SiteBuild.Finish(staging, build.TemplatesDirectory, result.Outcomes(), fullBuild: true, runProblems);
        if (report.Succeeded && runProblems.HasErrors) report = WriteReport();

        var final = Path.Combine(root, name);
        AtomicFile.CommitFolder(staging, final);
        if (report.Succeeded) PointLatestAt(root, name);
        var removed = Prune(root, options.Keep);
        return new NightlyResult(name, final, report.Succeeded, report, result, runProblems.Sorted(), removed);
    }

    /// <summary>The folder latest points at, when there is one.</summary>
    public static string? Latest(string root)
    {
        var link = new DirectoryInfo(Path.Combine(root, LatestLink));
        if (link.LinkTarget is null) return null;
        var target = Path.GetFullPath(link.LinkTarget, root);
        return Directory.Exists(target) ? target : null;
    }

    /// <summary>The runs in &lt;root&gt;, oldest first (by date, then by the number of the day's run).</summary>
    public static IReadOnlyList<string> Runs(string root) =>
        Directory.EnumerateDirectories(root)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Select(n => (Name: n, Match: RunName().Match(n)))
            .Where(r => r.Match.Success)
            .OrderBy(r => r.Match.Groups["date"].Value, StringComparer.Ordinal)
            .ThenBy(r => r.Match.Groups["n"].Success ? int.Parse(r.Match.Groups["n"].Value, CultureInfo.InvariantCulture) : 1)
            .Select(r => r.Name)
            .ToList();

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})(\.(?<n>\d+))?$")]
    private static partial Regex RunName();

    private static string NextName(string root, DateOnly date)
    {
        var name = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (!Directory.Exists(Path.Combine(root, name))) return name;
        for (var n = 2; ; n++)
            if (!Directory.Exists(Path.Combine(root, $"{name}.{n}"))) return $"{name}.{n}";
    }

    /// <summary>The last good run's outputs of the documents still in the content, its cache and shared files.</summary>
    private static void Seed(string? previous, string staging, IReadOnlyList<string> documents)
    {
        AtomicFile.BeginFolder(staging); // removed by the command if it is stopped (SIGINT/SIGTERM) before the rename
        if (previous is null) return;
        var slugs = documents.Select(BatchBuilder.SlugOf).ToHashSet(StringComparer.Ordinal);
        foreach (var directory in Directory.EnumerateDirectories(previous))
        {
            var folder = Path.GetFileName(directory);
            if (slugs.Contains(folder) || folder is BuildCache.StateFolder || folder.StartsWith('_'))
                PosixFiles.CopyTree(directory, Path.Combine(staging, folder));
        }
    }

    /// <summary>latest → name, replaced in one rename (a reader sees the old run or the new one, never none).</summary>
    private static void PointLatestAt(string root, string name)
    {
        var temporary = Path.Combine(root, $".{LatestLink}.{Environment.ProcessId}.tmp");
        if (new FileInfo(temporary).LinkTarget is not null || File.Exists(temporary)) File.Delete(temporary);
        File.CreateSymbolicLink(temporary, name);
        PosixFiles.ReplaceLink(temporary, Path.Combine(root, LatestLink));
    }

    private static IReadOnlyList<string> Prune(string root, int keep)
    {
        var runs = Runs(root);
        var latest = Latest(root) is { } l ? Path.GetFileName(l) : null;
        var removed = new List<string>();
        foreach (var old in runs.Take(Math.Max(0, runs.Count - Math.Max(1, keep))))
        {
            if (old == latest) continue;
            Directory.Delete(Path.Combine(root, old), recursive: true);
            removed.Add(old);
        }
        return removed;
    }

    private static string WhatFailed(BuildReport report)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"夜间构建 {report.Run} 失败：{report.Totals.Failed} 个文档失败，{report.Totals.Errors} 个错误，{report.Totals.Warnings} 个警告。latest 仍指向上一次成功的构建。\n\n");
        foreach (var problem in report.RunProblems) text.Append(problem).Append('\n');
        foreach (var document in report.Documents.Where(d => d.Status == "failed"))
        {
            text.Append(CultureInfo.InvariantCulture, $"{document.Slug}: 失败\n");
            foreach (var problem in document.Diagnostics.Where(p => p.IsError)) text.Append("  ").Append(problem).Append('\n');
        }
        return text.ToString();
    }
}
