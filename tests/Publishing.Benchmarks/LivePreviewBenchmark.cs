using System.Diagnostics;
using System.Globalization;
using PuppeteerSharp;

namespace Publishing.Benchmarks;

/// <summary>
/// Save → edited text visible, as an editor sees it: `publishing serve` on a copy of the sample, the page open in
/// headless Chromium, a section saved N times as editors' editors do (a temporary file, then a rename), each time
/// the time from the rename to the new sentence being in the page (polled in the page every few ms).
/// Whole processes, nothing in-process: what a user waits for. Prints each run, the median and the spread.
/// Usage: live &lt;publishing.dll or executable&gt; &lt;templates&gt; &lt;sample document folder&gt; [runs] [chromium]
/// </summary>
public static class LivePreviewBenchmark
{
    private const string Sentence = "做好党的敏感时期信访保障工作";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 3)
        {
            Console.Error.WriteLine("usage: live <publishing.dll|publishing> <templates> <sample document folder> [runs] [chromium]");
            return 2;
        }
        var (cli, templates, sample) = (Path.GetFullPath(args[0]), Path.GetFullPath(args[1]), Path.GetFullPath(args[2]));
        var runs = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 20;
        var chromium = args.Length > 4 ? args[4] : "/usr/bin/chromium";
        var work = Directory.CreateTempSubdirectory("live-benchmark").FullName;
        try
        {
            var document = Path.Combine(work, "content", "doc");
            Copy(sample, document);
            using var server = Serve(cli, Path.Combine(work, "content"), templates, Path.Combine(work, "out"), out var log);
            var url = await Until(() => Task.FromResult(Address(log)), TimeSpan.FromSeconds(120), "the server's address");
            // The first PDF is built after the first HTML: the server is idle once it is in, as an editor finds it.
            await Until(() => Task.FromResult(Printed(log, "PDF") ? "" : null), TimeSpan.FromSeconds(120), "the first PDF");

            await using var browser = await Puppeteer.LaunchAsync(new LaunchOptions
            {
                Headless = true,
                ExecutablePath = chromium,
                UserDataDir = Path.Combine(work, "chromium"),
                Args = new[] { "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking" },
            });
            var page = await browser.NewPageAsync();
            await page.SetViewportAsync(new ViewPortOptions { Width = 1300, Height = 900 });
            await page.GoToAsync(url + "doc/index.html", WaitUntilNavigation.Load);
            await Task.Delay(1000); // the page's event stream connected (a benchmark may wait; tests may not)

            var section = Path.Combine(document, "sections", "03-safeguards.md");
            var original = File.ReadAllText(section);
            var times = new List<double>();
            var first = 0.0;
            for (var run = 1; run <= runs; run++)
            {
                var marker = $"{Sentence}（第{run}次修改）";
                var pdfs = Count(log, "PDF");
                var clock = Stopwatch.StartNew();
                SaveLikeAnEditor(section, original.Replace(Sentence, marker));
                await Until(async () => await Contains(page, marker) ? "" : null, TimeSpan.FromSeconds(30), $"run {run}'s edit on the page");
                times.Add(clock.Elapsed.TotalMilliseconds);
                if (run == 1) first = clock.Elapsed.TotalMilliseconds;
                Console.WriteLine($"run {run}: {clock.Elapsed.TotalMilliseconds:0} ms");
                // Let the PDF that follows each save finish, as an editor reading the page would.
                await Until(() => Task.FromResult(Count(log, "PDF") > pdfs ? "" : null), TimeSpan.FromSeconds(60), "the PDF after the save");
                await Task.Delay(300);
            }
            times.Sort();
            var median = times.Count % 2 == 1 ? times[times.Count / 2] : (times[times.Count / 2 - 1] + times[times.Count / 2]) / 2;
            Console.WriteLine($"save → edited text visible, {runs} saves (ms): median {median:0}, min {times[0]:0}, max {times[^1]:0}, "
                + $"p90 {times[(int)Math.Ceiling(times.Count * 0.9) - 1]:0}; first save after start {first:0}");
            lock (log)
                Console.WriteLine("server's HTML rebuilds (ms; the first at start): " + string.Join(" ", log
                    .Where(l => l.Contains("：HTML 已更新（", StringComparison.Ordinal))
                    .Select(l => l[(l.LastIndexOf('（') + 1)..].Replace(" ms）", "", StringComparison.Ordinal))));
            Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}; cores: {Environment.ProcessorCount}");
            server.Kill(entireProcessTree: true);
            return 0;
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<bool> Contains(IPage page, string text)
    {
        try
        {
            return await page.EvaluateFunctionAsync<bool>("t => document.body !== null && document.body.textContent.includes(t)", text);
        }
        catch (PuppeteerException)
        {
            return false; // the page is being replaced
        }
    }

    private static Process Serve(string cli, string content, string templates, string output, out List<string> log)
    {
        var info = cli.EndsWith(".dll", StringComparison.Ordinal) ? new ProcessStartInfo("dotnet") : new ProcessStartInfo(cli);
        if (cli.EndsWith(".dll", StringComparison.Ordinal)) info.ArgumentList.Add(cli);
        foreach (var arg in new[] { "serve", content, "--port", "0", "--templates", templates, "--out", output }) info.ArgumentList.Add(arg);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        var lines = new List<string>();
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (lines) lines.Add(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (lines) lines.Add(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        log = lines;
        return process;
    }

    private static string? Address(List<string> log)
    {
        lock (log)
            foreach (var line in log)
            {
                var at = line.IndexOf("http://", StringComparison.Ordinal);
                if (line.StartsWith("预览：", StringComparison.Ordinal) && at >= 0) return line[at..].Split(' ')[0].TrimEnd('/') + "/";
            }
        return null;
    }

    private static bool Printed(List<string> log, string what) => Count(log, what) > 0;

    private static int Count(List<string> log, string what)
    {
        lock (log) return log.Count(l => l.Contains($"：{what} 已更新", StringComparison.Ordinal));
    }

    private static async Task<string> Until(Func<Task<string?>> probe, TimeSpan limit, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < limit)
        {
            if (await probe() is { } found) return found;
            await Task.Delay(5);
        }
        throw new TimeoutException($"waited {limit.TotalSeconds:0} s for {what}");
    }

    private static void SaveLikeAnEditor(string path, string text)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + ".swp");
        File.WriteAllText(temporary, text);
        File.Move(temporary, path, overwrite: true);
    }

    private static void Copy(string source, string target)
    {
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
