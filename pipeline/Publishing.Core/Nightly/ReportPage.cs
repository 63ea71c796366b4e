using System.Globalization;
using System.Net;
using System.Text;

namespace Publishing.Nightly;

/// <summary>
/// The build report as a page of the preview site (report.html): a summary line, one row per document
/// (status, changed since the previous draft, pages, size, time, warnings, errors, a link to its preview and PDF)
/// and every problem with its location. Plain HTML and CSS, no script (the site's CSP forbids it); every text
/// from content or diagnostics is HTML-encoded.
/// </summary>
public static class ReportPage
{
    public static string Render(BuildReport report)
    {
        var t = report.Totals;
        var html = new StringBuilder();
        html.Append($"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self'">
            <title>构建报告 {E(report.Run)}</title>
            <style>
            body {"{"} font-family: "Noto Sans SC", sans-serif; margin: 1.5rem auto; max-width: 72rem; padding: 0 1rem; color: #1a1a1a; {"}"}
            h1 {"{"} font-size: 1.4rem; {"}"} .status-failed {"{"} color: #b00020; {"}"} .status-succeeded {"{"} color: #1b5e20; {"}"}
            table {"{"} border-collapse: collapse; width: 100%; font-size: .9rem; {"}"}
            th, td {"{"} border-bottom: 1px solid #ddd; padding: .35rem .5rem; text-align: left; vertical-align: top; {"}"}
            td.n {"{"} text-align: right; font-variant-numeric: tabular-nums; {"}"}
            .failed {"{"} background: #fdecea; {"}"} code {"{"} font-size: .85rem; {"}"}
            ul.problems {"{"} font-size: .85rem; padding-left: 1.2rem; {"}"} li.error {"{"} color: #b00020; {"}"}
            @media (max-width: 40rem) {"{"} .wide {"{"} display: none; {"}"} {"}"}
            </style>
            </head>
            <body>
            <p><a href="index.html">← 全部文档</a></p>
            <h1>构建报告 {E(report.Run)} <span class="status-{E(report.Status)}">{(report.Succeeded ? "成功" : "失败")}</span></h1>
            <p id="summary">{t.Documents} 个文档：{t.Built} 个已生成，{t.UpToDate} 个无变化，{t.Failed} 个失败；{t.Changed} 个与上一版草案不同；共 {t.Pages} 页，{Size(t.Bytes)}；{t.Errors} 个错误，{t.Warnings} 个警告；用时 {Seconds(t.DurationMs)}（{t.Jobs} 路并行）。开始于 {E(report.Started.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture))}{(report.Previous is null ? "" : $"，上一版草案 {E(report.Previous)}")}。</p>

            """);
        if (report.RunProblems.Count > 0) html.Append(Problems(report.RunProblems));
        html.Append("""
            <table>
            <thead><tr><th>文档</th><th>状态</th><th>与上一版比</th><th class="n">页数</th><th class="n wide">大小</th><th class="n wide">用时</th><th class="n">警告</th><th class="n">错误</th></tr></thead>
            <tbody>

            """);
        foreach (var d in report.Documents)
        {
            var links = d.Status == "failed" ? E(d.Slug)
                : $"<a href=\"{E(d.Slug)}/index.html\">{E(d.Slug)}</a>" +
                  (d.Files.FirstOrDefault(f => f.EndsWith(".pdf", StringComparison.Ordinal)) is { } pdf ? $" <a href=\"{E(d.Slug)}/{E(pdf)}\">PDF</a>" : "") +
                  (d.Files.FirstOrDefault(f => f.EndsWith(".ofd", StringComparison.Ordinal)) is { } ofd ? $" <a href=\"{E(d.Slug)}/{E(ofd)}\">OFD</a>" : "");
            html.Append(CultureInfo.InvariantCulture, $"""
                <tr id="doc-{E(d.Slug)}" class="{E(d.Status)}"><td>{links}</td><td>{Status(d.Status)}</td><td>{(d.Status == "failed" ? "—" : d.Changed ? "有变化" : "相同")}</td><td class="n">{d.Pages?.ToString(CultureInfo.InvariantCulture) ?? "—"}</td><td class="n wide">{Size(d.Bytes)}</td><td class="n wide">{Seconds(d.DurationMs)}</td><td class="n">{d.Warnings}</td><td class="n">{d.Errors}</td></tr>

                """);
            if (d.Diagnostics.Count > 0)
                html.Append("<tr><td colspan=\"8\">").Append(Problems(d.Diagnostics)).Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string Problems(IEnumerable<ReportDiagnostic> diagnostics) =>
        "<ul class=\"problems\">" + string.Concat(diagnostics.Select(p => $"<li class=\"{E(p.Severity)}\"><code>{E(p.ToString())}</code></li>")) + "</ul>\n";

    private static string Status(string status) => status switch
    {
        "built" => "已生成",
        "uptodate" => "无变化",
        "failed" => "失败",
        _ => E(status),
    };

    private static string Size(long bytes) => bytes >= 1 << 20
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0.0} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0} KB");

    private static string Seconds(long ms) => string.Create(CultureInfo.InvariantCulture, $"{ms / 1000.0:0.00} s");

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
