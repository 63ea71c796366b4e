using System.Diagnostics;
using System.Text.RegularExpressions;
using Publishing.Build;
using Publishing.Layout.Pages;
using Publishing.Layout.Structure;
using Publishing.Rendering.Pdf;
using Publishing.Tests.Support;
using Publishing.Theming;
using UglyToad.PdfPig;

namespace Publishing.Tests.Pdf;

/// <summary>
/// Every PDF we ship is tagged (PDF/UA-1) and archival (PDF/A-2a), checked by independent readers: pdf.js (as
/// Firefox gives a PDF to screen readers), poppler's pdfinfo, qpdf and PdfPig. The shipped documents and their
/// volume, built by the command as a user builds them.
/// </summary>
public sealed class TaggedPdfTests
{
    private static readonly Lazy<string> Built = new(() =>
    {
        var output = RepoPaths.NewTempDirectory("tagged");
        PublishingCommand.Run("build", RepoPaths.Content, "--out", output).ExitCode.ShouldBe(0);
        PublishingCommand.Run("volume", RepoPaths.Content, "--out", output).ExitCode.ShouldBe(0);
        return output;
    });

    public static TheoryData<string> ShippedPdfs()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.GetDirectories(RepoPaths.Content).Order(StringComparer.Ordinal))
            data.Add(Path.Combine(Path.GetFileName(folder), Path.GetFileName(folder) + ".pdf"));
        data.Add(VolumeBuilder.FileName);
        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedPdfs))]
    public void Every_text_item_on_every_page_is_tagged_content_or_an_artifact(string pdf)
    {
        var read = PdfJs.Read(Path.Combine(Built.Value, pdf));
        read.MarkInfo!["Marked"].ShouldBeTrue();
        read.Language.ShouldBe("zh-CN");
        read.XmpTitle.ShouldBe(read.Title);
        foreach (var page in read.PerPage)
        {
            page.Counts.Untagged.ShouldBe(0, $"{pdf} page {page.Number}: text outside marked content: {string.Join(" ", page.Untagged)}");
            page.Counts.Orphaned.ShouldBe(0, $"{pdf} page {page.Number}: marked text the structure tree does not reach: {string.Join(" ", page.Untagged)}");
            page.Counts.Tagged.ShouldBeGreaterThan(0, $"{pdf} page {page.Number} has no tagged text");
            foreach (var link in page.Annotations.Where(a => a.Subtype == "Link"))
            {
                link.Contents.ShouldNotBeNullOrWhiteSpace($"{pdf} page {page.Number}: a link says what it does");
                link.StructParent.ShouldBeGreaterThanOrEqualTo(0, $"{pdf} page {page.Number}: a link belongs to a Link element");
            }
        }
    }

    [Theory]
    [MemberData(nameof(ShippedPdfs))]
    public void Headings_start_at_H1_and_never_skip_a_level(string pdf)
    {
        var read = PdfJs.Read(Path.Combine(Built.Value, pdf));
        var levels = read.PerPage.SelectMany(p => p.Structure!.Roles()).Where(r => Regex.IsMatch(r, "^H[1-6]$")).Select(r => r[1] - '0').ToList();
        if (levels.Count == 0) return;
        levels[0].ShouldBe(1);
        for (var i = 1; i < levels.Count; i++)
            levels[i].ShouldBeLessThanOrEqualTo(levels[i - 1] + 1, $"{pdf}: heading {i} is H{levels[i]} after H{levels[i - 1]}");
    }

    [Theory]
    [MemberData(nameof(ShippedPdfs))]
    public void Page_labels_are_the_printed_page_numbers(string pdf)
    {
        var path = Path.Combine(Built.Value, pdf);
        var labels = PdfJs.Read(path).PageLabels!;
        using var document = PdfDocument.Open(path);
        labels.Count.ShouldBe(document.NumberOfPages);
        var numbered = 0;
        for (var n = 1; n <= document.NumberOfPages; n++)
        {
            var footer = Footer(document.GetPage(n));
            if (footer.Length > 0) { labels[n - 1].ShouldBe(footer, $"{pdf} page {n}"); numbered++; }
            else labels[n - 1].ShouldMatch("^[ivxlc]+$", $"{pdf} page {n} prints no number: a roman label");
        }
        if (pdf.StartsWith("chengde", StringComparison.Ordinal)) numbered.ShouldBe(document.NumberOfPages - 2, "all but the cover and the 目录");
    }

    [Theory]
    [MemberData(nameof(ShippedPdfs))]
    public void Poppler_says_tagged_and_qpdf_finds_no_error(string pdf)
    {
        var path = Path.Combine(Built.Value, pdf);
        Run("pdfinfo", path).ShouldContain("Tagged:          yes");
        Run("qpdf", "--check", path).ShouldContain("No syntax or stream encoding errors");
    }

    [Fact]
    public void The_seed_s_structure_holds_its_parts_headings_tables_and_toc()
    {
        var read = PdfJs.Read(Path.Combine(Built.Value, "chengde-xinfang-2021", "chengde-xinfang-2021.pdf"));
        var roles = read.PerPage.SelectMany(p => p.Structure!.Roles()).ToHashSet();
        foreach (var role in new[] { "Document", "Part", "Sect", "H1", "H2", "H3", "P", "Table", "Caption", "THead", "TBody", "TR", "TH", "TD", "TOC", "TOCI", "Reference", "Link" })
            roles.ShouldContain(role);
        // The 目录 page: one TOCI per line, each holding a Reference to its Link (whose text is the line and the page number).
        var toc = read.PerPage[1].Structure!.Descendants().Where(d => d.Role == "TOCI").ToList();
        toc.Count.ShouldBe(6);
        toc.ShouldAllBe(item => item.Children!.Any(c => c.Role == "Reference" && c.Children!.Single().Role == "Link"));
        read.PerPage[1].Annotations.Count(a => a.Subtype == "Link").ShouldBe(6);
        // Tagged text reads in order: the first heading of the body is the part title.
        read.PerPage[2].Texts.First().Str.ShouldContain("第一部分");
    }

    [Fact]
    public void The_indicator_table_s_merged_cells_keep_their_spans_and_a_label_repeated_on_a_new_page_is_read_once()
    {
        var theme = ThemeLoader.Load(RepoPaths.Templates);
        var mapped = HtmlToLayout.Map(SampleDocument.Html, new PdfStyles(theme, PdfRenderer.Fonts), Info);
        var root = mapped.Document.Structure!;
        var cells = root.Descendants().Where(e => e.Role is Roles.Cell or Roles.HeaderCell).ToList();
        // As many merged cells, with the same spans, as the assembled HTML has rowspans.
        var rowSpans = Regex.Matches(SampleDocument.Html, "rowspan=\"(\\d+)\"").Select(m => int.Parse(m.Groups[1].Value)).Where(n => n > 1).Order().ToList();
        cells.Where(c => c.RowSpan > 1).Select(c => c.RowSpan).Order().ShouldBe(rowSpans);
        cells.Where(c => c.Role == Roles.HeaderCell).ShouldAllBe(c => c.Scope == "Column" || c.Scope == "Row");
        cells.Where(c => c.Role == Roles.HeaderCell && c.Parent!.Parent!.Role == Roles.TableHead).ShouldAllBe(c => c.Scope == "Column");

        var layout = Publishing.Layout.Pages.DocumentLayout.Run(mapped.Document);
        // A cell whose text is drawn on two pages (a group split by the break): tagged on the first only.
        var drawnTwice = cells.Where(c => layout.Pages.Count(p => p.Runs.Any(r => r.Tag == c)) > 0)
            .Select(c => (Cell: c, Text: string.Concat(layout.Pages.SelectMany(p => p.Runs).Where(r => r.Tag == c).Select(r => r.Text))))
            .Where(x => x.Cell.RowSpan > 1 && layout.Pages.Count(p => p.Runs.Any(r => r.Text == x.Text)) > 1).ToList();
        drawnTwice.ShouldNotBeEmpty("the seed splits a merged group over a page break");
        foreach (var (cell, text) in drawnTwice)
            layout.Pages.Count(p => p.Runs.Any(r => r.Tag == cell)).ShouldBe(1, $"'{text}' is one cell of the tree");
    }

    [Fact]
    public void A_theme_can_ask_for_a_plain_pdf_and_a_misspelt_standard_is_a_located_error()
    {
        var templates = TemplatesWith("pdf_standard: none");
        var output = RepoPaths.NewTempDirectory();
        PublishingCommand.Run("build", RepoPaths.Sample, "--out", output, "--templates", templates, "--format", "pdf").ExitCode.ShouldBe(0);
        var pdf = Path.Combine(output, "chengde-xinfang-2021", "chengde-xinfang-2021.pdf");
        Run("pdfinfo", pdf).ShouldContain("Tagged:          no");
        File.ReadAllText(pdf, System.Text.Encoding.Latin1).ShouldNotContain("/Metadata");

        var bad = TemplatesWith("pdf_standard: PDF/A-3b");
        var run = PublishingCommand.Run("validate", RepoPaths.Sample, "--templates", bad);
        run.ExitCode.ShouldBe(1);
        var line = File.ReadAllLines(Path.Combine(bad, "theme", "default.yaml")).ToList().FindIndex(l => l.StartsWith("pdf_standard:")) + 1;
        var theme = Path.Combine(bad, "theme", "default.yaml");
        run.DiagnosticLines.ShouldContain(l => l.StartsWith($"{theme}({line},15): error PUB4105") && l.Contains("“PDF/A-3b”不是 PDF 标准"));
    }

    private static readonly PdfDocumentInfo Info = new("承德县信访局部门 2021 年部门预算绩效文本（草案）", "承德县信访局部门编制",
        "部门预算绩效文本", "预算绩效", "zh-CN", new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero));

    /// <summary>A copy of templates/ whose theme's pdf_standard line says <paramref name="line"/>.</summary>
    private static string TemplatesWith(string line) =>
        RepoPaths.TemplatesWithThemeLine("pdf_standard: PDF/A-2a, PDF/UA-1", line);

    /// <summary>The printed page number of the page's footer ("— {page} —"), or "" when it has none.</summary>
    private static string Footer(UglyToad.PdfPig.Content.Page page)
    {
        var lowest = page.GetWords().GroupBy(w => Math.Round(w.BoundingBox.Bottom)).OrderBy(g => g.Key)
            .Select(g => string.Concat(g.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text))).FirstOrDefault() ?? "";
        return Regex.Match(lowest, "^—([0-9]+)—$") is { Success: true } m ? m.Groups[1].Value : "";
    }

    private static string Run(string program, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return output.Result + error;
    }
}
