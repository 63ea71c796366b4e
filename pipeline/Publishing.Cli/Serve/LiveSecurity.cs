using Microsoft.AspNetCore.Http;
using Publishing.Content;
using Publishing.Site;

namespace Publishing.Cli.Serve;

/// <summary>
/// What keeps the preview of unpublished drafts to this machine's own browser. It listens on 127.0.0.1 only, and
/// answers only a request that names it so (Host 127.0.0.1, localhost or [::1] with its port): a page of another
/// site whose name was made to point at 127.0.0.1 (DNS rebinding) gets 421 Misdirected Request, not the drafts.
/// Every response carries the pages' Content-Security-Policy and nosniff as headers, and no file is served whose
/// real path (links followed) leaves the output folder.
/// </summary>
internal static class LiveSecurity
{
    /// <summary>Whether the Host header names this server: a loopback name with the port the request came in on.</summary>
    public static bool IsOwnHost(HostString host, int localPort)
    {
        if (!host.HasValue) return false;
        var port = host.Port ?? 80;
        return port == localPort && host.Host.ToLowerInvariant() is "127.0.0.1" or "localhost" or "[::1]";
    }

    /// <summary>
    /// Whether a request's path leads outside the output folder once links are followed (a link in the output folder
    /// to /etc/passwd, or to a folder above it): then it is not served.
    /// </summary>
    public static bool LeavesOutput(string outputRoot, PathString path)
    {
        var relative = (path.Value ?? "").TrimStart('/');
        if (relative.Length == 0) return false;
        var full = Path.GetFullPath(Path.Combine(outputRoot, relative));
        if (!full.StartsWith(outputRoot.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return true;
        // Each existing part of the path is checked: a linked folder on the way counts as much as a linked file.
        for (var part = full; part.Length > outputRoot.Length; part = Path.GetDirectoryName(part)!)
            if ((File.Exists(part) || Directory.Exists(part)) && !RealPaths.IsInside(outputRoot, part)) return true;
        return false;
    }

    public static async Task Guard(HttpContext context, string outputRoot, Func<Task> next)
    {
        if (!IsOwnHost(context.Request.Host, context.Connection.LocalPort))
        {
            context.Response.StatusCode = StatusCodes.Status421MisdirectedRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync($"预览只回答 http://127.0.0.1:{context.Connection.LocalPort}/ 或 localhost、[::1] 同一端口上的请求。\n");
            return;
        }
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurity.Policy;
        headers.XContentTypeOptions = "nosniff";
        // Revalidated on every use (an unchanged font subset is a 304, not a download), never stale.
        headers.CacheControl = "no-cache";
        if (LeavesOutput(outputRoot, context.Request.Path))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        await next();
    }
}
