using System.Globalization;

namespace Publishing.Site;

/// <summary>One document of the content folder as the site index lists it: its last good draft, and how this run went.</summary>
public sealed record SiteEntry(string Slug, BuildRecord? LastGood, int ErrorsNow, string? FirstError);

/// <summary>
/// artifacts/index.html: every document with its department, year, status, pages, warnings, build time and
/// source revision, links to its page, PDF and change page, and a mark when it changed since the previous
/// draft. Sorted by department then year; a filter box and sortable columns (site.js) for a county's or a
/// province's hundreds of documents; without script it is still one sorted table.
/// </summary>
public static class SiteIndex
{
    public const string FileName = "index.html";

    public static string Render(IReadOnlyList<SiteEntry> entries, string? reportPage)
    {
        var sorted = entries
            .OrderBy(e => e.LastGood?.Department ?? e.Slug, StringComparer.Ordinal)
            .ThenByDescending(e => e.LastGood?.Year ?? 0)
            .ThenBy(e => e.Slug, StringComparer.Ordinal)
            .ToList();
        var changed = sorted.Count(e => e.LastGood?.Changes > 0);
        var warned = sorted.Count(e => e.LastGood?.Warnings > 0);
        var failed = sorted.Count(e => e.ErrorsNow > 0);

        var html = new Html().Head("部门预算绩效文本草案", "");
        html.Line("<body class=\"site-page index-page\">");
        html.Line("<a class=\"skip-link\" href=\"#main\">跳到正文</a>");
        html.Line("<header class=\"site-header\">");
        if (reportPage is not null)
            html.Open("nav", ("class", "site-links"), ("aria-label", "站点导航")).Element("a", "夜间构建报告", ("href", reportPage)).Line("</nav>");
        html.Line("<h1 class=\"site-title\">部门预算绩效文本草案</h1>");
        html.Element("p", $"{sorted.Count} 个文档 · {changed} 个有变化 · {warned} 个有警告" + (failed > 0 ? $" · {failed} 个本次生成失败" : ""),
            ("class", "draft-stamp")).Line();
        html.Line("</header>");
        html.Line("<main id=\"main\">");
        html.Line("<p class=\"index-filter\"><label for=\"filter\">筛选</label> <input id=\"filter\" type=\"search\" placeholder=\"部门、年度、状态…\" autocomplete=\"off\"></p>");
        html.Line("<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"文档列表\">");
        html.Line("<table class=\"document-index\" data-sortable=\"\">");
        html.Line("<caption>全部文档（按部门、年度排列；点击列标题排序）</caption>");
        html.Line("<thead><tr>");
        foreach (var (name, kind) in Columns)
            html.Open("th", ("scope", "col"), ("data-sort", kind)).Text(name).Raw("</th>");
        html.Line("</tr></thead>").Line("<tbody>");
        foreach (var entry in sorted) Row(html, entry);
        html.Line("</tbody></table></div>");
        if (sorted.Count == 0) html.Line("<p>内容目录中没有文档。</p>");
        html.Line("</main>").Line("</body>").Line("</html>");
        return html.ToString();
    }

    private static readonly (string Name, string Kind)[] Columns =
    {
        ("部门", "text"), ("年度", "number"), ("状态", "text"), ("页数", "number"), ("警告", "number"),
        ("变化", "number"), ("生成于", "text"), ("修订", "text"), ("文件", "none"),
    };

    private static void Row(Html html, SiteEntry entry)
    {
        var record = entry.LastGood;
        var link = Uri.EscapeDataString(entry.Slug) + "/";
        html.Open("tr", ("class", entry.ErrorsNow > 0 ? "failed" : record?.Changes > 0 ? "changed" : null), ("data-slug", entry.Slug));
        html.Open("th", ("scope", "row"), ("class", "col-first"));
        if (record is null) html.Text(entry.Slug);
        else html.Element("a", record.Department.Length > 0 ? record.Department : entry.Slug, ("href", link + "index.html")).Raw("<br>").Element("span", record.Title, ("class", "doc-title"));
        if (entry.ErrorsNow > 0)
            html.Element("span", record is null
                ? $"生成失败：{entry.ErrorsNow} 个错误（{entry.FirstError}）"
                : $"本次生成失败：{entry.ErrorsNow} 个错误，显示的是上次成功的草稿（{entry.FirstError}）", ("class", "failure"));
        html.Raw("</th>");
        Cell(html, record?.Year.ToString(CultureInfo.InvariantCulture));
        Cell(html, record?.Status);
        Cell(html, record?.Pages?.ToString(CultureInfo.InvariantCulture), record?.Pages);
        html.Open("td", ("data-value", (record?.Warnings ?? 0).ToString(CultureInfo.InvariantCulture)));
        if (record?.Warnings > 0) html.Element("a", $"{record.Warnings} 个", ("href", link + "index.html#warnings"), ("class", "warning-count"));
        else if (record is not null) html.Text("无");
        html.Raw("</td>");
        html.Open("td", ("data-value", (record?.Changes ?? -1).ToString(CultureInfo.InvariantCulture)));
        if (record?.Changes > 0) html.Element("a", $"● {record.Changes} 处", ("href", link + ChangePage.FileName), ("class", "change-mark"));
        else if (record?.Changes == 0) html.Element("a", "无变化", ("href", link + ChangePage.FileName));
        else if (record is not null) html.Text("第一稿");
        html.Raw("</td>");
        Cell(html, record is null ? null : Local(record.BuiltAt));
        Cell(html, record?.Revision ?? (record is null ? null : "不在 git 中"));
        html.Open("td", ("class", "files"));
        if (record is not null)
        {
            html.Element("a", "HTML", ("href", link + "index.html"));
            if (record.Pdf is not null) html.Raw(" · ").Element("a", "PDF", ("href", link + Uri.EscapeDataString(record.Pdf)));
            html.Raw(" · ").Element("a", "变化", ("href", link + ChangePage.FileName));
        }
        html.Line("</td></tr>");
    }

    private static void Cell(Html html, string? text, int? sortValue = null)
    {
        html.Open("td", ("data-value", sortValue?.ToString(CultureInfo.InvariantCulture))).Text(text ?? "—").Raw("</td>");
    }

    /// <summary>The build time in the machine's time zone, with its offset, for people reading it.</summary>
    private static string Local(string builtAt) =>
        DateTimeOffset.TryParse(builtAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? TimeZoneInfo.ConvertTime(time, TimeZoneInfo.Local).ToString("yyyy-MM-dd HH:mm (UTC zzz)", CultureInfo.InvariantCulture)
            : builtAt;
}
