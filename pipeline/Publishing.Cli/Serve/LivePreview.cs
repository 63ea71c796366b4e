using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Publishing.Build;
using Publishing.Diagnostics;
using Publishing.Site;

namespace Publishing.Cli.Serve;

/// <summary>
/// `publishing serve`: builds the site, serves it on http://127.0.0.1:&lt;port&gt; (loopback only: a preview of
/// unpublished drafts is not for the network), watches content and templates, rebuilds what a save touched
/// and tells the open pages, which update themselves (server-sent events, received by the site's own site.js;
/// docs/site.md). Ctrl+C stops it.
/// </summary>
internal static class LivePreview
{
    /// <summary>The "built" event's data: which document, whether it built, whether with its PDF, and the page's version now.</summary>
    private static string Built(string slug, bool ok, bool pdf, LivePages pages) =>
        JsonSerializer.Serialize(new LiveBuilt(slug, ok, pdf, pages.Version(slug)), LiveJson.Default.LiveBuilt);

    /// <summary>The page of a document that never built (templates/site/not-built.html.sbn), or its errors as text if that template fails too.</summary>
    private static (string Text, string Type) NotBuiltPage(string templates, string slug, IReadOnlyList<string> problems)
    {
        var diagnostics = new DiagnosticBag();
        var page = new SiteTemplates(templates).Render(SiteTemplates.NotBuiltPage, new NotBuiltPageModel(slug, problems), "../", diagnostics);
        return page is not null
            ? (LivePages.WithVersion(page, LivePages.NoVersion), "text/html; charset=utf-8")
            : (string.Join("\n", problems.Concat(diagnostics.Sorted().Select(d => d.ToString()))) + "\n", "text/plain; charset=utf-8");
    }

    /// <summary>Changes closer together than this are one save (temp file + rename, an editor's burst).</summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(40);

    /// <summary>
    /// A PDF starts once the HTML has been quiet this long: the open page fetches its update meanwhile, without
    /// a PDF build competing for the processor; a save during a PDF build is built at once all the same.
    /// </summary>
    private static readonly TimeSpan PdfQuiet = TimeSpan.FromMilliseconds(300);

    public static async Task<int> RunAsync(CommandLine line, string templates, TextWriter stdout, TextWriter stderr)
    {
        var output = Path.GetFullPath(line.OutputRoot);
        Directory.CreateDirectory(output);
        var builder = new LiveBuilder(line.ContentRoot, templates, output, stdout);
        var events = new LiveEvents();
        var pages = new LivePages(output);
        var pdfs = new PdfQueue();
        foreach (var (slug, ok) in builder.BuildHtml(builder.AllDocuments()))
            if (ok) pdfs.Add(slug);

        var web = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = output, Args = Array.Empty<string>() });
        web.Logging.ClearProviders();
        web.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, line.Port));
        web.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(3));
        var app = web.Build();
        var stopping = app.Lifetime.ApplicationStopping;

        // Only this machine's browser, asking for this server by name; the pages' policy as headers; nothing outside the output.
        app.Use((context, next) => LiveSecurity.Guard(context, output, () => next(context)));
        app.MapGet("/_live/events", async context =>
        {
            context.Response.ContentType = "text/event-stream";
            var channel = events.Subscribe();
            using var done = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
            try
            {
                await context.Response.WriteAsync(": connected\n\n", done.Token);
                // A page served before a build that finished while it was loading (its first PDF, most often)
                // learns of it here: the version it was served at is not the current one.
                var document = context.Request.Query["document"].ToString();
                if (document.Length > 0 && context.Request.Query["version"].ToString() != pages.Version(document))
                    await context.Response.WriteAsync($"event: built\ndata: {Built(document, true, false, pages)}\n\n", done.Token);
                await context.Response.Body.FlushAsync(done.Token);
                await foreach (var json in channel.Reader.ReadAllAsync(done.Token))
                {
                    await context.Response.WriteAsync($"event: built\ndata: {json}\n\n", done.Token);
                    await context.Response.Body.FlushAsync(done.Token);
                }
            }
            catch (OperationCanceledException)
            {
                // The page closed or the server is stopping.
            }
            finally
            {
                events.Unsubscribe(channel);
            }
        });
        app.MapGet("/_live/status", (string? document) =>
            Results.Json(new LiveStatus(builder.Problems(document ?? "")), LiveJson.Default.LiveStatus));
        app.MapGet("/favicon.ico", () => Results.NoContent()); // the browser asks; the site has none
        // A document's page is served with the version it was read at (site.js compares it with the builds it
        // hears of); a document that never built has no page yet: say why there, and update when it builds.
        app.Use(async (context, next) =>
        {
            var slug = LivePages.DocumentOf(context.Request.Path.Value ?? "");
            var page = slug is null ? null : pages.Read(slug);
            if (slug is null || (page is null && builder.Problems(slug).Count == 0))
            {
                await next();
                return;
            }
            var (text, type) = page is null ? NotBuiltPage(templates, slug, builder.Problems(slug)) : (page, "text/html; charset=utf-8");
            context.Response.ContentType = type;
            context.Response.Headers.CacheControl = "no-store";
            await context.Response.WriteAsync(text);
        });
        var files = new PhysicalFileProvider(output);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });

        try
        {
            await app.StartAsync();
        }
        catch (IOException e)
        {
            stderr.WriteLine($"publishing: 无法在 127.0.0.1:{line.Port} 上监听（{e.Message}）；请用 --port 换一个端口。");
            return PublishingCli.UsageError;
        }
        stdout.WriteLine($"预览：{app.Urls.First()}/  （内容 {line.ContentRoot}，模板 {templates}；按 Ctrl+C 停止）");
        stdout.Flush();

        using var watcher = new ChangeWatcher(new[] { line.ContentRoot, templates }, Quiet);
        var lastHtml = Stopwatch.StartNew();
        var htmls = new HtmlQueue();
        var htmlWorker = Task.Run(async () =>
        {
            while (!stopping.IsCancellationRequested)
            {
                var (slug, cancel) = await htmls.NextAsync(stopping);
                bool? ok;
                try
                {
                    ok = builder.BuildHtml(slug, cancel);
                }
                finally
                {
                    htmls.Done();
                }
                lastHtml.Restart();
                if (ok is null) continue;   // made obsolete by a newer save, which builds it again now
                events.Publish(Built(slug, ok.Value, false, pages));
                if (ok.Value) pdfs.Add(slug);
            }
        }, stopping);
        var pdfWorker = Task.Run(async () =>
        {
            while (!stopping.IsCancellationRequested)
            {
                var slug = await pdfs.NextAsync(stopping);
                // The PDFs wait until the HTML has been quiet for a moment.
                while (!stopping.IsCancellationRequested && (lastHtml.Elapsed < PdfQuiet || watcher.HasPending || htmls.HasWaiting))
                    await Task.Delay(PdfQuiet / 6, stopping);
                var ok = builder.BuildPdf(slug);
                if (ok is not null) events.Publish(Built(slug, ok.Value, true, pages));
            }
        }, stopping);
        try
        {
            // The first save is the one an editor notices: the code it runs is compiled now, before they make it.
            foreach (var slug in builder.AllDocuments().Take(1)) { builder.WarmUp(slug); builder.WarmUp(slug); }
            // Saves are taken as they come, also while a build runs: a save of the document being built cancels that
            // build (and its PDF), and the document is built again from the newest save.
            while (!stopping.IsCancellationRequested)
            {
                var batch = await watcher.NextBatchAsync(stopping);
                htmls.Add(builder.Affected(batch));
                lastHtml.Restart();
            }
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C
        }
        foreach (var worker in new[] { htmlWorker, pdfWorker })
            try
            {
                await worker;
            }
            catch (OperationCanceledException)
            {
                // stopped while waiting or between builds
            }
        await app.StopAsync();
        stdout.WriteLine("预览已停止。");
        return PublishingCli.Ok;
    }
}
