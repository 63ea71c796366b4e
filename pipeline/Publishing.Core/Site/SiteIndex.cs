using System.Globalization;
using Publishing.Diagnostics;

namespace Publishing.Site;

/// <summary>One document of the content folder as the site index lists it: its last good draft, and how this run went.</summary>
public sealed record SiteEntry(string Slug, BuildRecord? LastGood, int ErrorsNow, string? FirstError);

/// <summary>The index page's model (templates/site/index.html.sbn).</summary>
public sealed record SiteIndexPage(int Documents, int Changed, int Warned, int Failed, string? Report, IReadOnlyList<SiteIndexGroup> Groups);

/// <summary>The documents of one 主管部门.</summary>
public sealed record SiteIndexGroup(string Name, int Changed, IReadOnlyList<SiteIndexRow> Rows);

/// <summary>
/// One row, with what the page prints already worked out: <see cref="Changes"/> is -1 when there is nothing to
/// compare with (a first draft), <see cref="Link"/> the URL-escaped folder ("slug/").
/// </summary>
public sealed record SiteIndexRow(
    string Slug, string Link, string? RowClass, bool Built, string Department, string Title, string Year, string Status,
    string Pages, string? PagesValue, int Warnings, int Changes, string BuiltAt, string Revision, string? Pdf, string? Failure);

/// <summary>
/// artifacts/index.html: every document with its department, year, status, pages, warnings, build time and
/// source revision, links to its page, PDF and change page, and a mark when it changed since the previous
/// draft. Grouped by 主管部门 (a province's thousands of documents are read by supervising department), in each
/// group by department then newest year; a filter box and sortable columns (site.js). Without script it is
/// still one grouped, sorted table. The markup is templates/site/index.html.sbn.
/// </summary>
public static class SiteIndex
{
    public const string FileName = "index.html";

    public static SiteIndexPage Model(IReadOnlyList<SiteEntry> entries, string? reportPage)
    {
        var groups = entries
            .GroupBy(GroupOf, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var rows = g.OrderBy(e => e.LastGood?.Department ?? e.Slug, StringComparer.Ordinal)
                    .ThenByDescending(e => e.LastGood?.Year ?? 0)
                    .ThenBy(e => e.Slug, StringComparer.Ordinal)
                    .Select(Row).ToList();
                return new SiteIndexGroup(g.Key, rows.Count(r => r.Changes > 0), rows);
            })
            .ToList();
        return new SiteIndexPage(entries.Count,
            entries.Count(e => e.LastGood?.Changes > 0), entries.Count(e => e.LastGood?.Warnings > 0), entries.Count(e => e.ErrorsNow > 0),
            reportPage, groups);
    }

    public static string? Render(IReadOnlyList<SiteEntry> entries, string? reportPage, SiteTemplates templates, DiagnosticBag diagnostics) =>
        templates.Render(SiteTemplates.IndexPage, Model(entries, reportPage), "", diagnostics);

    /// <summary>The 主管部门 a document names (a form's 主管部门 field, its code left off), else its own department.</summary>
    private static string GroupOf(SiteEntry entry)
    {
        var record = entry.LastGood;
        if (record is null) return "（尚未生成）";
        if (!string.IsNullOrWhiteSpace(record.Supervisor)) return record.Supervisor;
        return record.Department.Length > 0 ? record.Department : record.Slug;
    }

    private static SiteIndexRow Row(SiteEntry entry)
    {
        var record = entry.LastGood;
        var failure = entry.ErrorsNow == 0 ? null : record is null
            ? $"生成失败：{entry.ErrorsNow} 个错误（{entry.FirstError}）"
            : $"本次生成失败：{entry.ErrorsNow} 个错误，显示的是上次成功的草稿（{entry.FirstError}）";
        var pages = record?.Pages?.ToString(CultureInfo.InvariantCulture);
        return new SiteIndexRow(
            entry.Slug,
            Uri.EscapeDataString(entry.Slug) + "/",
            entry.ErrorsNow > 0 ? "failed" : record?.Changes > 0 ? "changed" : null,
            record is not null,
            record is null ? entry.Slug : record.Department.Length > 0 ? record.Department : entry.Slug,
            record?.Title ?? "",
            record?.Year.ToString(CultureInfo.InvariantCulture) ?? "—",
            record?.Status ?? "—",
            pages ?? "—",
            pages,
            record?.Warnings ?? 0,
            record?.Changes ?? -1,
            record is null ? "—" : Local(record.BuiltAt),
            record is null ? "—" : record.Revision ?? "不在 git 中",
            record?.Pdf is { } pdf ? Uri.EscapeDataString(pdf) : null,
            failure);
    }

    /// <summary>The build time in the machine's time zone, with its offset, for people reading it.</summary>
    private static string Local(string builtAt) =>
        DateTimeOffset.TryParse(builtAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? TimeZoneInfo.ConvertTime(time, TimeZoneInfo.Local).ToString("yyyy-MM-dd HH:mm (UTC zzz)", CultureInfo.InvariantCulture)
            : builtAt;
}
