using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Publishing.Diagnostics;
using Publishing.Forms;
using Publishing.Model;
using Publishing.Tests.Support;
using UglyToad.PdfPig;

namespace Publishing.Tests.Forms;

/// <summary>
/// The shipped example forms and their sample documents in content/, all built by one command as ./build.sh
/// does: each PDF has the declared columns in the declared order with the header on every page the table
/// reaches, the HTML has the same table, and the 部门整体绩效目标表 is printed landscape.
/// </summary>
public sealed class ShippedFormsTests : IClassFixture<ShippedFormsTests.Built>
{
    private readonly Built _built;

    public ShippedFormsTests(Built built) => _built = built;

    /// <summary>content/ (the sample and the examples, in different forms) built once into a temp folder.</summary>
    public sealed class Built : IDisposable
    {
        public string Output { get; } = RepoPaths.NewTempDirectory("shipped-forms");
        public PublishingCommand.Result Result { get; }

        public Built() => Result = PublishingCommand.Run("build", RepoPaths.Content, "--out", Output, "--templates", RepoPaths.Templates);

        public void Dispose()
        {
            try { Directory.Delete(Output, recursive: true); } catch (IOException) { }
        }
    }

    public static TheoryData<string, string, string> Examples => new()
    {
        { "example-project-declaration", "project-declaration", Form.Indicators },
        { "example-project-midterm", "project-midterm", Form.Indicators },
        { "example-department-goals", "department-goals", Form.DepartmentIndicators },
        { "example-city-declaration", "city-declaration", Form.Indicators },
    };

    private static FormTable DeclaredTable(string form, string table)
    {
        var diagnostics = new DiagnosticBag();
        var definition = new FormCatalog(RepoPaths.Templates).LoadForm(form, diagnostics).ShouldNotBeNull();
        diagnostics.Items.ShouldBeEmpty();
        return definition.Table(table).ShouldNotBeNull();
    }

    private static string NoSpace(string s) => Regex.Replace(s, @"\s+", "");

    [Fact]
    public void Documents_of_different_forms_in_one_content_folder_build_in_one_command()
    {
        _built.Result.ExitCode.ShouldBe(0, _built.Result.Stderr);
        _built.Result.DiagnosticLines.ShouldNotContain(l => l.Contains(": error "), _built.Result.Stderr);
        foreach (var slug in new[] { "chengde-xinfang-2021", "example-project-declaration", "example-project-midterm", "example-department-goals", "example-workbook-declaration", "example-city-declaration" })
        {
            File.Exists(Path.Combine(_built.Output, slug, slug + ".pdf")).ShouldBeTrue(slug);
            File.Exists(Path.Combine(_built.Output, slug, "index.html")).ShouldBeTrue(slug);
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void The_pdf_has_the_declared_columns_in_order_on_every_page_the_table_reaches(string slug, string form, string table)
    {
        var labels = DeclaredTable(form, table).Columns.Where(c => c.Name != "项目编码").Select(c => NoSpace(c.Label)).ToList();
        using var pdf = PdfDocument.Open(Path.Combine(_built.Output, slug, slug + ".pdf"));
        var pages = pdf.GetPages().Select(p => NoSpace(p.Text)).ToList();
        var withRows = pages.Where(p => p.Contains("产出指标") || p.Contains("效益指标") || p.Contains("满意度指标") || p.Contains("成本指标")).ToList();
        withRows.ShouldNotBeEmpty();
        foreach (var page in withRows)
        {
            var at = -1;
            foreach (var label in labels)
            {
                var next = page.IndexOf(label, at + 1, StringComparison.Ordinal);
                next.ShouldBeGreaterThan(at, $"“{label}” after the previous header cell on a page of {slug}:\n{page}");
                at = next;
            }
        }
    }

    [Fact]
    public void Tables_longer_than_a_page_repeat_their_header()
    {
        using var pdf = PdfDocument.Open(Path.Combine(_built.Output, "example-department-goals", "example-department-goals.pdf"));
        pdf.NumberOfPages.ShouldBeGreaterThan(1);
        foreach (var page in pdf.GetPages())
            NoSpace(page.Text).ShouldContain("一级指标二级指标三级指标");
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void The_html_has_the_same_table(string slug, string form, string table)
    {
        var labels = DeclaredTable(form, table).Columns.Where(c => c.Name != "项目编码").Select(c => c.Label).ToList();
        var html = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(_built.Output, slug, "index.html")));
        var head = html.QuerySelectorAll("table.indicator-table thead").First();
        // Cells of a grouped header: a cell spanning two rows stands once; the group's own cell (指标值) has no column of its own.
        var leaves = head.QuerySelectorAll("th").Where(th => th.GetAttribute("colspan") is null).Select(th => th.TextContent.Trim()).ToList();
        var ordered = leaves.Where(l => labels.Contains(l)).ToList();
        ordered.Count.ShouldBe(labels.Count, string.Join("|", leaves));
        // A two-row header lists its spanning cells first; their order and the second row's order are each the declared one.
        labels.Where(ordered.Contains).ShouldBe(labels);
        var rows = html.QuerySelectorAll("table.indicator-table tbody tr").Count();
        rows.ShouldBeGreaterThan(5);
    }

    [Fact]
    public void The_department_form_is_printed_landscape_and_the_others_portrait()
    {
        using (var pdf = PdfDocument.Open(Path.Combine(_built.Output, "example-department-goals", "example-department-goals.pdf")))
            foreach (var page in pdf.GetPages()) page.Width.ShouldBeGreaterThan(page.Height);
        using (var pdf = PdfDocument.Open(Path.Combine(_built.Output, "example-project-declaration", "example-project-declaration.pdf")))
            foreach (var page in pdf.GetPages()) page.Width.ShouldBeLessThan(page.Height);
    }

    [Fact]
    public void Empty_level2_groups_print_as_empty_cells()
    {
        var html = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(_built.Output, "example-project-declaration", "index.html")));
        var row = html.QuerySelectorAll("table.indicator-table tbody tr").Single(r => r.TextContent.Contains("经济效益指标"));
        row.QuerySelectorAll("td").Skip(1).Select(td => td.TextContent.Trim()).ShouldBe(new[] { "经济效益指标", "", "", "" });
    }

    [Fact]
    public void Each_project_of_the_midterm_form_starts_on_a_page_of_its_own_with_its_whole_table()
    {
        using var pdf = PdfDocument.Open(Path.Combine(_built.Output, "example-project-midterm", "example-project-midterm.pdf"));
        var projects = File.ReadAllLines(Path.Combine(RepoPaths.Content, "example-project-midterm", "data", "projects.csv")).Skip(1)
            .Where(l => l.Length > 0).Select(l => l.Split(',')[1]).ToList();
        projects.Count.ShouldBeGreaterThan(1);
        pdf.NumberOfPages.ShouldBe(projects.Count);
        foreach (var (project, page) in projects.Zip(pdf.GetPages()))
        {
            var text = NoSpace(page.Text);
            text.ShouldStartWith(project + "绩效目标表");                 // the caption opens the page
            text.ShouldContain("满意度指标");                              // and the table's last group is on it too
            projects.Where(p => p != project).ShouldAllBe(other => !text.Contains(other + "绩效目标表"));
        }
    }
}
