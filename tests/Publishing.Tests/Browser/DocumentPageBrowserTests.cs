using System.Text.RegularExpressions;
using PuppeteerSharp;
using Publishing.Tests.Support;
using Publishing.Theming;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using Page = UglyToad.PdfPig.Content.Page;

namespace Publishing.Tests.Browser;

/// <summary>
/// The document page as a reviewer uses it on a desk (1366×768) and a phone (390×844), and as it prints from the
/// browser (Ctrl+P: Chromium's print to PDF with the print media, read back with PdfPig): the document like a
/// draft, its 目录 without numbers the print does not have, no table header row alone at a page's foot.
/// </summary>
public sealed partial class DocumentPageBrowserTests : IClassFixture<BuiltSite>
{
    private const string Sample = "chengde-xinfang-2021";
    private const double MmToPt = 72 / 25.4;
    private readonly BuiltSite _site;

    public DocumentPageBrowserTests(BuiltSite site) => _site = site;

    [Fact]
    public async Task The_printed_toc_carries_no_page_number_the_print_does_not_have_and_says_the_numbers_are_in_the_pdf()
    {
        await using var page = await _site.OpenAsync(SiteFile($"{Sample}/index.html"), 1366, height: 768);
        var entries = await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('nav.toc li > a')].map(a => a.textContent)");
        entries.Length.ShouldBe(6);
        using var printed = PdfDocument.Open(await Print(page));

        var tocPage = printed.GetPages().Single(p => Text(p).Contains("打印稿的分页与PDF草案不同"));
        var lines = Lines(tocPage);
        foreach (var entry in entries.Select(Squeeze))
        {
            var line = lines.FirstOrDefault(l => l.StartsWith(entry, StringComparison.Ordinal));
            line.ShouldNotBeNull($"the printed 目录 lists {entry}: {string.Join(" | ", lines)}");
            // A number after the entry must be the printed page (its footer) where the entry is.
            if (Regex.Match(line[entry.Length..], "([0-9]+)$") is { Success: true } number)
            {
                var target = printed.GetPages().FirstOrDefault(p => Footer(p) == number.Groups[1].Value);
                target.ShouldNotBeNull($"{entry} is listed on {number.Groups[1].Value}, a page the print does not have");
                Text(target).ShouldContain(entry, customMessage: $"{entry} is listed on {number.Groups[1].Value}");
            }
        }
        // The 目录 says where the numbers are, with the PDF's link.
        string.Concat(lines).ShouldContain($"页码见PDF草案：{Sample}.pdf。");
        tocPage.GetHyperlinks().Select(h => h.Uri).ShouldContain(u => u != null && u.EndsWith($"/{Sample}/{Sample}.pdf", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Sample, 1)]
    [InlineData(Sample, 6)]   // its indicator table six times as long: across three printed pages
    [InlineData("example-department-goals", 1)]
    [InlineData("example-project-declaration", 1)]
    [InlineData("example-project-midterm", 1)]
    public async Task Printed_tables_repeat_their_header_rows_and_no_page_ends_with_one(string document, int longer)
    {
        await using var page = await _site.OpenAsync(SiteFile($"{document}/index.html"), 1366, height: 768);
        // The header rows' text and the body rows' text of tables with header rows in colours nothing else has (the
        // layout does not change), to find them in the print.
        var headers = await page.EvaluateExpressionAsync<int>($$"""
            (() => {
              for (const body of document.querySelectorAll('main table.indicator-table > tbody')) {
                const rows = [...body.rows];
                for (let i = 1; i < {{longer}}; i++) for (const row of rows) body.appendChild(row.cloneNode(true));
              }
              for (const cell of document.querySelectorAll('main table:has(> thead) > tbody td')) cell.style.color = 'rgb(0, 255, 255)';
              const cells = document.querySelectorAll('main thead th');
              cells.forEach(c => c.style.color = 'rgb(255, 0, 255)');
              return cells.length;
            })()
            """);
        headers.ShouldBeGreaterThan(0);
        using var printed = PdfDocument.Open(await Print(page));

        var pagesWithRows = 0;
        foreach (var sheet in printed.GetPages())
        {
            var content = sheet.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).Except(FooterLetters(sheet)).ToList();
            var header = content.Where(l => IsColour(l, 1, 0, 1)).ToList();
            var rows = content.Where(l => IsColour(l, 0, 1, 1)).ToList();
            if (header.Count > 0)
                content.ShouldContain(l => !IsColour(l, 1, 0, 1) && l.BoundingBox.Top < header.Min(h => h.BoundingBox.Bottom),
                    $"{document}: page {sheet.Number} ends with a table's header row and no row under it");
            if (rows.Count == 0) continue;
            pagesWithRows++;
            header.ShouldContain(h => h.BoundingBox.Bottom > rows.Max(r => r.BoundingBox.Top) - 1,
                $"{document}: page {sheet.Number} has a table's rows without its header rows above them");
        }
        pagesWithRows.ShouldBeGreaterThanOrEqualTo(longer > 1 ? 3 : 1);
    }

    [Fact]
    public async Task The_print_has_the_pdfs_margins_and_page_numbers_and_none_of_the_sites_chrome()
    {
        await using var page = await _site.OpenAsync(SiteFile($"{Sample}/index.html"), 1366, height: 768);
        using var printed = PdfDocument.Open(await Print(page));
        var theme = ThemeLoader.Load(RepoPaths.Templates);

        var all = string.Concat(printed.GetPages().Select(Text));
        foreach (var chrome in new[] { "全部文档", "检查警告", "跳到正文", "修订", "有变化" }) all.ShouldNotContain(chrome);
        Regex.Count(all, "第一部分").ShouldBe(2, "the 目录 and the part's title; no sidebar");

        // The first part's page: text within the theme's text block, as in the PDF.
        var body = printed.GetPages().First(p => Text(p).Contains("一、总体绩效目标") && !Text(p).Contains("打印稿"));
        var letters = body.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).Except(FooterLetters(body)).ToList();
        var left = theme.Page.MarginLeftMm * MmToPt;
        letters.Min(l => l.BoundingBox.Left).ShouldBe(left, 2.5);
        letters.Max(l => l.BoundingBox.Right).ShouldBe(left + theme.Page.BodyWidthMm * MmToPt, 3);
        letters.Max(l => l.BoundingBox.Top).ShouldBeLessThanOrEqualTo(body.Height - theme.Page.MarginTopMm * MmToPt + 1);
        letters.Min(l => l.BoundingBox.Bottom).ShouldBeGreaterThanOrEqualTo((theme.Page.MarginBottomMm - 1) * MmToPt);
        // Its number under the text block, on the outside (GB/T 9704: odd pages right); none on the cover.
        var footer = FooterLetters(body);
        Footer(body).ShouldBe(body.Number.ToString());
        footer.Max(l => l.BoundingBox.Right).ShouldBeGreaterThan(left + theme.Page.BodyWidthMm * MmToPt - 40);
        Footer(printed.GetPage(1)).ShouldBe("");
    }

    [Theory]
    [InlineData(1366, 768)]
    [InlineData(390, 844)]
    public async Task The_document_starts_on_the_first_screen_under_its_warnings_folded_to_one_line(int width, int height)
    {
        await using var page = await _site.OpenAsync(SiteFile($"{Sample}/index.html"), width, height: height);
        (await page.EvaluateExpressionAsync<int>("document.querySelectorAll('.warnings-panel li').length")).ShouldBe(Checks.SeedWarningsTests.Expected.Length);
        var summary = await page.EvaluateExpressionAsync<string>("document.querySelector('.warnings-panel summary').textContent");
        summary.ShouldStartWith($"检查警告（{Checks.SeedWarningsTests.Expected.Length}）");
        summary.ShouldContain("data/indicators.csv(3,56) PUB3014：疑似语病"); // the first warning
        var panel = await page.EvaluateExpressionAsync<double>("document.querySelector('.warnings-panel').getBoundingClientRect().height");
        panel.ShouldBeLessThan(50, "one line");
        // The document's title on its cover is on the first screen.
        var title = await page.EvaluateExpressionAsync<double>("document.querySelector('main .cover-title').getBoundingClientRect().bottom");
        title.ShouldBeLessThan(height);
    }

    [Theory]
    [InlineData(1366, 768)]
    [InlineData(390, 844)]
    public async Task The_folded_warnings_open_on_a_click_and_each_links_to_its_place(int width, int height)
    {
        await using var page = await _site.OpenAsync(SiteFile($"{Sample}/index.html"), width, height: height);
        const string listShown = "document.querySelector('.warnings-panel li').checkVisibility()";
        (await page.EvaluateExpressionAsync<bool>("document.querySelector('.warnings-panel').open")).ShouldBeFalse();
        (await page.EvaluateExpressionAsync<bool>(listShown)).ShouldBeFalse();
        await page.ClickAsync(".warnings-panel summary");
        (await page.EvaluateExpressionAsync<bool>("document.querySelector('.warnings-panel').open")).ShouldBeTrue();
        (await page.EvaluateExpressionAsync<bool>(listShown)).ShouldBeTrue();
        var href = await page.EvaluateExpressionAsync<string>("document.querySelector('.warnings-panel li:nth-child(3) a').getAttribute('href')");
        await page.ClickAsync(".warnings-panel li:nth-child(3) a");
        await Poll.Until(async () => await page.EvaluateExpressionAsync<string>("'#' + (document.querySelector(':target.has-warning')?.id ?? '')") == href,
            "the third warning's link leads to its marked block");
        // Closed again, it is one line; the draft stamp's count opens it.
        await page.EvaluateExpressionAsync("window.scrollTo(0, 0)");
        await page.ClickAsync(".warnings-panel summary");
        (await page.EvaluateExpressionAsync<bool>(listShown)).ShouldBeFalse();
        await page.ClickAsync(".draft-stamp a[href='#warnings']");
        await Poll.Until(() => page.EvaluateExpressionAsync<bool>(listShown), "the stamp's warning count opens the list");
    }

    [Fact]
    public async Task On_a_desk_the_sidebar_toc_stays_in_view_while_reading_and_scrolls_itself_when_long()
    {
        await using var page = await _site.OpenAsync(SiteFile($"{Sample}/index.html"), 1366, height: 768);
        const string sidebar = "document.querySelector('.site-sidebar').getBoundingClientRect()";
        await page.EvaluateExpressionAsync("window.scrollTo(0, 6000)");
        (await page.EvaluateExpressionAsync<double>("window.scrollY")).ShouldBe(6000, 1);
        (await page.EvaluateExpressionAsync<double>($"{sidebar}.top")).ShouldBe(0, 1);
        (await page.EvaluateExpressionAsync<double>($"{sidebar}.height")).ShouldBeGreaterThan(150);

        // A 目录 of a hundred entries (a department of many projects): the sidebar is the window's height and scrolls.
        var scroll = await page.EvaluateExpressionAsync<double[]>("""
            (() => {
              const list = document.querySelector('.site-toc ol ol');
              for (let i = 0; i < 100; i++) list.appendChild(list.lastElementChild.cloneNode(true));
              const box = document.querySelector('.site-sidebar');
              box.scrollTop = 400;
              const r = box.getBoundingClientRect();
              return [r.top, r.bottom, box.scrollHeight, box.clientHeight, box.scrollTop];
            })()
            """);
        scroll[0].ShouldBe(0, 1);
        scroll[1].ShouldBeLessThanOrEqualTo(768);
        scroll[2].ShouldBeGreaterThan(scroll[3]);
        scroll[4].ShouldBe(400, 1);
    }

    [Fact]
    public async Task The_change_page_without_a_previous_draft_says_so_in_words()
    {
        await using var page = await _site.OpenAsync(SiteFile($"{Sample}/changes.html"), 1366, height: 768);
        var text = await page.EvaluateExpressionAsync<string>("document.querySelector('main').innerText.trim()");
        text.ShouldStartWith("这是这份文档的第一稿，还没有上一稿可以比较");
    }

    private async Task<Stream> Print(IPage page)
    {
        await page.EvaluateExpressionAsync("document.fonts.ready.then(() => true)");
        return new MemoryStream(await page.PdfDataAsync(new PdfOptions { PreferCSSPageSize = true, PrintBackground = true }));
    }

    private static bool IsColour(Letter letter, double red, double green, double blue) =>
        letter.Color.ToRGBValues() is var (r, g, b) && Math.Abs(r - red) < 0.02 && Math.Abs(g - green) < 0.02 && Math.Abs(b - blue) < 0.02;

    /// <summary>The page's lines of text, top to bottom, each without spaces.</summary>
    private static List<string> Lines(Page page) =>
        page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).GroupBy(l => Math.Round(l.StartBaseLine.Y))
            .OrderByDescending(g => g.Key).Select(g => string.Concat(g.OrderBy(l => l.StartBaseLine.X).Select(l => l.Value))).ToList();

    private static string Text(Page page) => string.Concat(Lines(page));

    /// <summary>The letters of the page number at the foot ("— 3 —"), none when the page has none.</summary>
    private static IReadOnlyList<Letter> FooterLetters(Page page)
    {
        var lowest = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).GroupBy(l => Math.Round(l.StartBaseLine.Y)).MinBy(g => g.Key);
        return lowest is not null && FooterText().IsMatch(string.Concat(lowest.OrderBy(l => l.StartBaseLine.X).Select(l => l.Value))) ? lowest.ToList() : [];
    }

    private static string Footer(Page page) =>
        FooterText().Match(string.Concat(FooterLetters(page).OrderBy(l => l.StartBaseLine.X).Select(l => l.Value))) is { Success: true } m ? m.Groups[1].Value : "";

    private static string Squeeze(string text) => Regex.Replace(text, @"[\s\u3000]", "");

    [GeneratedRegex("^—([0-9]+)—$")]
    private static partial Regex FooterText();

    private string SiteFile(string relative) => "file://" + Path.Combine(_site.Output, relative);
}
