using Publishing.Build;
using Publishing.Content;
using Publishing.Diagnostics;
using Publishing.Layout;
using Publishing.Nightly;
using Publishing.Output;
using Publishing.Site;

namespace Publishing.Cli;

/// <summary>
/// The `publishing` command, callable in-process (tests) as well as from Main. Prints diagnostics
/// sorted, then a summary line; exit codes 0 ok, 1 content errors, 2 usage, 3 internal error.
/// </summary>
public static class PublishingCli
{
    public const int Ok = 0, ContentErrors = 1, UsageError = 2, InternalError = 3;

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            return Run(CommandLine.Parse(args), stdout, stderr);
        }
        catch (Exception) when (Interruption.RequestedExit is { } signalled)
        {
            return signalled; // the signal handler removed a file this thread was still writing
        }
        catch (Exception e)
        {
            // A bug in Publishing, not in the content: say so in one line, without a stack trace.
            stderr.WriteLine($"publishing: error {DiagnosticCodes.InternalError}: {DiagnosticCatalog.InternalError["run"].Format(("type", e.GetType().Name), ("reason", e.Message))}");
            return InternalError;
        }
    }

    private static int Run(CommandLine line, TextWriter stdout, TextWriter stderr)
    {
        if (line.Error is not null)
        {
            stderr.WriteLine($"publishing: {line.Error}");
            stderr.WriteLine("用 publishing --help 查看用法。");
            return UsageError;
        }
        if (line.Command == "help")
        {
            stdout.WriteLine(CommandLine.Usage);
            return Ok;
        }

        if (line.Command == "workbook") return FillInCommand.Run(line, FindTemplates(line.ContentRoot), stdout, stderr);
        // The first document's one-time set-up on the spare core while this thread finds and reads the content.
        if (line.Command is "build" or "nightly" or "volume")
            ColdStart.Begin(withLayout: line.Command != "build" || (line.Formats & (OutputFormats.Pdf | OutputFormats.Ofd)) != 0);

        var diagnostics = new DiagnosticBag();
        var documents = DocumentLoader.FindDocuments(line.ContentRoot);
        if (documents.Count == 0)
        {
            diagnostics.Add(DiagnosticCatalog.NoDocuments["content"].At(DisplayPaths.For(line.ContentRoot), 0, 0));
            Report(diagnostics, 0, stderr);
            return ContentErrors;
        }

        var templates = line.TemplatesDirectory ?? FindTemplates(line.ContentRoot);
        if (templates is null)
        {
            stderr.WriteLine("publishing: 找不到 templates/ 目录；请用 --templates 指定。");
            return UsageError;
        }

        if (line.Command == "serve")
            return Serve.LivePreview.RunAsync(line, templates, stdout, stderr).GetAwaiter().GetResult();

        if (line.Timings)
        {
            StageTimes.Reset();
            StageTimes.Enabled = true;
        }
        var options = new BuildOptions(line.ContentRoot, line.OutputRoot, templates, line.Formats, line.WarningsAsErrors, line.Since);
        var selected = line.Shard.Select(documents);
        var batch = new BatchOptions(line.Jobs, Incremental: !line.Rebuild);
        if (line.Command == "volume")
        {
            var volume = VolumeBuilder.Build(options, selected, line.Jobs);
            diagnostics.AddRange(volume.Diagnostics);
            if (volume.Path is not null) stdout.WriteLine($"已生成汇编 {DisplayPaths.For(volume.Path)}（{volume.Pages} 页，{selected.Count} 个部门）");
            if (volume.OfdPath is not null) stdout.WriteLine($"已生成汇编 {DisplayPaths.For(volume.OfdPath)}（OFD，与 PDF 同版面）");
            Report(diagnostics, selected.Count, stderr);
            return volume.Path is null ? Failure(diagnostics) : Ok;
        }
        if (line.Command == "nightly")
            return RunNightly(line, options with { Formats = OutputFormats.All }, selected, batch, stdout, stderr);
        var builder = new BatchBuilder(options);
        var validateOnly = line.Command == "validate";
        var result = BuildProgress.Run(selected.Count, stderr, done => validateOnly
            ? builder.Validate(selected, batch with { DocumentDone = done })
            : builder.Build(selected, batch with { DocumentDone = done }));
        foreach (var document in result.Documents)
        {
            var shown = DisplayPaths.For(document.OutputDirectory);
            if (document.Status == DocumentStatus.Built) stdout.WriteLine($"已生成 {shown}/");
            else if (document.Status == DocumentStatus.UpToDate) stdout.WriteLine($"无变化 {shown}/（输入未改，沿用上次的结果）");
        }
        diagnostics.AddRange(result.Documents.SelectMany(d => d.Diagnostics));
        if (line.Command == "build")
        {
            // A content root holding document folders is a full build: outputs of removed documents go
            // (not for one shard: the other shards' documents are not removed ones).
            var fullBuild = !File.Exists(Path.Combine(line.ContentRoot, DocumentLoader.ManifestFileName)) && line.Shard.Count == 1;
            IndexOutcome index;
            using (StageTimes.Measure("index"))
                index = SiteBuild.Finish(line.OutputRoot, templates, result.Outcomes(), fullBuild, diagnostics);
            var indexShown = DisplayPaths.For(Path.Combine(line.OutputRoot, SiteIndex.FileName));
            if (index == IndexOutcome.Written) stdout.WriteLine($"已生成 {indexShown}");
            else if (index == IndexOutcome.Unchanged) stdout.WriteLine($"无变化 {indexShown}（站点索引与上次相同，没有重写）");
        }
        Report(diagnostics, result.Documents.Count, stderr);
        if (result.Documents.Count > 1) stderr.WriteLine(BuildProgress.Summary(result, validateOnly));
        if (StageTimes.Enabled) stderr.WriteLine(StageTimes.Format(StageTimes.Snapshot()));
        var failed = diagnostics.HasErrors || (line.WarningsAsErrors && diagnostics.WarningCount > 0);
        return failed ? Failure(diagnostics) : Ok;
    }

    private static int RunNightly(CommandLine line, BuildOptions options, IReadOnlyList<string> documents, BatchOptions batch,
        TextWriter stdout, TextWriter stderr)
    {
        NightlyResult? nightly = null;
        void Say(string message)
        {
            lock (stderr) stderr.WriteLine($"publishing: {message}");
        }
        try
        {
            BuildProgress.Run(documents.Count, stderr, done =>
            {
                nightly = NightlyRun.Run(new NightlyOptions(line.OutputRoot, options, line.Keep, line.Date, line.From, line.LockWaitSeconds, Say),
                    documents, batch with { DocumentDone = done });
                return nightly.Batch;
            });
        }
        catch (OutputUnavailableException e)
        {
            // Not writable, or another run held it too long: located, exit 1, as build's PUB5001 (never a silent wait).
            var problem = new DiagnosticBag();
            problem.Add(e.Problem.At(DisplayPaths.For(e.Path), 0, 0));
            Report(problem, 0, stderr);
            return ContentErrors;
        }
        var diagnostics = new DiagnosticBag();
        diagnostics.AddRange(nightly!.Batch.Documents.SelectMany(d => d.Diagnostics));
        diagnostics.AddRange(nightly.RunProblems);
        Report(diagnostics, nightly.Batch.Documents.Count, stderr);
        stderr.WriteLine(BuildProgress.Summary(nightly.Batch, validateOnly: false));
        var shown = DisplayPaths.For(nightly.Directory);
        if (nightly.Succeeded)
            stdout.WriteLine($"夜间构建成功：{shown}/（报告 {BuildReport.PageFile}），latest 已指向它。");
        else
            stderr.WriteLine($"夜间构建失败：见 {shown}/{NightlyRun.FailedFile}；latest 仍指向上一次成功的构建。");
        foreach (var removed in nightly.Removed) stdout.WriteLine($"已删除旧的夜间构建 {removed}（保留最近 {line.Keep} 次）");
        return nightly.Succeeded ? Ok : Failure(diagnostics);
    }

    /// <summary>
    /// The exit code of a run that failed: 3 when a bug of ours stopped a document (PUB9001, the README's "internal
    /// error", even though the other documents were built), else 1 (content errors).
    /// </summary>
    private static int Failure(DiagnosticBag diagnostics) =>
        diagnostics.Items.Any(d => d.Code == DiagnosticCodes.InternalError) ? InternalError : ContentErrors;

    internal static void Report(DiagnosticBag diagnostics, int documents, TextWriter stderr)
    {
        foreach (var diagnostic in diagnostics.Sorted())
            stderr.WriteLine(diagnostic);
        var summary = $"{diagnostics.ErrorCount} 个错误，{diagnostics.WarningCount} 个警告";
        stderr.WriteLine(documents > 0 ? $"{summary}（{documents} 个文档）" : summary);
    }

    /// <summary>templates/ beside the content root, or above it (content/&lt;doc&gt;/ → templates/).</summary>
    internal static string? FindTemplates(string contentRoot)
    {
        for (var directory = new DirectoryInfo(Path.GetFullPath(contentRoot)); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "templates");
            if (File.Exists(Path.Combine(candidate, "document.html.sbn"))) return candidate;
        }
        return null;
    }
}
