using System.Diagnostics;
using System.Globalization;
using Publishing.Tests.Support;

namespace Publishing.Tests.Safety;

/// <summary>
/// Runs stopped by real signals, through the command: a document's files (HTML page, PDF, fonts) are replaced
/// together or not at all even when SIGTERM comes in the middle of their renames; the nightly removes its
/// staging folder on SIGTERM/SIGINT; the next build sweeps every kind of temporary file a killed one left
/// (the document's fonts/ and the cache's state included).
/// </summary>
public sealed class InterruptedRunTests
{
    private const string Epoch = "1610668800"; // a fixed build time: outputs compare byte for byte

    private static Process Start(string workingDirectory, IDictionary<string, string>? environment, params string[] args)
    {
        var info = PublishingProcess.StartInfo(args);
        info.WorkingDirectory = workingDirectory;
        info.Environment["SOURCE_DATE_EPOCH"] = Epoch;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static int Wait(Process process)
    {
        process.WaitForExit(TimeSpan.FromMinutes(3)).ShouldBeTrue("the command did not end");
        return process.ExitCode;
    }

    private static void Signal(Process process, string signal)
    {
        using var kill = Process.Start("kill", new[] { "-" + signal, process.Id.ToString(CultureInfo.InvariantCulture) })!;
        kill.WaitForExit();
    }

    /// <summary>Every output file of the document (hidden ones aside), by its path inside the document's folder.</summary>
    private static Dictionary<string, byte[]> Snapshot(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(folder, f).Split('/').Any(p => p.StartsWith('.')))
            .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes);

    [Fact]
    public void A_sigterm_in_the_middle_of_a_documents_renames_leaves_all_its_files_old_or_all_new()
    {
        var root = RepoPaths.NewTempDirectory("interrupted");
        var (content, document) = RepoPaths.CopyOfSample("doc");
        var output = Path.Combine(root, "out");
        string[] Build(string into) => ["build", content, "--out", into, "--format", "html,pdf", "--templates", RepoPaths.Templates];
        Wait(Start(root, null, Build(output))).ShouldBe(0);
        var previous = Snapshot(Path.Combine(output, "doc"));

        var section = Directory.GetFiles(Path.Combine(document, "sections"), "*.md").Order(StringComparer.Ordinal).First();
        File.AppendAllText(section, "\n本段为中断测试新增的内容，使每个输出都与上一稿不同。\n");
        var reference = Path.Combine(root, "reference");
        RepoPaths.CopyDirectory(output, reference);
        Wait(Start(root, null, Build(reference))).ShouldBe(0);
        var next = Snapshot(Path.Combine(reference, "doc"));
        next.Count(f => !previous.TryGetValue(f.Key, out var old) || !old.AsSpan().SequenceEqual(f.Value)).ShouldBeGreaterThan(1);

        // Each rename of the set is followed by a pause, so the signal lands between two of them.
        var process = Start(root, new Dictionary<string, string> { ["PUBLISHING_TEST_COMMIT_PAUSE_MS"] = "400" }, Build(output));
        var page = Path.Combine(output, "doc", "index.html");
        var watch = Stopwatch.StartNew();
        var signalled = false;
        while (!process.HasExited && watch.Elapsed < TimeSpan.FromMinutes(3))
        {
            // The first of the set's files has been renamed when any output differs from the previous draft.
            if (Snapshot(Path.Combine(output, "doc")).Any(f => !previous.TryGetValue(f.Key, out var old) || !old.AsSpan().SequenceEqual(f.Value)))
            {
                Signal(process, "TERM");
                signalled = true;
                break;
            }
            Thread.Sleep(20);
        }
        var exit = Wait(process);
        signalled.ShouldBeTrue("the build never began replacing its files");
        exit.ShouldBe(143);

        var after = Snapshot(Path.Combine(output, "doc"));
        var allNew = after.Keys.Order().SequenceEqual(next.Keys.Order()) && after.All(f => f.Value.AsSpan().SequenceEqual(next[f.Key]));
        var allOld = after.Keys.Order().SequenceEqual(previous.Keys.Order()) && after.All(f => f.Value.AsSpan().SequenceEqual(previous[f.Key]));
        var mixed = string.Join(", ", after.Select(f => $"{f.Key}: {(next.TryGetValue(f.Key, out var n) && n.AsSpan().SequenceEqual(f.Value) ? "new" : "old")}"));
        (allNew || allOld).ShouldBeTrue($"the document's files are a mix of drafts: {mixed}");
        File.Exists(page).ShouldBeTrue();
        Directory.GetFiles(Path.Combine(output, "doc"), ".*.tmp", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("TERM", 143)]
    [InlineData("INT", 130)]
    public void A_nightly_stopped_by_a_signal_removes_its_staging_folder(string signal, int exitCode)
    {
        var root = RepoPaths.NewTempDirectory("nightly-signal");
        var nightly = Path.Combine(root, "nightly");
        var process = Start(root, null, "nightly", RepoPaths.Sample, "--out", nightly, "--templates", RepoPaths.Templates, "--date", "2021-01-15");
        var watch = Stopwatch.StartNew();
        var signalled = false;
        while (!process.HasExited && watch.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (Directory.Exists(nightly) && Directory.EnumerateDirectories(nightly, ".staging-*").Any())
            {
                Signal(process, signal);
                signalled = true;
                break;
            }
            Thread.Sleep(10);
        }
        var exit = Wait(process);
        signalled.ShouldBeTrue("the nightly never made its staging folder");
        exit.ShouldBe(exitCode);
        Directory.EnumerateDirectories(nightly, ".staging-*").ShouldBeEmpty("the stopped nightly left its staging folder");
        Directory.Exists(Path.Combine(nightly, "2021-01-15")).ShouldBeFalse("a stopped run is never renamed into place");
    }

    [Fact]
    public void The_next_build_sweeps_temporary_files_of_every_kind_a_killed_one_left()
    {
        var root = RepoPaths.NewTempDirectory("swept");
        var (content, _) = RepoPaths.CopyOfSample("doc");
        var output = Path.Combine(root, "out");
        string[] build = ["build", content, "--out", output, "--format", "html", "--templates", RepoPaths.Templates];
        Wait(Start(root, null, build)).ShouldBe(0);
        var fonts = Path.Combine(output, "doc", "fonts");
        Directory.Exists(fonts).ShouldBeTrue("the document page has its web fonts in fonts/");
        var dead = DeadProcessId();
        var left = new[]
        {
            Path.Combine(fonts, $".NotoSerifSC-Regular.ttf.{dead}.tmp"),
            Path.Combine(output, "doc", $".index.html.{dead}.tmp"),
            Path.Combine(output, ".publishing", $".stamps.tsv.{dead}.tmp"),
            Path.Combine(output, ".publishing", "documents", $".doc.json.{dead}.tmp"),
        };
        foreach (var file in left)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, "left by a killed build");
        }
        var live = Path.Combine(fonts, $".NotoSansSC-Regular.ttf.{Environment.ProcessId}.tmp");
        File.WriteAllText(live, "a build still running in another process");

        Wait(Start(root, null, build)).ShouldBe(0);

        left.Where(File.Exists).ShouldBeEmpty();
        File.Exists(live).ShouldBeTrue("a running build's temporary file is not ours to remove");
    }

    private static int DeadProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        process.WaitForExit();
        return process.Id;
    }
}
