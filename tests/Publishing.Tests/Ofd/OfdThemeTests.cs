using System.Text.Json;
using System.Text.RegularExpressions;
using Publishing.Build;
using Publishing.Nightly;
using Publishing.SyntheticCounty;
using Publishing.Tests.Support;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;

namespace Publishing.Tests.Ofd;

/// <summary>
/// The theme's ofd: true: the nightly writes every document's OFD beside its PDF and its report lists them; the
/// volume is written as volume.ofd beside volume.pdf, with the same pages, text and bookmarks.
/// </summary>
public sealed class OfdThemeTests
{
    private static string NoSpace(string s) => Regex.Replace(s, @"\s+", "");

    [Fact]
    public void The_nightly_writes_and_lists_each_documents_ofd_beside_its_pdf_when_the_theme_asks()
    {
        var content = RepoPaths.NewTempDirectory("county");
        var root = RepoPaths.NewTempDirectory("nightly");
        var county = CountyGenerator.Write(content, departments: 2, seed: 5, minProjects: 1, maxProjects: 2);
        var night = NightlyRun.Run(new NightlyOptions(root, new BuildOptions(content, "unused", TemplatesWithOfd()), 14, new DateOnly(2021, 1, 15)),
            county.Select(d => d.Directory).ToList(), new BatchOptions(Jobs: 2));

        night.Succeeded.ShouldBeTrue(string.Join("\n", night.Batch.Diagnostics));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(night.Directory, "report.json")));
        var report = File.ReadAllText(Path.Combine(night.Directory, "report.html"));
        foreach (var (document, entry) in county.Zip(json.RootElement.GetProperty("documents").EnumerateArray()))
        {
            var files = entry.GetProperty("files").EnumerateArray().Select(f => f.GetString()).ToList();
            files.ShouldContain($"{document.Slug}.pdf");
            files.ShouldContain($"{document.Slug}.ofd");
            report.ShouldContain($"<a href=\"{document.Slug}/{document.Slug}.pdf\">PDF</a> <a href=\"{document.Slug}/{document.Slug}.ofd\">OFD</a>");
            var ofd = new OfdPackage(File.ReadAllBytes(Path.Combine(night.Directory, document.Slug, document.Slug + ".ofd")));
            using var pdf = PdfDocument.Open(Path.Combine(night.Directory, document.Slug, document.Slug + ".pdf"));
            ofd.Pages.Count.ShouldBe(pdf.NumberOfPages);
            entry.GetProperty("pages").GetInt32().ShouldBe(pdf.NumberOfPages);
        }

        // The default theme asks for no OFD: a build with the default formats makes none.
        var output = RepoPaths.NewTempDirectory("no-ofd");
        PublishingCommand.Run("build", county[0].Directory, "--out", output, "--templates", RepoPaths.Templates).ExitCode.ShouldBe(0);
        File.Exists(Path.Combine(output, county[0].Slug, county[0].Slug + ".pdf")).ShouldBeTrue();
        Directory.GetFiles(output, "*.ofd", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Fact]
    public void The_volume_is_written_as_ofd_too_with_the_pdfs_pages_text_and_bookmarks()
    {
        var content = RepoPaths.NewTempDirectory("county");
        var output = RepoPaths.NewTempDirectory("volume");
        var county = CountyGenerator.Write(content, departments: 3, seed: 11, minProjects: 1, maxProjects: 2);

        var run = PublishingCommand.Run("volume", content, "--templates", TemplatesWithOfd(), "--out", output);
        run.ExitCode.ShouldBe(0, run.Stderr);
        run.Stdout.ShouldContain(VolumeBuilder.OfdFileName);

        var ofd = new OfdPackage(File.ReadAllBytes(Path.Combine(output, VolumeBuilder.OfdFileName)));
        using var pdf = PdfDocument.Open(Path.Combine(output, VolumeBuilder.FileName));
        ofd.Pages.Count.ShouldBe(pdf.NumberOfPages);
        for (var i = 0; i < ofd.Pages.Count; i++)
            NoSpace(ofd.Text(i)).ShouldBe(NoSpace(string.Concat(pdf.GetPage(i + 1).Letters.Select(l => l.Value))), $"page {i + 1}");
        pdf.TryGetBookmarks(out var bookmarks).ShouldBeTrue();
        var departments = bookmarks.Roots.Cast<DocumentBookmarkNode>().Select(b => (0, b.Title, b.PageNumber - 1)).ToList();
        departments.Count.ShouldBe(county.Count);
        ofd.Outline().Where(o => o.Depth == 0).ShouldBe(departments);
        ofd.Info.Element(OfdPackage.Ofd + "Title")!.Value.ShouldBe(pdf.Information.Title);

        // Without the theme's ofd: true the volume has no OFD, and the earlier one is not left beside the new PDF.
        PublishingCommand.Run("volume", content, "--templates", RepoPaths.Templates, "--out", output).ExitCode.ShouldBe(0);
        File.Exists(Path.Combine(output, VolumeBuilder.OfdFileName)).ShouldBeFalse();
    }

    /// <summary>The templates with the theme's ofd: true (the font files linked, not copied).</summary>
    private static string TemplatesWithOfd() => RepoPaths.TemplatesWithThemeLine("\nofd: false\n", "\nofd: true\n");
}
