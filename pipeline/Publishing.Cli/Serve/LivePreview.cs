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

namespace Publishing.Cli.Serve;

/// <summary>
/// `publishing serve`: builds the site, serves it on http://127.0.0.1:&lt;port&gt; (loopback only: a preview of
/// unpublished drafts is not for the network), watches content and templates, rebuilds what a save touched
/// and tells the open pages to reload (server-sent events, received by the site's own site.js). Ctrl+C stops it.
/// </summary>
internal static class LivePreview
{
    private static string NotBuiltPage(string slug, IReadOnlyList<string> problems)
    {
        var name = WebUtility.HtmlEncode(slug);
        var items = string.Concat(problems.Select(p => $"<li>{WebUtility.HtmlEncode(p)}</li>"));
        return "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            + $"<meta http-equiv=\"Content-Security-Policy\" content=\"{Publishing.Site.ContentSecurity.Policy}\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + $"<title>{name}：尚未生成</title><link rel=\"stylesheet\" href=\"../_site/site.css\"><script src=\"../_site/site.js\" defer></script></head>"
            + $"<body class=\"site-page\"><main id=\"main\" class=\"change-list\"><h1 class=\"site-title\">{name} 还没有成功生成过</h1>"
            + $"<p>改正下面的错误并保存，页面会自动刷新：</p><ul>{items}</ul></main></body></html>\n";
    }

    /// <summary>Changes closer together than this are one save (temp file + rename, an editor's burst).</summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(40);

    public static async Task<int> RunAsync(CommandLine line, string templates, TextWriter stdout, TextWriter stderr)
    {
        var output = Path.GetFullPath(line.OutputRoot);
        Directory.CreateDirectory(output);
        var builder = new LiveBuilder(line.ContentRoot, templates, output, stdout);
        var events = new LiveEvents();
        builder.Build(builder.AllDocuments(), OutputFormats.Html);

        var web = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = output, Args = Array.Empty<string>() });
        web.Logging.ClearProviders();
        web.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, line.Port));
        web.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(3));
        var app = web.Build();
        var stopping = app.Lifetime.ApplicationStopping;

        app.Use(async (context, next) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            await next();
        });
        app.MapGet("/_live/events", async context =>
        {
            context.Response.ContentType = "text/event-stream";
            var channel = events.Subscribe();
            using var done = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
            try
            {
                await context.Response.WriteAsync(": connected\n\n", done.Token);
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
            Results.Json(new { problems = builder.Problems(document ?? "") }));
        app.MapGet("/favicon.ico", () => Results.NoContent()); // the browser asks; the site has none
        // A document that never built has no page yet: say why there, and reload when it builds (site.js).
        app.Use(async (context, next) =>
        {
            var parts = (context.Request.Path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length is 1 or 2 && (parts.Length == 1 || parts[1] == "index.html")
                && !File.Exists(Path.Combine(output, parts[0], "index.html")) && builder.Problems(parts[0]).Count > 0)
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(NotBuiltPage(parts[0], builder.Problems(parts[0])));
                return;
            }
            await next();
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
        var pdfPending = new HashSet<string>(builder.AllDocuments(), StringComparer.Ordinal);
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                // The PDFs wait until no newer change does.
                while (pdfPending.Count > 0 && !watcher.HasPending && !stopping.IsCancellationRequested)
                {
                    var slug = pdfPending.First();
                    pdfPending.Remove(slug);
                    builder.Build(new[] { slug }, OutputFormats.All);
                    events.Publish(JsonSerializer.Serialize(new { document = slug, ok = builder.Problems(slug).Count == 0, pdf = true }));
                }
                var batch = await watcher.NextBatchAsync(stopping);
                var affected = builder.Affected(batch);
                foreach (var (slug, ok) in builder.Build(affected, OutputFormats.Html))
                {
                    events.Publish(JsonSerializer.Serialize(new { document = slug, ok, pdf = false }));
                    pdfPending.Add(slug);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C
        }
        await app.StopAsync();
        stdout.WriteLine("预览已停止。");
        return PublishingCli.Ok;
    }
}
