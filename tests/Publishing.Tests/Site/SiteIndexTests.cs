using AngleSharp.Html.Parser;
using Publishing.Tests.Support;

namespace Publishing.Tests.Site;

/// <summary>The site index over a content folder, and what a full or HTML-only build leaves in the output folder.</summary>
public sealed class SiteIndexTests
{
    [Fact]
    public void The_index_lists_every_document_and_a_full_build_removes_the_outputs_of_a_removed_one()
    {
        var (content, first) = RepoPaths.CopyOfSample("a");
        RepoPaths.CopyDirectory(first, Path.Combine(content, "b"));
        var output = RepoPaths.NewTempDirectory("site");
        Directory.CreateDirectory(Path.Combine(output, "notes"));
        File.WriteAllText(Path.Combine(output, "notes", "keep.txt"), "not ours");

        Build(content, output, "html,pdf");
        var rows = Index(output).QuerySelectorAll("table.document-index tbody tr[data-slug]");
        rows.Select(r => r.GetAttribute("data-slug")).ShouldBe(new[] { "a", "b" });
        var cells = rows[0].QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToArray();
        cells[0].ShouldStartWith("承德县信访局");
        cells[1..6].ShouldBe(new[] { "2021", "草案", "13", $"{Checks.SeedWarningsTests.Expected.Length} 个", "第一稿" });   // the seed's warnings
        cells[7].ShouldBe("不在 git 中");
        rows[0].QuerySelectorAll("td.files a").Select(a => a.GetAttribute("href")).ShouldBe(new[] { "a/index.html", "a/a.pdf", "a/changes.html" });
        rows[0].QuerySelector("a.warning-count")!.GetAttribute("href").ShouldBe("a/index.html#warnings");

        Directory.Delete(Path.Combine(content, "b"), recursive: true);
        Build(content, output, "html");
        Directory.Exists(Path.Combine(output, "b")).ShouldBeFalse();
        File.Exists(Path.Combine(output, "notes", "keep.txt")).ShouldBeTrue("only documents' output folders are removed");
        Index(output).QuerySelectorAll("table.document-index tbody tr[data-slug]").Select(r => r.GetAttribute("data-slug")).ShouldBe(new[] { "a" });
    }

    [Fact]
    public void An_html_only_build_leaves_no_stale_pdf_linked_as_current()
    {
        var (content, _) = RepoPaths.CopyOfSample("a");
        var output = RepoPaths.NewTempDirectory("site");
        Build(content, output, "html,pdf");
        File.Exists(Path.Combine(output, "a", "a.pdf")).ShouldBeTrue();

        Build(content, output, "html");
        File.Exists(Path.Combine(output, "a", "a.pdf")).ShouldBeFalse();
        Index(output).QuerySelectorAll("td.files a").Select(a => a.TextContent).ShouldBe(new[] { "HTML", "变化" });
        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(output, "a", "index.html")));
        page.QuerySelectorAll(".site-links a").Select(a => a.GetAttribute("href")).ShouldNotContain("a.pdf");
        page.QuerySelectorAll(".toc-page").ShouldBeEmpty("page numbers only when the PDF was built in the same run");
    }

    [Fact]
    public void A_document_that_fails_this_run_keeps_its_last_good_draft_with_the_failure_on_the_index()
    {
        var (content, document) = RepoPaths.CopyOfSample("a");
        var output = RepoPaths.NewTempDirectory("site");
        Build(content, output, "html");
        File.AppendAllText(Path.Combine(document, "data", "projects.csv"), "13082121P45WZGGZ5EGH4,重复,1,1,0,x,25,50,75,x\n");

        var result = PublishingCommand.Run("build", content, "--out", output, "--format", "html", "--templates", RepoPaths.Templates);
        result.ExitCode.ShouldBe(1);
        var row = Index(output).QuerySelector("table.document-index tbody tr[data-slug]")!;
        row.ClassList.ShouldContain("failed");
        row.QuerySelector(".failure")!.TextContent.ShouldContain("本次生成失败");
        row.QuerySelector(".failure")!.TextContent.ShouldContain("data/projects.csv(");
        row.QuerySelector("td.files a")!.GetAttribute("href").ShouldBe("a/index.html");
    }

    private static void Build(string content, string output, string formats)
    {
        var result = PublishingCommand.Run("build", content, "--out", output, "--format", formats, "--templates", RepoPaths.Templates);
        result.ExitCode.ShouldBe(0, result.Stderr);
    }

    private static AngleSharp.Html.Dom.IHtmlDocument Index(string output) =>
        new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(output, "index.html")));
}

/// <summary>A province's index: hundreds of documents grouped by 主管部门, each group sorted, in a compact page.</summary>
public sealed class SiteIndexScaleTests
{
    [Fact]
    public void Two_hundred_documents_are_grouped_by_supervising_department_then_listed_by_department_and_newest_year()
    {
        // 50 departments × 4 years; every department but the ninth in each ten has a 主管部门 (one of 8).
        var entries = Enumerable.Range(0, 200).Select(i => new Publishing.Site.SiteEntry($"doc-{i:000}",
            new Publishing.Site.BuildRecord($"doc-{i:000}", "标题", $"部门{(199 - i) / 4:00}", 2020 + i % 4, "草案", "2021-01-15",
                12, i % 3, "2026-11-27T22:00:00Z", "abc1234", $"doc-{i:000}.pdf", i % 5 == 0 ? 2 : 0, "上一稿",
                (199 - i) / 4 % 10 == 9 ? null : $"主管{(199 - i) / 4 % 8}"), 0, null)).ToList();

        var diagnostics = new Publishing.Diagnostics.DiagnosticBag();
        var html = Publishing.Site.SiteIndex.Render(entries, "report.html", new Publishing.Site.SiteTemplates(RepoPaths.Templates), diagnostics);
        diagnostics.Items.ShouldBeEmpty();

        var page = new HtmlParser().ParseDocument(html!);
        var groups = page.QuerySelectorAll("table.document-index tbody.index-group");
        var names = groups.Select(g => g.QuerySelector("tr.group-header .group-name")!.TextContent).ToList();
        // Eight 主管部门, then the five departments that name none, each its own group; in order.
        names.ShouldBe(Enumerable.Range(0, 8).Select(n => $"主管{n}").Concat(new[] { "部门09", "部门19", "部门29", "部门39", "部门49" }).ToList());
        foreach (var group in groups)
        {
            var header = group.QuerySelector("tr.group-header th")!;
            header.GetAttribute("scope").ShouldBe("rowgroup");
            var rows = group.QuerySelectorAll("tr[data-slug]");
            header.TextContent.ShouldContain($"{rows.Length} 个文档");
            var keys = rows.Select(r => (r.QuerySelector("th a")!.TextContent, int.Parse(r.QuerySelectorAll("td")[0].TextContent))).ToList();
            keys.ShouldBe(keys.OrderBy(k => k.TextContent, StringComparer.Ordinal).ThenByDescending(k => k.Item2).ToList());
        }
        groups[0].QuerySelectorAll("tr[data-slug] th a").Select(a => a.TextContent).Distinct()
            .ShouldBe(new[] { "部门00", "部门08", "部门16", "部门24", "部门32", "部门40", "部门48" });
        page.QuerySelectorAll("tr[data-slug]").Length.ShouldBe(200);
        page.QuerySelectorAll("a.change-mark").Length.ShouldBe(40);
        page.QuerySelector(".draft-stamp")!.TextContent.ShouldContain("200 个文档 · 13 个主管部门");
        page.QuerySelector(".site-links a")!.GetAttribute("href").ShouldBe("report.html");
        (html!.Length / 1024).ShouldBeLessThan(400, "about 2 KB a document");
    }
}
