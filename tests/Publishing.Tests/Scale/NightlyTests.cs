using System.Text.Json;
using Publishing.Build;
using Publishing.Nightly;
using Publishing.SyntheticCounty;
using Publishing.Tests.Support;

namespace Publishing.Tests.Scale;

/// <summary>The nightly run: a folder per run, latest only on success, what failed and where, retention.</summary>
public sealed class NightlyTests
{
    private readonly string _content = RepoPaths.NewTempDirectory("county");
    private readonly string _root = RepoPaths.NewTempDirectory("nightly");
    private readonly IReadOnlyList<CountyGenerator.GeneratedDocument> _county;

    public NightlyTests() => _county = CountyGenerator.Write(_content, departments: 3, seed: 7, minProjects: 1, maxProjects: 3);

    private NightlyResult Night(string date, int keep = 14, string? templates = null) =>
        NightlyRun.Run(
            new NightlyOptions(_root, new BuildOptions(_content, "unused", templates ?? RepoPaths.Templates), keep, DateOnly.Parse(date)),
            _county.Select(d => d.Directory).ToList(), new BatchOptions(Jobs: 2));

    private string LatestName => Path.GetFileName(NightlyRun.Latest(_root)!);

    [Fact]
    public void A_good_night_writes_its_folder_with_report_and_points_latest_at_it()
    {
        var night = Night("2021-01-15");

        night.Succeeded.ShouldBeTrue(string.Join("\n", night.Batch.Diagnostics));
        night.Directory.ShouldBe(Path.Combine(_root, "2021-01-15"));
        LatestName.ShouldBe("2021-01-15");
        foreach (var document in _county)
        {
            File.Exists(Path.Combine(_root, "latest", document.Slug, "index.html")).ShouldBeTrue();
            File.Exists(Path.Combine(_root, "latest", document.Slug, document.Slug + ".pdf")).ShouldBeTrue();
        }
        Directory.EnumerateDirectories(_root, ".staging-*").ShouldBeEmpty();

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(night.Directory, "report.json")));
        json.RootElement.GetProperty("status").GetString().ShouldBe("succeeded");
        json.RootElement.GetProperty("totals").GetProperty("documents").GetInt32().ShouldBe(3);
        var first = json.RootElement.GetProperty("documents")[0];
        first.GetProperty("slug").GetString().ShouldBe("dept-001");
        first.GetProperty("pages").GetInt32().ShouldBeGreaterThan(3);
        first.GetProperty("changed").GetBoolean().ShouldBeTrue();           // nothing before it
        var files = first.GetProperty("files").EnumerateArray().Select(f => f.GetString()!).ToList();
        files.ShouldContain("dept-001.pdf");
        first.GetProperty("bytes").GetInt64().ShouldBe(files.Sum(f => new FileInfo(Path.Combine(night.Directory, "dept-001", f)).Length));
        File.ReadAllText(Path.Combine(night.Directory, "index.html")).ShouldContain("report.html");     // the site index links the report
        File.ReadAllText(Path.Combine(night.Directory, "report.html")).ShouldContain("href=\"dept-001/dept-001.pdf\"");

        // The next night with one document edited: only it changed since the previous draft, and only it was rendered.
        File.AppendAllText(Path.Combine(_county[1].Directory, "sections", "03-safeguards.md"), "\n新增一段说明。\n");
        var next = Night("2021-01-16");
        next.Succeeded.ShouldBeTrue();
        next.Report.Previous.ShouldBe("2021-01-15");
        next.Report.Documents.Select(d => (d.Slug, d.Status, d.Changed)).ShouldBe(
            [("dept-001", "uptodate", false), ("dept-002", "built", true), ("dept-003", "uptodate", false)]);
        LatestName.ShouldBe("2021-01-16");
        File.ReadAllText(Path.Combine(_root, "2021-01-15", "dept-002", "index.html")).ShouldNotContain("新增一段说明。");
    }

    [Fact]
    public void A_broken_document_fails_the_night_without_moving_latest_and_says_what_failed_where()
    {
        Night("2021-01-15").Succeeded.ShouldBeTrue();
        File.WriteAllText(Path.Combine(_county[2].Directory, "data", "projects.csv"), "项目编码,项目名称\n\"unclosed\n");

        var night = Night("2021-01-16");

        night.Succeeded.ShouldBeFalse();
        LatestName.ShouldBe("2021-01-15");
        Directory.Exists(Path.Combine(_root, "2021-01-16")).ShouldBeTrue();
        var failed = File.ReadAllText(Path.Combine(_root, "2021-01-16", NightlyRun.FailedFile));
        failed.ShouldContain("dept-003");
        failed.ShouldContain("dept-003/data/projects.csv(");
        failed.ShouldContain("error PUB");
        night.Report.Status.ShouldBe("failed");
        night.Report.Documents.Single(d => d.Slug == "dept-003").Diagnostics.ShouldContain(d => d.IsError && d.Path.EndsWith("dept-003/data/projects.csv") && d.Line > 0);
        // The other documents were still built.
        night.Report.Documents.Where(d => d.Slug != "dept-003").ShouldAllBe(d => d.Status != "failed");

        // The same command line: exit code 1 and the same message.
        var command = PublishingCommand.Run("nightly", _content, "--templates", RepoPaths.Templates, "--out", _root, "--date", "2021-01-16");
        command.ExitCode.ShouldBe(1);
        command.Stderr.ShouldContain("夜间构建失败");
        LatestName.ShouldBe("2021-01-15");
        Directory.Exists(Path.Combine(_root, "2021-01-16.2")).ShouldBeTrue();       // a second run that day: its own folder
    }

    [Fact]
    public void A_broken_site_index_template_fails_the_night_without_moving_latest()
    {
        Night("2021-01-15").Succeeded.ShouldBeTrue();
        var templates = RepoPaths.NewTempDirectory("templates");
        RepoPaths.CopyDirectory(RepoPaths.Templates, templates);
        File.AppendAllText(Path.Combine(templates, "site", "index.html.sbn"), "\n{{ if site.documents.size > 0 }}\n");

        var night = Night("2021-01-16", templates: templates);

        night.Succeeded.ShouldBeFalse();
        LatestName.ShouldBe("2021-01-15");
        night.Report.Status.ShouldBe("failed");
        night.Report.RunProblems.ShouldContain(p => p.IsError && p.Path.EndsWith("site/index.html.sbn"));
        File.ReadAllText(Path.Combine(_root, "2021-01-16", NightlyRun.FailedFile)).ShouldContain("site/index.html.sbn(");
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(night.Directory, "report.json")));
        json.RootElement.GetProperty("status").GetString().ShouldBe("failed");
    }

    [Fact]
    public void Keeps_the_newest_runs_and_always_the_one_latest_points_at()
    {
        Night("2021-01-10", keep: 2).Succeeded.ShouldBeTrue();
        File.WriteAllText(Path.Combine(_county[0].Directory, "document.yaml"), "title: [unclosed\n");
        Night("2021-01-11", keep: 2).Succeeded.ShouldBeFalse();
        Night("2021-01-12", keep: 2).Succeeded.ShouldBeFalse();
        var last = Night("2021-01-13", keep: 2);

        // Two newest kept; 2021-01-10 kept too because latest still points at it.
        NightlyRun.Runs(_root).ShouldBe(["2021-01-10", "2021-01-12", "2021-01-13"]);
        last.Removed.ShouldBe(["2021-01-11"]);
        LatestName.ShouldBe("2021-01-10");
    }
}
