using System.Globalization;
using Publishing.Build;
using Spectre.Console;

namespace Publishing.Cli;

/// <summary>
/// Progress of a run over several documents, on stderr: a Spectre.Console bar on a terminal; one plain line per
/// finished document when stderr is redirected or in CI (CI=true), where a redrawn bar would be garbage in a log.
/// A single document shows nothing: its diagnostics follow at once.
/// </summary>
internal static class BuildProgress
{
    public static BatchResult Run(int documents, TextWriter stderr, Func<Action<DocumentResult>?, BatchResult> run)
    {
        if (documents < 2) return run(null);
        if (!Interactive(stderr)) return run(Plain(documents, stderr));

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stderr) });
        BatchResult? result = null;
        console.Progress()
            .AutoClear(true)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask("构建文档", maxValue: documents);
                result = run(done =>
                {
                    task.Increment(1);
                    task.Description = $"{Markup.Escape(done.Slug)} {Status(done)}";
                });
            });
        return result!;
    }

    private static Action<DocumentResult> Plain(int documents, TextWriter stderr)
    {
        var finished = 0;
        return done =>
        {
            finished++;
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[{finished}/{documents}] {done.Slug} {Status(done)}（{done.Duration.TotalSeconds:0.00} s）"));
        };
    }

    /// <summary>A terminal a person watches: the real stderr, not redirected, not a CI log.</summary>
    private static bool Interactive(TextWriter stderr) =>
        ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected &&
        Environment.GetEnvironmentVariable("CI") is not ("true" or "1") && Environment.GetEnvironmentVariable("TERM") != "dumb";

    private static string Status(DocumentResult document) => document.Status switch
    {
        DocumentStatus.Built => "已生成",
        DocumentStatus.UpToDate => "无变化",
        DocumentStatus.Validated => "已检查",
        _ => "失败",
    };

    /// <summary>The run in one line, after the diagnostics.</summary>
    public static string Summary(BatchResult result, bool validateOnly)
    {
        var counts = validateOnly
            ? $"{result.Documents.Count - result.FailedCount} 个通过检查，{result.FailedCount} 个有错误"
            : $"{result.BuiltCount} 个已生成，{result.UpToDateCount} 个无变化，{result.FailedCount} 个失败";
        return string.Create(CultureInfo.InvariantCulture,
            $"{result.Documents.Count} 个文档：{counts}；用时 {result.Duration.TotalSeconds:0.00} s（{result.Jobs} 路并行）");
    }
}
