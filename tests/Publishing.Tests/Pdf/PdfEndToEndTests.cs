using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Publishing.Diagnostics;
using Publishing.Rendering.Pdf;
using Publishing.Theming;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;

namespace Publishing.Tests.Pdf;

/// <summary>
/// The seed document (content/ assembled by the templates, as a build does) through the PDF
/// renderer, checked with PdfPig: text, outline, 目录 numbers, fonts, size, determinism, missing glyphs.
/// </summary>
public class PdfEndToEndTests
{
    private static readonly string Root = FindRoot();
    private static readonly Theme Theme = ThemeLoader.Load(Path.Combine(Root, "templates"));
    private static readonly string SeedHtml = Support.SampleDocument.Html;
    private static readonly PdfDocumentInfo Info = new("承德县信访局部门 2021 年部门预算绩效文本（草案）", "承德县信访局部门编制",
        "部门预算绩效文本", "预算绩效, 承德县信访局", "zh-CN", new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private static readonly Lazy<(byte[] Pdf, IReadOnlyList<Diagnostic> Diagnostics)> Seed = new(() => Render(SeedHtml));

    internal static (byte[], IReadOnlyList<Diagnostic>) Render(string html)
    {
        using var stream = new MemoryStream();
        var diagnostics = PdfRenderer.Render(html, Theme, Info, stream);
        return (stream.ToArray(), diagnostics);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "templates", "theme", "default.yaml"))) return dir.FullName;
        throw new DirectoryNotFoundException("repository root not found");
    }

    private static string NoSpace(string s) => Regex.Replace(s, @"\s+", "");

    [Fact]
    public void Seed_renders_without_diagnostics_and_under_300_KB()
    {
        var (pdf, diagnostics) = Seed.Value;
        diagnostics.ShouldBeEmpty();
        pdf.Length.ShouldBeLessThan(300 * 1024);
    }

    [Fact]
    public void Text_has_every_heading_and_every_table_cell_and_no_radicals()
    {
        var (pdf, _) = Seed.Value;
        using var document = PdfDocument.Open(pdf);
        var text = NoSpace(string.Concat(document.GetPages().Select(p => p.Text)));
        var html = new HtmlParser().ParseDocument(SeedHtml);
        var expected = html.QuerySelectorAll("h1, h2, h3, h4, h5, td, th").Select(e => NoSpace(e.TextContent)).Where(t => t.Length > 0).ToList();
        expected.Count.ShouldBeGreaterThan(60);
        foreach (var piece in expected)
        {
            // A long cell wraps inside its box; PdfPig reads its lines in order, so the text is still contiguous.
            text.ShouldContain(piece, Case.Sensitive, $"missing: {piece}");
        }
        text.Where(c => c >= '\u2E80' && c <= '\u2FDF').ShouldBeEmpty();
    }

    [Fact]
    public void Every_paragraph_heading_and_cell_extracts_as_written()
    {
        var (pdf, _) = Seed.Value;
        using var document = PdfDocument.Open(pdf);
        // Pages joined without their footers ("— 3 —"), so a paragraph split across pages reads on.
        var text = string.Concat(document.GetPages().Select(p => Regex.Replace(NoSpace(p.Text), @"—\d+—$", "")));
        var html = new HtmlParser().ParseDocument(SeedHtml);
        var blocks = html.QuerySelectorAll("p, li, h1, h2, h3, h4, h5, td, th")
            .Where(e => e.QuerySelector("p, li, table") is null)
            .Select(e => NoSpace(e.TextContent)).Where(t => t.Length > 0).ToList();
        blocks.Count.ShouldBeGreaterThan(100);
        foreach (var block in blocks) text.ShouldContain(block, Case.Sensitive, $"missing: {block}");
        var written = NoSpace(html.Body!.TextContent).ToHashSet();
        text.Where(c => !written.Contains(c) && !char.IsAsciiDigit(c) && c != '—').Distinct().ShouldBeEmpty("every extracted character was written");
    }

    [Fact]
    public void Outline_mirrors_the_toc_and_toc_numbers_match_the_printed_page_numbers()
    {
        var (pdf, _) = Seed.Value;
        using var document = PdfDocument.Open(pdf);
        document.TryGetBookmarks(out var bookmarks).ShouldBeTrue();
        bookmarks.Roots.Select(r => NoSpace(r.Title)).ShouldBe(new[] { "第一部分部门整体绩效目标", "第二部分预算项目绩效目标" });
        bookmarks.Roots[0].Children.Select(c => c.Title).ShouldBe(new[] { "一、总体绩效目标", "二、分项绩效目标", "三、工作保障措施" });
        bookmarks.Roots[1].Children.Single().Title.ShouldBe("1.信访维稳公用经费绩效目标表");

        var pages = document.GetPages().ToList();
        int? Printed(int pageNumber)
        {
            var m = Regex.Match(pages[pageNumber - 1].Text, @"—\s*(\d+)\s*—");
            return m.Success ? int.Parse(m.Groups[1].Value) : null;
        }
        var tocPage = pages.First(p => NoSpace(p.Text).Contains("目录"));
        Printed(tocPage.Number).ShouldBeNull("the 目录 is unnumbered");
        Printed(1).ShouldBeNull("the cover is unnumbered");

        var all = bookmarks.Roots.Concat(bookmarks.Roots.SelectMany(r => r.Children)).Cast<DocumentBookmarkNode>().ToList();
        all.Count.ShouldBe(6);
        var firstBody = all.Min(b => b.PageNumber);
        Printed(firstBody).ShouldBe(1, "the body is numbered from 1");
        foreach (var bookmark in all)
        {
            var page = pages[bookmark.PageNumber - 1];
            var title = NoSpace(bookmark.Title).Replace("1.", "");
            NoSpace(page.Text).ShouldContain(title, Case.Sensitive, $"bookmark '{bookmark.Title}' opens the page holding it");
            var printed = Printed(bookmark.PageNumber);
            printed.ShouldNotBeNull();
            // The 目录 line for this entry ends with the number it announces.
            var words = tocPage.GetWords().ToList();
            var key = new string(NoSpace(bookmark.Title).Where(c => c > 0x2E80).Take(6).ToArray());
            var lineOfTitle = words.First(w => NoSpace(w.Text).Contains(key[..4]));
            var number = words.Where(w => Math.Abs(w.BoundingBox.Bottom - lineOfTitle.BoundingBox.Bottom) < 3 && Regex.IsMatch(w.Text, @"^\d+$"))
                .OrderBy(w => w.BoundingBox.Right).Last();
            int.Parse(number.Text).ShouldBe(printed.Value, $"目录 number of '{bookmark.Title}'");
        }
    }

    [Fact]
    public void Fonts_are_embedded_subsets_and_none_is_Type3()
    {
        var (pdf, _) = Seed.Value;
        using var document = PdfDocument.Open(pdf);
        var fonts = document.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName ?? "").Distinct().ToList();
        fonts.Count.ShouldBeGreaterThanOrEqualTo(3);
        fonts.ShouldAllBe(f => Regex.IsMatch(f, "^[A-Z]{6}\\+"));
        var raw = System.Text.Encoding.Latin1.GetString(pdf);
        Regex.IsMatch(raw, @"/Subtype\s*/Type3").ShouldBeFalse();
        Regex.Matches(raw, @"/FontFile2").Count.ShouldBe(Regex.Matches(raw, @"/Type\s*/FontDescriptor").Count);
    }

    [Fact]
    public void Each_toc_entry_is_one_link_and_the_catalog_has_language_and_outline_mode()
    {
        var (pdf, _) = Seed.Value;
        var raw = System.Text.Encoding.Latin1.GetString(pdf);
        var entries = new HtmlParser().ParseDocument(SeedHtml).QuerySelectorAll("nav.toc a[href^='#']").Length;
        entries.ShouldBe(6);
        Regex.Matches(raw, @"/Subtype\s*/Link").Count.ShouldBe(entries);
        var destinations = Regex.Matches(raw, @"/(d\d+) \[\d+ 0 R /XYZ").Select(m => m.Groups[1].Value).ToList();
        destinations.Count.ShouldBeGreaterThanOrEqualTo(entries);
        destinations.ShouldBeUnique();
        raw.ShouldContain("/Lang (zh-CN)");
        raw.ShouldContain("/PageMode /UseOutlines");
        using var document = PdfDocument.Open(pdf);
        document.Information.Title.ShouldBe(Info.Title);
        document.Information.Author.ShouldBe(Info.Author);
    }

    [Fact]
    public void Two_renders_give_the_same_bytes()
    {
        var (first, _) = Render(SeedHtml);
        var (second, _) = Render(SeedHtml);
        first.SequenceEqual(second).ShouldBeTrue();
    }

    [Fact]
    public void A_character_no_font_has_is_a_located_warning()
    {
        var html = SeedHtml.Replace("抓好信访工作，努力为经济社会", "抓好信访工作🩰，努力为经济社会𘀀");
        html.ShouldNotBe(SeedHtml);
        var (_, diagnostics) = Render(html);
        var warnings = diagnostics.Where(d => d.Code == "PUB4001").ToList();
        warnings.Count.ShouldBeGreaterThanOrEqualTo(2);
        var smiley = warnings.First(w => w.Message.Contains("U+1FA70"));
        smiley.Severity.ShouldBe(Severity.Warning);
        smiley.Path.ShouldBe("sections/01-overall-goals.md"); // data-src is relative to the document; the build re-roots it
        smiley.Line.ShouldBe(5);
        smiley.Message.ShouldContain("'🩰'");
        warnings.ShouldContain(w => w.Message.Contains("U+18000"));
    }

    [Fact]
    public void Page_numbers_sit_on_the_outside_edge_as_GB_T_9704_says()
    {
        var (pdf, _) = Seed.Value;
        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().ToList();
        var numbered = pages
            .Select(p => (Page: p, Number: p.GetWords().LastOrDefault(w => Regex.IsMatch(w.Text, @"^\d+$"))))
            .Where(x => x.Number is not null && x.Number.BoundingBox.Bottom < 80)
            .ToList();
        numbered.Count.ShouldBeGreaterThan(4);
        foreach (var (page, number) in numbered)
        {
            var centre = (number!.BoundingBox.Left + number.BoundingBox.Right) / 2;
            if (int.Parse(number.Text) % 2 == 1) centre.ShouldBeGreaterThan(page.Width * 0.6, $"page {number.Text}");
            else centre.ShouldBeLessThan(page.Width * 0.4, $"page {number.Text}");
        }
    }

    [Fact]
    public void An_Extension_B_character_is_drawn_from_the_themes_fallback_font()
    {
        var html = SeedHtml.Replace("抓好信访工作，努力", "抓好信访工作，吉𠮷与𪚥努力");
        html.ShouldNotBe(SeedHtml);
        var (pdf, diagnostics) = Render(html);
        diagnostics.ShouldBeEmpty();
        using var document = PdfDocument.Open(pdf);
        NoSpace(string.Concat(document.GetPages().Select(p => p.Text))).ShouldContain("抓好信访工作，吉𠮷与𪚥努力");
        document.GetPages().SelectMany(p => p.Letters).Where(l => l.Value == "𠮷").ShouldAllBe(l => l.FontName!.Contains("+HanaMin"));
    }

    [Fact]
    public void Without_the_fallback_font_the_warning_names_the_missing_file()
    {
        var theme = ThemeLoader.Load(Path.Combine(Root, "templates"));
        theme.FallbackFonts = new List<string> { "/nonexistent/fonts/HanaMinB.ttf" };
        using var stream = new MemoryStream();
        var diagnostics = PdfRenderer.Render(SeedHtml.Replace("抓好信访工作，努力", "抓好信访工作，𠮷努力"), theme, Info, stream);
        diagnostics.ShouldNotBeEmpty();
        foreach (var warning in diagnostics)
        {
            warning.Code.ShouldBe("PUB4001");
            warning.Message.ShouldContain("U+20BB7");
            warning.Message.ShouldContain("/nonexistent/fonts/HanaMinB.ttf");
            warning.Message.ShouldContain("fonts-hanazono");
        }
    }

    [Fact]
    public void A_build_locates_a_missing_character_by_line_and_column_in_characters_also_for_a_toc_entry()
    {
        var (content, document) = Support.RepoPaths.CopyOfSample();
        var section = Path.Combine(document, "sections", "01-overall-goals.md");
        var lines = File.ReadAllLines(section);
        lines[0].ShouldBe("# 一、总体绩效目标");
        lines[0] = "# 一、总体绩效目标🩰";                                      // a heading: also its 目录 entry
        lines[4] = lines[4].Replace("抓好信访工作，努力", "抓好信访工作𠮷𠮷，努力🩰");   // 𠮷 is one column, not two
        File.WriteAllLines(section, lines);
        var expectedColumn = new System.Globalization.StringInfo(lines[4][..lines[4].IndexOf("🩰", StringComparison.Ordinal)]).LengthInTextElements + 1;
        var output = Support.RepoPaths.NewTempDirectory("artifacts");

        var result = Support.PublishingCommand.Run("build", content, "--out", output, "--templates", Support.RepoPaths.Templates, "--format", "pdf");

        result.ExitCode.ShouldBe(0, result.Stderr);
        var path = Publishing.Diagnostics.DisplayPaths.For(section);
        var warnings = result.DiagnosticLines.Where(l => l.Contains("PUB4001")).ToList();
        warnings.ShouldContain(l => l.StartsWith($"{path}(5,{expectedColumn}): warning PUB4001"), string.Join("\n", warnings));
        warnings.ShouldContain(l => l.StartsWith($"{path}(1,11): warning PUB4001"), string.Join("\n", warnings));
        warnings.Count.ShouldBe(2, "the heading and its 目录 entry are one place");
        warnings.ShouldAllBe(l => !l.StartsWith("index.html") && !l.Contains("(0,"), string.Join("\n", warnings));
    }

    [Fact]
    public void A_build_reports_a_missing_glyph_at_the_editors_file_and_line()
    {
        var (content, document) = Support.RepoPaths.CopyOfSample();
        var section = Path.Combine(document, "sections", "01-overall-goals.md");
        File.WriteAllText(section, File.ReadAllText(section).Replace("抓好信访工作，努力", "抓好信访工作🩰，努力"));
        var output = Support.RepoPaths.NewTempDirectory("artifacts");

        var result = Support.PublishingCommand.Run("build", content, "--out", output, "--templates", Support.RepoPaths.Templates, "--format", "pdf");

        result.ExitCode.ShouldBe(0, result.Stderr);
        var expectedPath = Publishing.Diagnostics.DisplayPaths.For(section);
        result.DiagnosticLines.ShouldContain(l => l.StartsWith(expectedPath + "(5,") && l.Contains("warning PUB4001") && l.Contains("U+1FA70"));
    }
}
