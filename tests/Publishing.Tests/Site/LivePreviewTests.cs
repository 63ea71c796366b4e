using System.Diagnostics;
using System.Globalization;
using PuppeteerSharp;
using Publishing.Tests.Support;
using Xunit.Abstractions;

namespace Publishing.Tests.Site;

/// <summary>
/// `publishing serve` as an editor uses it: started as a process on a copy of the sample, the page open in
/// Chromium; a saved edit appears on the page, a broken CSV shows its located error while the last good page
/// stays, the server listens on loopback only and Ctrl+C (SIGINT) stops it cleanly.
/// </summary>
public sealed class LivePreviewTests : IDisposable
{
    private readonly ITestOutputHelper _output;
    private readonly List<string> _stdout = new();
    private Process? _server;
    private string _out = "";

    public LivePreviewTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task An_edit_shows_on_the_open_page_and_a_broken_csv_shows_its_error_while_the_server_keeps_running()
    {
        var (content, document) = RepoPaths.CopyOfSample();
        var url = await StartServerAsync(content);
        var port = new Uri(url).Port;
        ListeningAddresses(port).ShouldBe(new[] { "127.0.0.1" }, "the preview listens on loopback only");

        await using var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            Headless = true,
            ExecutablePath = "/usr/bin/chromium",
            UserDataDir = RepoPaths.NewTempDirectory("chromium-profile"),
            Args = new[] { "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking" },
        });
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, e) => { if (e.Message.Type == ConsoleType.Error) errors.Add(e.Message.Text); };
        // Opened at once, before the first PDF is in: when it lands the page shows its page numbers and link,
        // without a reload by hand (the page tells the server which version it was served at).
        await page.GoToAsync(url + "doc/index.html");
        (await page.EvaluateExpressionAsync<string>("document.body.textContent")).ShouldContain("做好党的敏感时期信访保障工作");
        await Poll.Until(async () => await EvaluateNumber(page, "document.querySelectorAll('nav.toc .toc-page').length") == 6
            && await Evaluate(page, "document.querySelector('.site-links a[href=\"doc.pdf\"]')?.textContent ?? ''") == "PDF 草案",
            "the first PDF's page numbers and link on the page opened before it was built", seconds: 60);
        await Poll.Until(() => Task.FromResult(Printed("PDF 已更新")), "the server's log of the first PDF");

        // Save as editors' editors do: a temporary file, then a rename over the original. The page is updated in
        // place: same window (no reload), same scroll position, the new text.
        await page.EvaluateExpressionAsync("window.scrollTo(0, document.getElementById('三工作保障措施').offsetTop); window.keptAcrossUpdates = true");
        var scrolled = await page.EvaluateExpressionAsync<double>("window.scrollY");
        scrolled.ShouldBeGreaterThan(500);
        var section = Path.Combine(document, "sections", "03-safeguards.md");
        var clock = Stopwatch.StartNew();
        SaveLikeAnEditor(section, File.ReadAllText(section).Replace("做好党的敏感时期信访保障工作", "做好重要节点信访保障工作"));
        await Poll.Until(async () => (await Evaluate(page, "document.body.textContent"))?.Contains("做好重要节点信访保障工作") == true,
            "the edit on the open page", seconds: 20);
        _output.WriteLine($"save → updated page: {clock.ElapsedMilliseconds} ms");
        (await page.EvaluateExpressionAsync<bool>("window.keptAcrossUpdates === true")).ShouldBeTrue("updated in place, not reloaded");
        (await page.EvaluateExpressionAsync<double>("window.scrollY")).ShouldBe(scrolled, 2);
        (await page.EvaluateExpressionAsync<int>("document.querySelectorAll('h1').length")).ShouldBe(1);

        // A CSV with an unclosed quote: the error, located, on the page; the last good content stays.
        var indicators = Path.Combine(document, "data", "indicators.csv");
        SaveLikeAnEditor(indicators, File.ReadAllText(indicators).Replace(",≥95 百分比,年度工作计划", ",\"≥95 百分比,年度工作计划"));
        string? banner = null;
        await Poll.Until(async () => (banner = await Evaluate(page, "document.getElementById('live-problems')?.textContent ?? ''"))?.Contains("data/indicators.csv(") == true,
            "the CSV's error on the page", seconds: 20);
        banner!.ShouldContain("error PUB");
        await Poll.Until(async () => (await Evaluate(page, "document.body.textContent"))?.Contains("做好重要节点信访保障工作") == true,
            "the last good page stays");
        _server!.HasExited.ShouldBeFalse();
        using (var http = new HttpClient())
            (await http.GetAsync(url + "index.html")).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        lock (_stdout) _stdout.ShouldContain(l => l.Contains("data/indicators.csv(") && l.Contains("error"));
        errors.Where(e => !e.Contains("EventSource", StringComparison.Ordinal)).ShouldBeEmpty();

        // Ctrl+C: a clean stop.
        using (var kill = Process.Start("kill", new[] { "-INT", _server.Id.ToString(CultureInfo.InvariantCulture) })) kill.WaitForExit();
        _server.WaitForExit(15_000).ShouldBeTrue("the server stops on Ctrl+C");
        _server.ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task A_page_served_before_a_build_it_missed_is_told_so_when_it_connects()
    {
        var (content, _) = RepoPaths.CopyOfSample();
        var url = await StartServerAsync(content);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var page = await http.GetStringAsync(url + "doc/index.html");
        var version = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(page)
            .QuerySelector("meta[name='publishing-live-version']")?.GetAttribute("content");
        version.ShouldNotBeNullOrEmpty("the served page says which version it is");

        // Connected with an older version than the page's file now has: the first event says the document was built.
        var (first, _) = await FirstEventAsync(http, url + "_live/events?document=doc&version=1");
        first.ShouldNotBeNull();
        first.ShouldContain("\"document\":\"doc\"");
        first.ShouldContain("\"ok\":true");
        // Connected with the current version (read again: the PDF may have landed since): no such event.
        await Poll.Until(() => Task.FromResult(Printed("PDF 已更新")), "the first PDF", seconds: 60);
        var current = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await http.GetStringAsync(url + "doc/"))
            .QuerySelector("meta[name='publishing-live-version']")!.GetAttribute("content")!;
        // (The PDF's build bumps the version; it may already have landed before the first request, so `current`
        // can equal `version`: what matters is that the current version gets no event.)
        long.Parse(current, System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBeGreaterThanOrEqualTo(long.Parse(version!, System.Globalization.CultureInfo.InvariantCulture));
        var (none, connected) = await FirstEventAsync(http, url + "_live/events?document=doc&version=" + current, wait: TimeSpan.FromSeconds(1));
        connected.ShouldBeTrue();
        none.ShouldBeNull();
    }

    [Fact]
    public async Task Saving_a_workbook_the_document_reads_rebuilds_its_page()
    {
        var (content, document) = RepoPaths.CopyOfSample();
        var workbook = CsvToWorkbook.Convert(document, "budget-text", "绩效目标表.xlsx", "一级指标");
        var url = await StartServerAsync(content);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        (await http.GetStringAsync(url + "doc/")).ShouldContain("60.00");

        // Excel saves to a temporary file, then renames it over the workbook.
        var projects = workbook["项目"];
        foreach (var name in new[] { "预算数", "财政资金" })
            projects.Rows[1].Values[Array.IndexOf(projects.Rows[0].Values, name)] = new Num(72.5, "#,##0.00");
        var path = Path.Combine(document, "data", "绩效目标表.xlsx");
        var temporary = Path.Combine(document, "data", "~$绩效目标表.tmp");
        workbook.Save(temporary);
        File.Move(temporary, path, overwrite: true);
        await Poll.Until(async () => (await http.GetStringAsync(url + "doc/")).Contains("72.50"),
            "the page shows the amount saved in the workbook", seconds: 30);
    }

    [Fact]
    public async Task A_document_that_never_built_shows_its_errors_then_its_page_once_fixed()
    {
        var (content, document) = RepoPaths.CopyOfSample();
        var indicators = Path.Combine(document, "data", "indicators.csv");
        var good = File.ReadAllText(indicators);
        File.WriteAllText(indicators, good.Replace(",≥95 百分比,年度工作计划", ",\"≥95 百分比,年度工作计划"));
        var url = await StartServerAsync(content);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await http.GetStringAsync(url + "doc/"));
        page.QuerySelector("h1")!.TextContent.ShouldBe("doc 还没有成功生成过");
        page.QuerySelectorAll("main li").ShouldContain(li => li.TextContent.Contains("data/indicators.csv(") && li.TextContent.Contains("error PUB"));
        page.QuerySelector("meta[name='publishing-live-version']")!.GetAttribute("content").ShouldBe("0");
        page.QuerySelector("meta[http-equiv='Content-Security-Policy']").ShouldNotBeNull();

        SaveLikeAnEditor(indicators, good);
        await Poll.Until(async () => (await http.GetStringAsync(url + "doc/")).Contains("做好党的敏感时期信访保障工作"),
            "the document's page once the CSV is fixed", seconds: 30);
    }

    [Fact]
    public async Task A_section_edit_rebuilds_only_its_document_and_a_template_edit_rebuilds_every_document()
    {
        var content = RepoPaths.NewTempDirectory("content");
        RepoPaths.CopyDirectory(RepoPaths.Sample, Path.Combine(content, "first"));
        RepoPaths.CopyDirectory(RepoPaths.Sample, Path.Combine(content, "second"));
        var templates = RepoPaths.NewTempDirectory("templates");
        RepoPaths.CopyDirectory(RepoPaths.Templates, templates);
        var url = await StartServerAsync(content, templates);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        await Poll.Until(() => Task.FromResult(Printed("first：PDF 已更新") && Printed("second：PDF 已更新")),
            "both documents' first PDFs", seconds: 120);

        // A section of one document: that document is rebuilt, the other is not.
        int logged;
        lock (_stdout) logged = _stdout.Count;
        var section = Path.Combine(content, "first", "sections", "03-safeguards.md");
        SaveLikeAnEditor(section, File.ReadAllText(section).Replace("做好党的敏感时期信访保障工作", "做好重要节点信访保障工作"));
        await Poll.Until(async () => (await http.GetStringAsync(url + "first/")).Contains("做好重要节点信访保障工作"),
            "the edit in the first document's page", seconds: 30);
        await Poll.Until(() => Task.FromResult(PrintedSince(logged, "first：PDF 已更新")), "the edited document's PDF", seconds: 60);
        PrintedSince(logged, "second：").ShouldBeFalse("a section of the first document rebuilt the second");
        (await http.GetStringAsync(url + "second/")).ShouldContain("做好党的敏感时期信访保障工作");

        // A template shared by both: every document is rebuilt with it.
        var cover = Path.Combine(templates, "partials", "cover.html.sbn");
        SaveLikeAnEditor(cover, File.ReadAllText(cover).Replace("（{{ meta.status }}）", "（{{ meta.status }}·模板已修改）"));
        foreach (var slug in new[] { "first", "second" })
            await Poll.Until(async () => (await http.GetStringAsync(url + slug + "/")).Contains("模板已修改"),
                $"the template's edit in {slug}'s page", seconds: 30);
    }

    [Fact]
    public async Task A_save_made_while_an_obsolete_rebuild_runs_cancels_it_and_its_page_is_the_one_shown()
    {
        var (content, document) = RepoPaths.CopyOfSample();
        var url = await StartServerAsync(content);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        await Poll.Until(() => Task.FromResult(Printed("doc：PDF 已更新")), "the first PDF", seconds: 60);
        var section = Path.Combine(document, "sections", "03-safeguards.md");
        var original = File.ReadAllText(section);

        // A normal save, for its normal time.
        int before;
        lock (_stdout) before = _stdout.Count;
        var clock = Stopwatch.StartNew();
        SaveLikeAnEditor(section, original.Replace("做好党的敏感时期信访保障工作", "做好重要节点信访保障工作"));
        await Poll.Until(async () => (await http.GetStringAsync(url + "doc/")).Contains("做好重要节点信访保障工作"), "a normal save on the page", seconds: 30);
        var normal = clock.Elapsed;
        await Poll.Until(() => Task.FromResult(PrintedSince(before, "doc：HTML 已更新")), "the normal save's log line");

        // A paste of 12 MB by mistake (within the content limit), and while it builds, the save that takes it out again.
        int logged;
        lock (_stdout) logged = _stdout.Count;
        var paste = string.Join("\n\n", Enumerable.Range(0, 6_000).Select(i => $"误粘贴的第{i}段：" + string.Concat(Enumerable.Repeat("本局全年接待群众来访，确保信访工作正常开展。", 30))));
        SaveLikeAnEditor(section, original + "\n\n" + paste + "\n");
        await Task.Delay(TimeSpan.FromMilliseconds(300));   // the paste's build is under way (a save is quiet after 40 ms; it takes seconds)
        clock.Restart();
        SaveLikeAnEditor(section, original.Replace("做好党的敏感时期信访保障工作", "做好换届期间信访保障工作"));
        await Poll.Until(async () => (await http.GetStringAsync(url + "doc/")).Contains("做好换届期间信访保障工作"), "the newest save on the page", seconds: 60);
        _output.WriteLine($"normal save → page: {normal.TotalMilliseconds:F0} ms; the save after the paste → page: {clock.ElapsedMilliseconds} ms");

        // The paste's build was cancelled and dropped: never written, so never on the page; the newest save's build is the one written
        // (its log line follows its page, which the browser may see first).
        await Poll.Until(() => Task.FromResult(PrintedSince(logged, "doc：HTML 已更新")), "the newest save's log line");
        PrintedSince(logged, "doc：HTML 已被新的保存取代，没有写出").ShouldBeTrue(string.Join("\n", _stdout.Skip(logged)));
        lock (_stdout) _stdout.Skip(logged).Count(l => l.Contains("doc：HTML 已更新", StringComparison.Ordinal)).ShouldBe(1, string.Join("\n", _stdout.Skip(logged)));
        await Task.Delay(TimeSpan.FromSeconds(2));
        var page = await http.GetStringAsync(url + "doc/");
        page.ShouldContain("做好换届期间信访保障工作");
        page.ShouldNotContain("误粘贴的第");
        (await http.GetStringAsync(url + "doc/changes.html")).ShouldNotContain("误粘贴的第");
    }

    [Fact]
    public async Task The_server_answers_only_its_own_name_sends_the_pages_policy_as_headers_and_serves_nothing_outside_its_folder()
    {
        var (content, _) = RepoPaths.CopyOfSample();
        var url = await StartServerAsync(content);
        var port = new Uri(url).Port;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        async Task<HttpResponseMessage> Get(string path, string? host = null)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, url + path);
            request.Headers.Host = host ?? $"127.0.0.1:{port}";
            return await http.SendAsync(request);
        }

        foreach (var host in new[] { $"127.0.0.1:{port}", $"localhost:{port}", $"LocalHost:{port}", $"[::1]:{port}" })
            (await Get("doc/", host)).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, host);
        // A page on a domain rebound to 127.0.0.1 names its own host: no drafts, no diagnostics, no events.
        foreach (var host in new[] { $"drafts.attacker.example:{port}", "drafts.attacker.example", $"localhost.attacker.example:{port}", $"127.0.0.1:{port + 1}", "127.0.0.1" })
            foreach (var path in new[] { "doc/", "index.html", "_live/status?document=doc", "_site/site.css" })
            {
                var refused = await Get(path, host);
                refused.StatusCode.ShouldBe(System.Net.HttpStatusCode.MisdirectedRequest, $"{host} {path}");
                (await refused.Content.ReadAsStringAsync()).ShouldNotContain("信访");
            }

        // The policy the pages' meta element states, as a header, and nosniff, on pages and files alike.
        var page = await Get("doc/");
        var meta = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync())
            .QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content");
        meta.ShouldBe(Publishing.Site.ContentSecurity.Policy);
        foreach (var response in new[] { page, await Get("index.html"), await Get("_site/site.js"), await Get("doc/changes.html") })
        {
            response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
            response.Headers.GetValues("Content-Security-Policy").ShouldHaveSingleItem().ShouldBe(meta);
            response.Headers.GetValues("X-Content-Type-Options").ShouldHaveSingleItem().ShouldBe("nosniff");
        }

        // Links in the output folder that lead out of it are not followed; one that stays inside is.
        File.CreateSymbolicLink(Path.Combine(_out, "x"), "/etc/passwd");
        Directory.CreateSymbolicLink(Path.Combine(_out, "root"), "/");
        Directory.CreateSymbolicLink(Path.Combine(_out, "doc", "drafts"), content);
        File.CreateSymbolicLink(Path.Combine(_out, "site.css"), Path.Combine(_out, "_site", "site.css"));
        foreach (var path in new[] { "x", "root/etc/passwd", "root/etc/", "doc/drafts/doc/document.yaml", "doc/drafts/doc/" })
        {
            var response = await Get(path);
            response.StatusCode.ShouldBeOneOf(new[] { System.Net.HttpStatusCode.NotFound, System.Net.HttpStatusCode.Forbidden }, path);
            var body = await response.Content.ReadAsStringAsync();
            body.ShouldNotContain("root:");
            body.ShouldNotContain("测试");
            body.ShouldNotContain("department");
        }
        (await Get("site.css")).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
    }

    /// <summary>The first "built" event's data on the stream within the wait (null if none), and whether it connected.</summary>
    private static async Task<(string? Data, bool Connected)> FirstEventAsync(HttpClient http, string url, TimeSpan? wait = null)
    {
        using var cancel = new CancellationTokenSource(wait ?? TimeSpan.FromSeconds(20));
        var connected = false;
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));
            while (await reader.ReadLineAsync(cancel.Token) is { } line)
            {
                if (line.StartsWith(": connected", StringComparison.Ordinal)) connected = true;
                if (line.StartsWith("data: ", StringComparison.Ordinal)) return (line[6..], connected);
            }
        }
        catch (OperationCanceledException)
        {
            // no event within the wait
        }
        return (null, connected);
    }

    private static async Task<int?> EvaluateNumber(IPage page, string expression)
    {
        try
        {
            return await page.EvaluateExpressionAsync<int>(expression);
        }
        catch (PuppeteerException)
        {
            return null; // the page is reloading
        }
    }

    /// <summary>A string from the page; null while it is reloading (the server rebuilt it).</summary>
    private static async Task<string?> Evaluate(IPage page, string expression)
    {
        try
        {
            return await page.EvaluateExpressionAsync<string>(expression);
        }
        catch (PuppeteerException)
        {
            return null; // the page is reloading
        }
    }

    private bool Printed(string text) => PrintedSince(0, text);

    private bool PrintedSince(int line, string text)
    {
        lock (_stdout) return _stdout.Skip(line).Any(l => l.Contains(text, StringComparison.Ordinal));
    }

    private static void SaveLikeAnEditor(string path, string text)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + ".swp");
        File.WriteAllText(temporary, text);
        File.Move(temporary, path, overwrite: true);
    }

    private async Task<string> StartServerAsync(string content, string? templates = null)
    {
        _out = RepoPaths.NewTempDirectory("serve-out");
        var info = PublishingProcess.StartInfo("serve", content, "--port", "0",
            "--templates", templates ?? RepoPaths.Templates, "--out", _out);
        _server = Process.Start(info)!;
        var address = new TaskCompletionSource<string>();
        _server.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (_stdout) _stdout.Add(e.Data);
            var at = e.Data.IndexOf("http://", StringComparison.Ordinal);
            if (e.Data.StartsWith("预览：", StringComparison.Ordinal) && at >= 0) address.TrySetResult(e.Data[at..].Split(' ')[0].TrimEnd('/') + "/");
        };
        _server.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_stdout) _stdout.Add(e.Data); };
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        var started = await Task.WhenAny(address.Task, Task.Delay(TimeSpan.FromSeconds(60)));
        started.ShouldBe(address.Task, "the server printed its address: " + string.Join("\n", _stdout));
        return address.Task.Result;
    }

    /// <summary>The local addresses of the sockets listening on the port (from /proc/net/tcp and tcp6).</summary>
    private static string[] ListeningAddresses(int port)
    {
        var addresses = new List<string>();
        foreach (var file in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(file)) continue;
            foreach (var line in File.ReadLines(file).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var local = fields[1].Split(':');
                if (fields[3] != "0A" || int.Parse(local[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture) != port) continue;
                addresses.Add(local[0] switch
                {
                    "0100007F" => "127.0.0.1",
                    "00000000000000000000000001000000" => "::1",
                    _ => local[0],
                });
            }
        }
        return addresses.Distinct().ToArray();
    }

    public void Dispose()
    {
        if (_server is { HasExited: false }) _server.Kill(entireProcessTree: true);
        _server?.Dispose();
    }
}
