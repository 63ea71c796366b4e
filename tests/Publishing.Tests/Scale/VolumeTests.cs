using Publishing.Build;
using Publishing.SyntheticCounty;
using Publishing.Tests.Support;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;

namespace Publishing.Tests.Scale;

/// <summary>The combined volume (汇编): one PDF, a combined 目录 whose numbers are right, every department bookmarked.</summary>
public sealed class VolumeTests
{
    [Fact]
    public void The_combined_toc_numbers_land_on_each_departments_first_page_and_the_bookmarks_hold_every_department()
    {
        var content = RepoPaths.NewTempDirectory("county");
        var output = RepoPaths.NewTempDirectory();
        var county = CountyGenerator.Write(content, departments: 4, seed: 9, minProjects: 1, maxProjects: 4);
        var departments = county.Select(d => File.ReadAllLines(Path.Combine(d.Directory, "document.yaml"))[1].Split(": ")[1]).ToList();

        var run = PublishingCommand.Run("volume", content, "--templates", RepoPaths.Templates, "--out", output);

        run.ExitCode.ShouldBe(0, run.Stderr);
        using var pdf = PdfDocument.Open(Path.Combine(output, VolumeBuilder.FileName));
        pdf.TryGetBookmarks(out var bookmarks).ShouldBeTrue();
        var roots = bookmarks.Roots.ToList();
        roots.Select(b => b.Title).ShouldBe(departments);

        // The 目录 is the page after the cover; each department's line ends with the printed number of its first page.
        var tocLines = pdf.GetPage(2).GetWords().GroupBy(w => Math.Round(w.BoundingBox.Bottom)).OrderByDescending(g => g.Key)
            .Select(g => string.Concat(g.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text))).ToList();
        foreach (var (department, bookmark) in departments.Zip(roots))
        {
            var line = tocLines.Single(l => l.StartsWith(department, StringComparison.Ordinal) && char.IsDigit(l[^1]));
            var printed = int.Parse(new string(line.Reverse().TakeWhile(char.IsDigit).Reverse().ToArray()));
            var target = ((DocumentBookmarkNode)bookmark).PageNumber;
            var page = pdf.GetPage(target);
            // The footer of that page prints the same number, and the page is that department's first part.
            var words = page.GetWords().ToList();
            var lowest = words.Min(w => w.BoundingBox.Bottom);
            var footer = string.Concat(words.Where(w => w.BoundingBox.Bottom < lowest + 2).Select(w => w.Text));
            new string(footer.Where(char.IsDigit).ToArray()).ShouldBe(printed.ToString());
            page.Text.ShouldContain("第一部分");
        }
        // Continuous numbering (the default theme): the departments' first pages are numbered in increasing order.
        var firstPages = departments.Select(d => tocLines.Single(l => l.StartsWith(d, StringComparison.Ordinal) && char.IsDigit(l[^1]))).ToList();
        firstPages.Select(l => int.Parse(new string(l.Reverse().TakeWhile(char.IsDigit).Reverse().ToArray()))).ShouldBeInOrder();
        pdf.NumberOfPages.ShouldBeGreaterThan(2 + 4 * 4);
    }
}
