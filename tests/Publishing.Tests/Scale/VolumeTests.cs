using Publishing.Build;
using Publishing.SyntheticCounty;
using Publishing.Tests.Support;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Outline;

namespace Publishing.Tests.Scale;

/// <summary>The combined volume (汇编): one PDF, a combined 目录 whose numbers are right, every department bookmarked.</summary>
public sealed class VolumeTests
{
    [Theory]
    [InlineData("continuous")]
    [InlineData("per_document")]
    public void Every_toc_number_is_the_footer_of_the_page_its_entry_begins_on_and_the_bookmarks_hold_every_department(string numbering)
    {
        var content = RepoPaths.NewTempDirectory("county");
        var output = RepoPaths.NewTempDirectory();
        var templates = TemplatesNumbering(numbering);
        var county = CountyGenerator.Write(content, departments: 4, seed: 9, minProjects: 1, maxProjects: 4);
        var departments = county.Select(d => File.ReadAllLines(Path.Combine(d.Directory, "document.yaml"))[1].Split(": ")[1]).ToList();

        var run = PublishingCommand.Run("volume", content, "--templates", templates, "--out", output);

        run.ExitCode.ShouldBe(0, run.Stderr);
        using var pdf = PdfDocument.Open(Path.Combine(output, VolumeBuilder.FileName));
        pdf.TryGetBookmarks(out var bookmarks).ShouldBeTrue();
        var roots = bookmarks.Roots.Cast<DocumentBookmarkNode>().ToList();
        roots.Select(b => b.Title).ShouldBe(departments);

        // The 目录 is the page after the cover: each department's line, then the lines of its parts, each ending
        // with a printed page number.
        var tocLines = Lines(pdf.GetPage(2)).Where(l => char.IsDigit(l[^1])).ToList();
        var departmentNumbers = new List<int>();
        var partsChecked = 0;
        for (var d = 0; d < departments.Count; d++)
        {
            var at = tocLines.FindIndex(l => l.StartsWith(departments[d], StringComparison.Ordinal));
            at.ShouldBeGreaterThanOrEqualTo(0, $"{departments[d]} is not in the 目录");
            var printed = NumberAtEnd(tocLines[at]);
            departmentNumbers.Add(printed);
            // The department's line leads to the page of its bookmark: the footer prints that number, the page
            // is the department's first part.
            var first = pdf.GetPage(roots[d].PageNumber);
            Footer(first).ShouldBe(printed.ToString(), $"{departments[d]}: 目录 says {printed}");
            first.Text.ShouldContain("第一部分");

            // Its parts: the lines up to the next department's, each matched to the department's own bookmark of
            // that part (the same title), whose page prints the number the 目录 gives.
            var end = d + 1 < departments.Count ? tocLines.FindIndex(l => l.StartsWith(departments[d + 1], StringComparison.Ordinal)) : tocLines.Count;
            var parts = roots[d].Children.Cast<DocumentBookmarkNode>().ToList();
            foreach (var line in tocLines.Skip(at + 1).Take(end - at - 1))
            {
                var part = parts.First(p => line.StartsWith(p.Title.Replace(" ", "").Replace("\u3000", ""), StringComparison.Ordinal));
                Footer(pdf.GetPage(part.PageNumber)).ShouldBe(NumberAtEnd(line).ToString(), $"{departments[d]} {part.Title}");
                partsChecked++;
            }
            (end - at - 1).ShouldBeGreaterThan(1, $"{departments[d]} lists its parts");
        }
        partsChecked.ShouldBeGreaterThanOrEqualTo(2 * departments.Count);

        if (numbering == "continuous")
        {
            departmentNumbers[0].ShouldBe(1);
            departmentNumbers.ShouldBeInOrder();
            departmentNumbers.Distinct().Count().ShouldBe(departments.Count);
        }
        else
        {
            // Each department starts again at 1 and counts its own pages: the first department's footers up to
            // the second department (whose cover is unnumbered) read 1, 2, 3 …
            departmentNumbers.ShouldAllBe(n => n == 1);
            var footers = Enumerable.Range(roots[0].PageNumber, roots[1].PageNumber - roots[0].PageNumber)
                .Select(n => Footer(pdf.GetPage(n))).Where(f => f.Length > 0).Select(int.Parse).ToList();
            footers.ShouldBe(Enumerable.Range(1, footers.Count));
            footers.Count.ShouldBeGreaterThan(3);
        }
        pdf.NumberOfPages.ShouldBeGreaterThan(2 + 4 * 4);
        // The page labels a viewer shows are the printed numbers, in either numbering (roman where none is printed).
        var labels = PdfJs.Read(Path.Combine(output, VolumeBuilder.FileName)).PageLabels!;
        for (var n = 1; n <= pdf.NumberOfPages; n++)
            labels[n - 1].ShouldBe(Footer(pdf.GetPage(n)) is { Length: > 0 } printed ? printed : labels[n - 1], $"page {n}");
        labels.Where((label, i) => Footer(pdf.GetPage(i + 1)).Length == 0).ShouldAllBe(label => System.Text.RegularExpressions.Regex.IsMatch(label, "^[ivxlc]+$"));
        // Documents of one year: the cover names it, and nothing is said.
        string.Concat(Lines(pdf.GetPage(1))).ShouldContain("2021年部门预算绩效文本汇编");
        run.DiagnosticLines.ShouldNotContain(l => l.Contains("PUB5003"));
    }

    [Fact]
    public void A_volume_of_documents_of_several_years_names_their_range_on_its_cover_and_warns_at_the_odd_one()
    {
        var content = RepoPaths.NewTempDirectory("county");
        var output = RepoPaths.NewTempDirectory();
        var county = CountyGenerator.Write(content, departments: 4, seed: 3, minProjects: 1, maxProjects: 2);
        int[] years = [2021, 2020, 2021, 2023];
        for (var i = 0; i < county.Count; i++)
        {
            var manifest = Path.Combine(county[i].Directory, "document.yaml");
            var lines = File.ReadAllLines(manifest);
            lines[2].ShouldBe("year: 2021");
            lines[2] = $"year: {years[i]}";
            File.WriteAllLines(manifest, lines);
        }

        var run = PublishingCommand.Run("volume", content, "--templates", RepoPaths.Templates, "--out", output);

        run.ExitCode.ShouldBe(0, run.Stderr);
        using var pdf = PdfDocument.Open(Path.Combine(output, VolumeBuilder.FileName));
        string.Concat(Lines(pdf.GetPage(1))).ShouldContain("2020—2023年部门预算绩效文本汇编");
        pdf.Information.Title.ShouldBe("2020—2023 年部门预算绩效文本汇编");
        // One warning, at the year of the first document not of the volume's main year (2021, two documents).
        var warning = run.DiagnosticLines.Single(l => l.Contains("PUB5003"));
        warning.ShouldContain(Path.Combine("dept-002", "document.yaml") + "(3,7): warning PUB5003: 汇编合并了 3 个年度的文档");
        warning.ShouldContain("封面写作“2020—2023 年”");
        warning.ShouldContain("这份文档是 2020 年的，而多数文档是 2021 年的");

        // The theme's words instead: the cover says them, and the combination is no longer a surprise.
        var templates = TemplatesWith("volume_year: \"\"", "volume_year: 2020—2023 年度");
        var worded = PublishingCommand.Run("volume", content, "--templates", templates, "--out", output);
        worded.ExitCode.ShouldBe(0, worded.Stderr);
        using var again = PdfDocument.Open(Path.Combine(output, VolumeBuilder.FileName));
        string.Concat(Lines(again.GetPage(1))).ShouldContain("2020—2023年度部门预算绩效文本汇编");
        worded.DiagnosticLines.ShouldNotContain(l => l.Contains("PUB5003"));
    }

    [Fact]
    public void Departments_of_every_form_are_in_the_toc_with_their_page_and_in_the_bookmarks_and_keep_their_page_size()
    {
        // The shipped content: the budget text (parts, numbered) and three one-table forms that print no page
        // numbers of their own, one of them landscape.
        var output = RepoPaths.NewTempDirectory();
        var run = PublishingCommand.Run("volume", RepoPaths.Content, "--templates", RepoPaths.Templates, "--out", output);

        run.ExitCode.ShouldBe(0, run.Stderr);
        using var pdf = PdfDocument.Open(Path.Combine(output, VolumeBuilder.FileName));
        pdf.TryGetBookmarks(out var bookmarks).ShouldBeTrue();
        var roots = bookmarks.Roots.Cast<DocumentBookmarkNode>().ToList();
        // In the documents' order (their folders'): the sample, the city's 申报表, the department goals, the 申报表,
        // the 中期/年度 form and the 申报表 read from a workbook (its own department).
        roots.Select(b => b.Title).ShouldBe(["承德县信访局部门", "示例市民政局", "示例县文化广电和旅游局", "示例县农业农村局", "示例市生态环境局", "示例县水利局"]);
        var tocLines = Lines(pdf.GetPage(2));
        var printed = new List<int>();
        var used = new HashSet<int>();
        foreach (var root in roots)
        {
            // Two documents of one department have a line each: each root takes the first line of its title not yet taken.
            var index = tocLines.FindIndex(l => l.StartsWith(root.Title, StringComparison.Ordinal) && !used.Contains(tocLines.IndexOf(l)));
            index.ShouldBeGreaterThanOrEqualTo(0, root.Title);
            used.Add(index);
            var line = tocLines[index];
            var number = NumberAtEnd(line);
            number.ShouldBeGreaterThan(0, $"{root.Title}: {line}");
            Footer(pdf.GetPage(root.PageNumber)).ShouldBe(number.ToString(), $"{root.Title}: the 目录 says {number}");
            printed.Add(number);
        }
        printed.ShouldBeInOrder();
        printed.Distinct().Count().ShouldBe(roots.Count);
        // The shipped documents are of 2021 (the sample) and 2024 (the examples): the cover says so, and the
        // odd one out is pointed at.
        string.Concat(Lines(pdf.GetPage(1))).ShouldContain("2021—2024年部门预算绩效文本汇编");
        run.DiagnosticLines.Single(l => l.Contains("PUB5003"))
            .ShouldContain(Path.Combine("chengde-xinfang-2021", "document.yaml") + "(7,7): warning PUB5003");
        // The 部门整体绩效目标表 is a landscape form: its pages stay landscape inside the portrait volume.
        var goals = pdf.GetPage(roots.Single(r => r.Title == "示例县文化广电和旅游局").PageNumber);
        goals.Width.ShouldBeGreaterThan(goals.Height);
        pdf.GetPage(roots[0].PageNumber).Width.ShouldBeLessThan(pdf.GetPage(roots[0].PageNumber).Height);
    }

    [Fact]
    public void The_cover_and_the_combined_toc_are_templates_a_bureau_changes_without_recompiling()
    {
        var content = RepoPaths.NewTempDirectory("county");
        var output = RepoPaths.NewTempDirectory();
        var county = CountyGenerator.Write(content, departments: 3, seed: 5, minProjects: 1, maxProjects: 2);
        var departments = county.Select(d => File.ReadAllLines(Path.Combine(d.Directory, "document.yaml"))[1].Split(": ")[1]).ToList();
        // A bureau's words on the cover, another title over the 目录, and each department's folder beside its name.
        var templates = TemplatesNumbering("continuous");
        Edit(Path.Combine(templates, "volume", "cover.html.sbn"), "</section>", "<p class=\"cover-credit\">示例县财政局汇编</p>\n</section>");
        Edit(Path.Combine(templates, "volume", "contents.html.sbn"), "目&#x3000;录", "目&#x3000;次");
        Edit(Path.Combine(templates, "volume", "contents.html.sbn"), "{{ department.name }}</a>", "{{ department.name }}（{{ department.slug }}）</a>");

        var run = PublishingCommand.Run("volume", content, "--templates", templates, "--out", output);

        run.ExitCode.ShouldBe(0, run.Stderr);
        using var pdf = PdfDocument.Open(Path.Combine(output, VolumeBuilder.FileName));
        var cover = string.Concat(Lines(pdf.GetPage(1)));
        cover.ShouldContain("2021年部门预算绩效文本汇编");
        cover.ShouldContain("（3个部门）");
        cover.ShouldContain("示例县财政局汇编");
        var toc = Lines(pdf.GetPage(2));
        toc.ShouldContain("目次");
        toc.ShouldNotContain("目录");
        pdf.TryGetBookmarks(out var bookmarks).ShouldBeTrue();
        var roots = bookmarks.Roots.Cast<DocumentBookmarkNode>().ToList();
        for (var d = 0; d < departments.Count; d++)
        {
            // The changed line still leads to its department: its number is the footer of the department's first page.
            var line = toc.Single(l => l.StartsWith($"{departments[d]}（{Path.GetFileName(county[d].Directory)}）", StringComparison.Ordinal));
            Footer(pdf.GetPage(roots[d].PageNumber)).ShouldBe(NumberAtEnd(line).ToString(), line);
        }
        run.DiagnosticLines.ShouldNotContain(l => l.Contains("PUB4210") || l.Contains("PUB4201"));
    }

    [Fact]
    public void A_mistake_in_a_volume_template_is_reported_at_its_line_and_no_volume_is_written()
    {
        var content = RepoPaths.NewTempDirectory("county");
        var output = RepoPaths.NewTempDirectory();
        CountyGenerator.Write(content, departments: 2, seed: 5, minProjects: 1, maxProjects: 1);
        var templates = TemplatesNumbering("continuous");
        var cover = Path.Combine(templates, "volume", "cover.html.sbn");
        Edit(cover, "{{ volume.title }}", "{{ volume.titel }}");
        // A link of the combined 目录 to no department's id: its page would print 0.
        Edit(Path.Combine(templates, "volume", "contents.html.sbn"), "href=\"#{{ part.anchor }}\"", "href=\"#x-{{ part.anchor }}\"");

        var run = PublishingCommand.Run("volume", content, "--templates", templates, "--out", output);

        run.ExitCode.ShouldBe(1, run.Stderr);
        File.Exists(Path.Combine(output, VolumeBuilder.FileName)).ShouldBeFalse();
        run.DiagnosticLines.ShouldContain(l => l.Contains(Path.Combine("volume", "cover.html.sbn") + "(2,") && l.Contains("error PUB4102") && l.Contains("titel"));

        Edit(cover, "{{ volume.titel }}", "{{ volume.title }}");
        var linked = PublishingCommand.Run("volume", content, "--templates", templates, "--out", output);
        linked.ExitCode.ShouldBe(0, linked.Stderr);
        linked.DiagnosticLines.ShouldContain(l => l.Contains(Path.Combine("volume", "contents.html.sbn") + "(10,1): warning PUB4210") && l.Contains("#x-v1-part-1"));
    }

    private static void Edit(string file, string text, string replacement)
    {
        var before = File.ReadAllText(file);
        before.ShouldContain(text);
        File.WriteAllText(file, before.Replace(text, replacement));
    }

    /// <summary>The templates with the theme's volume_numbering set (the fonts linked, not copied).</summary>
    private static string TemplatesNumbering(string numbering) =>
        TemplatesWith("volume_numbering: continuous", $"volume_numbering: {numbering}");

    private static string TemplatesWith(string line, string replacement) => RepoPaths.TemplatesWithThemeLine(line, replacement);

    /// <summary>A page's lines of text, top to bottom, each line's words left to right without spaces.</summary>
    private static List<string> Lines(Page page) =>
        page.GetWords().GroupBy(w => Math.Round(w.BoundingBox.Bottom)).OrderByDescending(g => g.Key)
            .Select(g => string.Concat(g.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text))).ToList();

    /// <summary>The printed page number of the page's footer (the theme's "— {page} —"), or "" when it has none.</summary>
    private static string Footer(Page page)
    {
        var lowest = Lines(page).LastOrDefault() ?? "";
        return System.Text.RegularExpressions.Regex.Match(lowest, "^—([0-9]+)—$") is { Success: true } m ? m.Groups[1].Value : "";
    }

    private static int NumberAtEnd(string line) => int.Parse(new string(line.Reverse().TakeWhile(char.IsDigit).Reverse().ToArray()));
}
