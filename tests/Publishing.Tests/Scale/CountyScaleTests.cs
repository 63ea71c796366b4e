using Publishing.Build;
using Publishing.SyntheticCounty;
using Publishing.Tests.Support;
using UglyToad.PdfPig;

namespace Publishing.Tests.Scale;

/// <summary>A small synthetic county (10 departments) through the command line, as a nightly builds it.</summary>
public sealed class CountyScaleTests
{
    [Fact]
    public void Ten_departments_build_in_parallel_and_an_edit_rebuilds_only_its_document()
    {
        var content = RepoPaths.NewTempDirectory("county");
        var output = RepoPaths.NewTempDirectory();
        var county = CountyGenerator.Write(content, departments: 10, seed: 11, minProjects: 1, maxProjects: 6);
        string[] Build() => ["build", content, "--templates", RepoPaths.Templates, "--out", output, "--jobs", "4"];

        var first = PublishingCommand.Run(Build());
        first.ExitCode.ShouldBe(0, first.Stderr);
        first.Stderr.ShouldContain("0 个错误");
        foreach (var department in county)
        {
            first.Stdout.ShouldContain($"dept-{department.Slug[5..]}/");
            using var pdf = PdfDocument.Open(Path.Combine(output, department.Slug, department.Slug + ".pdf"));
            pdf.NumberOfPages.ShouldBeGreaterThan(3);
            // Every project has its 绩效目标表: its name is in the PDF's text.
            var text = string.Concat(pdf.GetPages().Select(p => p.Text));
            text.ShouldContain(File.ReadAllText(Path.Combine(department.Directory, "document.yaml")).Split('\n')[1].Split(": ")[1]);
        }

        File.AppendAllText(Path.Combine(county[3].Directory, "sections", "01-overall-goals.md"), "\n补充说明一段。\n");
        var second = PublishingCommand.Run(Build());
        second.ExitCode.ShouldBe(0, second.Stderr);
        var rebuilt = second.Stdout.Split('\n').Where(l => l.StartsWith("已生成") && l.Contains("dept-")).ToList();
        rebuilt.ShouldHaveSingleItem().ShouldContain(county[3].Slug);
        second.Stdout.Split('\n').Count(l => l.StartsWith("无变化")).ShouldBe(9);
    }

    [Fact]
    public void The_shards_of_a_county_build_every_document_exactly_once()
    {
        var content = RepoPaths.NewTempDirectory("county");
        var county = CountyGenerator.Write(content, departments: 10, seed: 3, minProjects: 1, maxProjects: 2);
        var built = new List<string>();
        for (var shard = 1; shard <= 3; shard++)
        {
            var output = RepoPaths.NewTempDirectory();
            var run = PublishingCommand.Run("build", content, "--templates", RepoPaths.Templates, "--out", output, "--format", "html", "--shard", $"{shard}/3");
            run.ExitCode.ShouldBe(0, run.Stderr);
            built.AddRange(Directory.GetDirectories(output).Select(Path.GetFileName).OfType<string>().Where(n => n.StartsWith("dept-")));
        }
        built.Order(StringComparer.Ordinal).ShouldBe(county.Select(d => d.Slug));
    }

    [Fact]
    public void A_department_that_throws_does_not_stop_the_county()
    {
        var content = RepoPaths.NewTempDirectory("county");
        var output = RepoPaths.NewTempDirectory();
        var county = CountyGenerator.Write(content, departments: 10, seed: 5, minProjects: 1, maxProjects: 2);
        var failing = Path.GetFullPath(county.Single(d => d.Slug == "dept-004").Directory);
        DocumentIsolation.FailingDocuments[failing] = new NullReferenceException("simulated bug");
        BatchResult result;
        try
        {
            result = new BatchBuilder(new BuildOptions(content, output, RepoPaths.Templates, OutputFormats.All))
                .Build(county.Select(d => d.Directory).ToList(), new BatchOptions(Jobs: 4));
        }
        finally
        {
            DocumentIsolation.FailingDocuments.TryRemove(failing, out _);
        }

        result.FailedCount.ShouldBe(1);
        result.Documents.Single(d => d.Status == DocumentStatus.Failed).Slug.ShouldBe("dept-004");
        result.BuiltCount.ShouldBe(9);
        foreach (var document in result.Documents.Where(d => d.Succeeded))
        {
            using var pdf = PdfDocument.Open(document.PdfPath!);
            pdf.NumberOfPages.ShouldBe(document.Pages!.Value);
        }
    }
}
