using Publishing.Text;
using System.Diagnostics;
using System.Text;
using Publishing.Tests.Support;

namespace Publishing.Tests.Safety;

/// <summary>
/// End to end: `publishing build` is started as a process on a large generated document and killed
/// at different moments. Afterwards each output is either the previous draft or the complete new one,
/// byte for byte; a partial file never has an output's name (at worst a stray .*.tmp remains).
/// </summary>
public sealed class KillDuringBuildTests : IDisposable
{
    private readonly string _root = RepoPaths.NewTempDirectory("publishing-kill");
    private string Document => Path.Combine(_root, "big");
    private string Output => Path.Combine(_root, "out");

    [Fact]
    public void Killing_a_build_leaves_the_previous_outputs_or_the_complete_new_ones()
    {
        var (previous, next, duration) = PreviousAndCompleteNextDraft();
        next["index.html"].ShouldNotBe(previous["index.html"]);

        var killedWhileRunning = 0;
        const int rounds = 6;
        for (var round = 0; round < rounds; round++)
        {
            Restore(previous);
            var delay = TimeSpan.FromTicks((long)(duration.Ticks * (0.2 + 0.8 * round / rounds)));
            using var process = Start(Output);
            if (!process.WaitForExit(delay))
            {
                process.Kill(entireProcessTree: true);
                killedWhileRunning++;
            }
            process.WaitForExit();

            AssertPreviousOrNext(Path.Combine(Output, "big"), previous, next, $"round {round} (killed after {delay.TotalMilliseconds:0} ms)");
        }
        killedWhileRunning.ShouldBeGreaterThan(0, "no build was still running when killed: the test proved nothing");

        // Rounds aimed at the write itself: kill as soon as a temporary output file appears.
        var killedWhileWriting = 0;
        for (var round = 0; round < 3; round++)
        {
            Restore(previous);
            var folder = Path.Combine(Output, "big");
            using var process = Start(Output);
            var watch = Stopwatch.StartNew();
            while (!process.HasExited && watch.Elapsed < duration * 3)
            {
                if (Directory.EnumerateFiles(folder, ".*.tmp").Any())
                {
                    process.Kill(entireProcessTree: true);
                    killedWhileWriting++;
                    break;
                }
                Thread.SpinWait(1000);
            }
            process.WaitForExit();
            AssertPreviousOrNext(folder, previous, next, $"write round {round}");
        }
        killedWhileWriting.ShouldBeGreaterThan(0, "never caught a build while it was writing its outputs");

        // The next build after the killed ones removes the temporary files they left, and only those.
        var folderAfter = Path.Combine(Output, "big");
        var live = Path.Combine(folderAfter, $".index.html.{Environment.ProcessId}.tmp");
        File.WriteAllText(live, "a build still running in another process");
        var dead = Path.Combine(folderAfter, $".theme.css.{DeadProcessId()}.tmp");
        File.WriteAllText(dead, "left by a killed build");
        Run(Output).ExitCode.ShouldBe(0);
        Directory.EnumerateFiles(folderAfter, ".*.tmp").ShouldBe(new[] { live });
        Snapshot(Output).Keys.Order().ShouldBe(next.Keys.Order());
    }

    [Theory]
    [InlineData("TERM", 143)]
    [InlineData("INT", 130)]
    public void A_signal_during_the_write_removes_our_temporary_files_and_exits_128_plus_its_number(string signal, int exitCode)
    {
        var (previous, next, _) = PreviousAndCompleteNextDraft();
        var folder = Path.Combine(Output, "big");

        var signalled = 0;
        for (var round = 0; round < 5 && signalled == 0; round++)
        {
            Restore(previous);
            using var process = Start(Output);
            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
            while (!process.HasExited && DateTime.UtcNow < deadline)
            {
                if (Directory.EnumerateFiles(folder, ".*.tmp").Any())
                {
                    using var kill = Process.Start("kill", new[] { "-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) })!;
                    kill.WaitForExit();
                    break;
                }
                Thread.SpinWait(1000);
            }
            process.WaitForExit(TimeSpan.FromMinutes(2)).ShouldBeTrue("the signalled build did not end");
            if (process.ExitCode == 0) continue; // it finished before the signal arrived: try again
            process.ExitCode.ShouldBe(exitCode);
            signalled++;
            Directory.EnumerateFiles(folder, ".*.tmp").ShouldBeEmpty();
            AssertPreviousOrNext(folder, previous, next, $"SIG{signal} round {round}");
        }
        signalled.ShouldBeGreaterThan(0, "never caught a build while it was writing its outputs");
    }

    /// <summary>
    /// The previous draft (a small version of the document, built into the output folder) and the complete outputs
    /// of the large new version, built once without interruption elsewhere, with how long that took. The new one is
    /// built over a copy of the previous draft, as the interrupted builds are: the document page and the change page
    /// mark what changed since the previous draft, so a reference built from nothing would differ from them.
    /// </summary>
    private (Dictionary<string, byte[]> Previous, Dictionary<string, byte[]> Next, TimeSpan Duration) PreviousAndCompleteNextDraft()
    {
        GenerateDocument(sections: 1, paragraphs: 3, projects: 1);
        Run(Output).ExitCode.ShouldBe(0);
        var previous = Snapshot(Output);

        GenerateDocument(sections: 60, paragraphs: 30, projects: 150);
        var reference = Path.Combine(_root, "reference");
        RepoPaths.CopyDirectory(Path.Combine(Output, "big"), Path.Combine(reference, "big"));
        var clock = Stopwatch.StartNew();
        var complete = Run(reference);
        var duration = clock.Elapsed;
        complete.ExitCode.ShouldBe(0, complete.Stderr);
        return (previous, Snapshot(reference), duration);
    }

    /// <summary>The id of a process that has ended (ids are reused only after many others, not within a test).</summary>
    private static int DeadProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        process.WaitForExit();
        return process.Id;
    }

    private static void AssertPreviousOrNext(string folder, Dictionary<string, byte[]> previous, Dictionary<string, byte[]> next, string round)
    {
        foreach (var file in Directory.GetFiles(folder))
        {
            var name = Path.GetFileName(file);
            if (name.StartsWith('.') && name.EndsWith(".tmp", StringComparison.Ordinal)) continue;
            (previous.ContainsKey(name) || next.ContainsKey(name)).ShouldBeTrue($"{round}: unexpected file {name}");
            var bytes = File.ReadAllBytes(file);
            (bytes.AsSpan().SequenceEqual(previous.GetValueOrDefault(name)) || bytes.AsSpan().SequenceEqual(next.GetValueOrDefault(name)))
                .ShouldBeTrue($"{round}: {name} is neither the previous nor the complete new output ({bytes.Length} bytes)");
        }
        File.Exists(Path.Combine(folder, "index.html")).ShouldBeTrue();
    }

    private void GenerateDocument(int sections, int paragraphs, int projects)
    {
        if (Directory.Exists(Document)) Directory.Delete(Document, recursive: true);
        Directory.CreateDirectory(Path.Combine(Document, "sections"));
        Directory.CreateDirectory(Path.Combine(Document, "data"));
        var manifest = new StringBuilder("""
            title: 大文档测试
            department: 测试局
            year: 2021
            date: 2021-01-15
            prepared_by: 测试局编制
            reviewed_by: 测试县财政局审核
            unit:
              code: "100001"
              name: 测试局本级
            parts:
              - number: 第一部分
                title: 部门整体绩效目标
                sections:

            """);
        for (var s = 1; s <= sections; s++)
        {
            manifest.Append($"      - sections/{s:000}.md\n");
            var markdown = new StringBuilder($"# {Chinese(s)}、第 {s} 节\n\n");
            for (var p = 1; p <= paragraphs; p++)
                markdown.Append($"（{Chinese(p)}）第 {s} 节第 {p} 段。").Append(string.Concat(Enumerable.Repeat("做好信访接待工作，及时受理群众诉求，维护社会和谐稳定。", 4))).Append("\n\n");
            File.WriteAllText(Path.Combine(Document, "sections", $"{s:000}.md"), markdown.ToString());
        }
        manifest.Append("""
              - number: 第二部分
                title: 预算项目绩效目标
                projects: data/projects.csv
                indicators: data/indicators.csv

            """);
        File.WriteAllText(Path.Combine(Document, "document.yaml"), manifest.ToString());

        var projectRows = new StringBuilder("项目编码,项目名称,预算数,财政资金,其他资金,资金用途,3月底,6月底,10月底,绩效目标\n");
        var indicatorRows = new StringBuilder("项目编码,一级指标,二级指标,三级指标,绩效指标描述,指标值,指标值确定依据\n");
        for (var i = 1; i <= projects; i++)
        {
            projectRows.Append($"P{i:0000},项目{i},10.00,8.00,2.00,保障第 {i} 项工作正常开展。,25,50,75,\"1. 完成第 {i} 项任务。\n2. 确保质量。\"\n");
            foreach (var (l1, l2) in new[] { ("产出指标", "数量指标"), ("产出指标", "质量指标"), ("产出指标", "时效指标"), ("效益指标", "社会效益指标"), ("满意度指标", "服务对象满意度指标") })
                indicatorRows.Append($"P{i:0000},{l1},{l2},第 {i} 项{l2},按计划完成第 {i} 项工作,≥90%,年度工作计划\n");
        }
        File.WriteAllText(Path.Combine(Document, "data", "projects.csv"), projectRows.ToString());
        File.WriteAllText(Path.Combine(Document, "data", "indicators.csv"), indicatorRows.ToString());
    }

    private static string Chinese(int n) => Publishing.Text.ChineseNumbering.ToChinese(n);

    private Process Start(string output)
    {
        var info = PublishingProcess.StartInfo("build", Document, "--out", output, "--format", "html", "--templates", RepoPaths.Templates);
        info.WorkingDirectory = _root;
        // The build time in build.json is the clock unless this is set: fixed, so outputs compare byte for byte.
        info.Environment["SOURCE_DATE_EPOCH"] = "1610668800";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private (int ExitCode, string Stderr) Run(string output)
    {
        var info = PublishingProcess.StartInfo("build", Document, "--out", output, "--format", "html", "--templates", RepoPaths.Templates);
        info.WorkingDirectory = _root;
        info.Environment["SOURCE_DATE_EPOCH"] = "1610668800";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stderr + stdout.Result);
    }

    private Dictionary<string, byte[]> Snapshot(string output) =>
        Directory.GetFiles(Path.Combine(output, "big")).Where(f => !Path.GetFileName(f).StartsWith('.'))
            .ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);

    private void Restore(Dictionary<string, byte[]> files)
    {
        var folder = Path.Combine(Output, "big");
        Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);
        foreach (var (name, bytes) in files) File.WriteAllBytes(Path.Combine(folder, name), bytes);
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}
