using PuppeteerSharp;
using Publishing.Tests.Support;

namespace Publishing.Tests.Browser;

/// <summary>
/// The preview site as a reviewer uses it, in Debian's Chromium: the index, the sample's page and its change
/// page, opened from disk (file://) as the built site is, at desk and phone widths.
/// </summary>
public sealed class SiteBrowserTests : IClassFixture<BuiltSite>
{
    private const string Sample = "chengde-xinfang-2021";
    private readonly BuiltSite _site;

    public SiteBrowserTests(BuiltSite site) => _site = site;

    [Fact]
    public async Task The_index_leads_to_the_sample_whose_sidebar_toc_scrolls_to_a_section_and_highlights_it()
    {
        await using var page = await _site.OpenAsync(SiteFile("index.html"), 1300);
        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync($"table.document-index a[href='{Sample}/index.html']"));
        page.Url.ShouldEndWith($"/{Sample}/index.html");

        await page.ClickAsync(".site-toc a[href='#三工作保障措施']");
        await Poll.Until(async () => Math.Abs(await page.EvaluateExpressionAsync<double>(
            "document.getElementById('三工作保障措施').getBoundingClientRect().top")) < 5, "the section's heading at the top of the window");
        (await page.EvaluateExpressionAsync<double>("window.scrollY")).ShouldBeGreaterThan(1000);
        await Poll.Until(async () => await page.EvaluateExpressionAsync<string>(
            "document.querySelector('.site-toc a[aria-current]')?.getAttribute('href') ?? ''") == "#三工作保障措施",
            "the sidebar highlights the current section (site.js ran under the page's CSP)");
        // The sidebar stays in view while the page scrolled (sticky on a wide screen).
        (await page.EvaluateExpressionAsync<double>("document.querySelector('.site-sidebar').getBoundingClientRect().top")).ShouldBe(0, 1);
    }

    [Fact]
    public async Task The_toc_shows_the_pdf_page_numbers_and_the_page_links_its_pdf_and_the_index()
    {
        await using var page = await _site.OpenAsync(SiteFile($"{Sample}/index.html"), 1300);
        var pages = await page.EvaluateExpressionAsync<string[]>(
            "[...document.querySelectorAll('nav.toc li.toc-entry .toc-page')].map(s => s.textContent)");
        pages.ShouldBe(new[] { "1", "3", "6", "10" }); // as printed in the PDF built in the same run (PdfEndToEndTests)
        (await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('.site-links a')].map(a => a.getAttribute('href'))"))
            .ShouldBe(new[] { "../index.html", $"{Sample}.pdf", "changes.html" });
        (await page.EvaluateExpressionAsync<string>("document.querySelector('.draft-stamp').textContent")).ShouldContain("草案");
        (await page.EvaluateExpressionAsync<int>("document.querySelectorAll('h1').length")).ShouldBe(1);
        (await page.EvaluateExpressionAsync<int>("document.querySelectorAll('main').length")).ShouldBe(1);
    }

    [Fact]
    public async Task Each_warning_links_to_the_block_it_concerns_which_is_marked()
    {
        await using var page = await _site.OpenAsync(SiteFile($"{Sample}/index.html"), 1300);
        var target = await page.EvaluateExpressionAsync<string[]>("""
            (() => {
              const link = [...document.querySelectorAll('.warnings-panel a')].find(a => a.textContent.startsWith('sections/03-safeguards.md(17,'));
              const element = document.querySelector(link.getAttribute('href'));
              return [element.getAttribute('data-src'), element.getAttribute('data-warnings'), getComputedStyle(element).outlineStyle];
            })()
            """);
        target.ShouldBe(new[] { "sections/03-safeguards.md:17", "PUB3010", "dashed" });
        (await page.EvaluateExpressionAsync<int>("document.querySelectorAll('.warnings-panel li').length")).ShouldBe(Checks.SeedWarningsTests.Expected.Length);
    }

    [Fact]
    public async Task On_a_phone_the_toc_is_folded_opens_when_asked_and_folds_again_after_a_jump()
    {
        await using var page = await _site.OpenAsync(SiteFile($"{Sample}/index.html"), 390);
        (await page.EvaluateExpressionAsync<bool>("document.querySelector('details.site-toc').open")).ShouldBeFalse();
        await page.ClickAsync("details.site-toc summary");
        (await page.EvaluateExpressionAsync<bool>("document.querySelector('details.site-toc').open")).ShouldBeTrue();
        await page.ClickAsync(".site-toc a[href='#三工作保障措施']");
        await Poll.Until(async () => Math.Abs(await page.EvaluateExpressionAsync<double>(
            "document.getElementById('三工作保障措施').getBoundingClientRect().top")) < 5, "the section at the top of the phone's screen");
        (await page.EvaluateExpressionAsync<bool>("document.querySelector('details.site-toc').open")).ShouldBeFalse();
    }

    [Fact]
    public async Task The_index_of_two_hundred_documents_filters_and_sorts_within_its_groups()
    {
        // A province's index (200 documents, 主管部门 groups) written next to the built site's _site/ files.
        var entries = Enumerable.Range(0, 200).Select(i => new Publishing.Site.SiteEntry($"doc-{i:000}",
            new Publishing.Site.BuildRecord($"doc-{i:000}", "标题", $"部门{i / 4:00}", 2020 + (i * 7) % 4, "草案", "2021-01-15",
                10 + i % 9, i % 3, "2026-11-27T22:00:00Z", "abc1234", $"doc-{i:000}.pdf", i % 5 == 0 ? 2 : 0, "上一稿",
                $"主管{i / 4 % 8}"), 0, null)).ToList();
        var html = Publishing.Site.SiteIndex.Render(entries, null, new Publishing.Site.SiteTemplates(RepoPaths.Templates), new Publishing.Diagnostics.DiagnosticBag())!;
        var file = Path.Combine(_site.Output, "province-index.html");
        File.WriteAllText(file, html);
        await using var page = await _site.OpenAsync("file://" + file, 1300);
        const string visibleRows = "[...document.querySelectorAll('tbody.index-group:not([hidden]) tr[data-slug]:not([hidden])')]";

        await page.TypeAsync("#filter", "部门03");
        (await page.EvaluateExpressionAsync<string[]>($"{visibleRows}.map(r => r.dataset.slug)"))
            .ShouldBe(new[] { "doc-012", "doc-013", "doc-014", "doc-015" }.OrderByDescending(s => entries.Single(e => e.Slug == s).LastGood!.Year).ToArray());
        (await page.EvaluateExpressionAsync<int>("document.querySelectorAll('tbody.index-group:not([hidden])').length")).ShouldBe(1);

        // A group's name keeps all its documents.
        await page.EvaluateExpressionAsync("const f = document.getElementById('filter'); f.value = ''; f.dispatchEvent(new Event('input'))");
        await page.TypeAsync("#filter", "主管2");
        (await page.EvaluateExpressionAsync<int>($"{visibleRows}.length")).ShouldBe(24); // 部门02, 10, 18, 26, 34, 42 × 4 years

        // Sorting by year orders the documents within each group; no document changes group.
        await page.EvaluateExpressionAsync("const g = document.getElementById('filter'); g.value = ''; g.dispatchEvent(new Event('input'))");
        var groupsBefore = await page.EvaluateExpressionAsync<string[]>(
            "[...document.querySelectorAll('tbody.index-group')].map(g => [...g.querySelectorAll('tr[data-slug]')].map(r => r.dataset.slug).sort().join(' '))");
        await page.ClickAsync("thead th:nth-child(2) button");
        (await page.EvaluateExpressionAsync<string>("document.querySelector('thead th:nth-child(2)').getAttribute('aria-sort')")).ShouldBe("ascending");
        var years = await page.EvaluateExpressionAsync<int[][]>(
            "[...document.querySelectorAll('tbody.index-group')].map(g => [...g.querySelectorAll('tr[data-slug]')].map(r => Number(r.cells[1].textContent)))");
        years.ShouldAllBe(group => group.SequenceEqual(group.Order()));
        years.Sum(g => g.Length).ShouldBe(200);
        (await page.EvaluateExpressionAsync<string[]>(
            "[...document.querySelectorAll('tbody.index-group')].map(g => [...g.querySelectorAll('tr[data-slug]')].map(r => r.dataset.slug).sort().join(' '))"))
            .ShouldBe(groupsBefore);
        (await page.EvaluateExpressionAsync<bool>("[...document.querySelectorAll('tbody.index-group')].every(g => g.rows[0].classList.contains('group-header'))"))
            .ShouldBeTrue("each group's header stays its first row");
    }

    [Theory]
    [InlineData("index.html")]
    [InlineData(Sample + "/index.html")]
    [InlineData(Sample + "/changes.html")]
    public async Task At_phone_width_the_page_does_not_scroll_sideways(string file)
    {
        await using var page = await _site.OpenAsync(SiteFile(file), 390);
        var widths = await page.EvaluateExpressionAsync<double[]>("[document.documentElement.scrollWidth, window.innerWidth]");
        widths[0].ShouldBeLessThanOrEqualTo(widths[1], $"{file} is {widths[0]} px wide in a {widths[1]} px window");
    }

    [Fact]
    public async Task At_phone_width_text_reflows_and_a_wide_table_scrolls_in_its_box_with_its_first_column_kept()
    {
        await using var page = await _site.OpenAsync(SiteFile($"{Sample}/index.html"), 390);
        var paragraph = await page.EvaluateExpressionAsync<double>("document.querySelector('section.section p').getBoundingClientRect().width");
        paragraph.ShouldBeLessThan(390);
        var box = await page.EvaluateExpressionAsync<double[]>("""
            (() => {
              const box = document.querySelector('table.indicator-table').closest('.table-scroll');
              box.scrollLeft = 200;
              const first = box.querySelector('td.col-first');
              return [box.scrollWidth, box.clientWidth, box.scrollLeft, first.getBoundingClientRect().left - box.getBoundingClientRect().left];
            })()
            """);
        box[0].ShouldBeGreaterThan(box[1]);       // the table is wider than the screen…
        box[2].ShouldBe(200, 1);                  // …scrolls in its own box…
        box[3].ShouldBe(0, 1.5);                  // …and its first column stays at the box's left edge
    }

    [Theory]
    [InlineData("index.html")]
    [InlineData(Sample + "/index.html")]
    [InlineData(Sample + "/changes.html")]
    public async Task Axe_finds_no_serious_or_critical_violation(string file)
    {
        foreach (var width in new[] { 1300, 390 })
        {
            await using var page = await _site.OpenAsync(SiteFile(file), width);
            var violations = await Axe.SeriousViolationsAsync(page);
            violations.ShouldBeEmpty($"{file} at {width} px");
        }
    }

    [Fact]
    public async Task A_document_page_downloads_at_most_2_MB_of_fonts()
    {
        var fonts = new List<string>();
        await using var page = await _site.OpenAsync(SiteFile($"{Sample}/index.html"), 1300, request =>
        {
            if (request.ResourceType == ResourceType.Font) fonts.Add(new Uri(request.Url).LocalPath);
        });
        await page.EvaluateExpressionAsync("document.fonts.ready.then(() => true)");
        fonts.ShouldNotBeEmpty("the page loads its web fonts");
        var bytes = fonts.Distinct().Sum(f => new FileInfo(f).Length);
        bytes.ShouldBeLessThanOrEqualTo(2 * 1024 * 1024, string.Join(", ", fonts));
        fonts.ShouldAllBe(f => f.Contains($"/{Sample}/fonts/"));
    }

    [Fact]
    public async Task Printing_the_document_page_gives_the_document_only_with_page_numbers()
    {
        await using var page = await _site.OpenAsync(SiteFile($"{Sample}/index.html"), 1300);
        var pdf = await page.PdfDataAsync(new PdfOptions { PreferCSSPageSize = true });
        using var printed = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var first = printed.GetPage(1).Text;
        first.ShouldNotContain("检查警告");   // the site's panel and header are not printed
        first.ShouldNotContain("全部文档");
        first.ShouldContain("（草案）");      // the cover comes first
        printed.GetPage(3).Text.ShouldContain("— 3 —");
        var words = printed.GetPage(3).GetWords().ToList();
        words.Min(w => w.BoundingBox.Left).ShouldBeGreaterThan(50);   // margins on the sheet (≥ 20 mm = 57 pt)
    }

    [Fact]
    public async Task The_pages_log_no_console_errors()
    {
        foreach (var file in new[] { "index.html", $"{Sample}/index.html", $"{Sample}/changes.html" })
        {
            await using var page = await _site.OpenAsync(SiteFile(file), 1300);
            await page.EvaluateExpressionAsync("document.fonts.ready.then(() => true)");
            _site.Errors(page).ShouldBeEmpty(file);
        }
    }

    private string SiteFile(string relative) => "file://" + Path.Combine(_site.Output, relative);
}

/// <summary>The repository's content built once (HTML and PDF, a full build) for the site's browser tests.</summary>
public sealed class BuiltSite : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private IBrowser? _browser;
    private readonly Dictionary<IPage, List<string>> _errors = new();

    public string Output { get; } = RepoPaths.NewTempDirectory("site");

    public async Task InitializeAsync()
    {
        File.Exists(ChromiumPath).ShouldBeTrue("Chromium is missing: run scripts/install-deps.sh (./build.sh --target=Test does)");
        var build = PublishingCommand.Run("build", RepoPaths.Content, "--out", Output, "--templates", RepoPaths.Templates);
        build.ExitCode.ShouldBe(0, build.Stderr);
        _browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            Headless = true,
            ExecutablePath = ChromiumPath,
            UserDataDir = RepoPaths.NewTempDirectory("chromium-profile"),
            Args = new[] { "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync" },
        });
    }

    /// <summary>A new page at the given width with <paramref name="url"/> loaded; console errors and page errors are kept.</summary>
    public async Task<IPage> OpenAsync(string url, int width, Action<IRequest>? onRequest = null, int height = 900)
    {
        var page = await _browser!.NewPageAsync();
        var errors = new List<string>();
        lock (_errors) _errors[page] = errors;
        page.Console += (_, e) => { if (e.Message.Type == ConsoleType.Error) errors.Add(e.Message.Text); };
        page.PageError += (_, e) => errors.Add(e.Message);
        page.RequestFailed += (_, e) => errors.Add("failed to load " + e.Request.Url);
        if (onRequest is not null) page.Request += (_, e) => onRequest(e.Request);
        await page.SetViewportAsync(new ViewPortOptions { Width = width, Height = height });
        await page.GoToAsync(url, WaitUntilNavigation.Load);
        return page;
    }

    public IReadOnlyList<string> Errors(IPage page)
    {
        lock (_errors) return _errors[page];
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
    }
}

/// <summary>axe-core (the Deque.AxeCore.Commons package's axe.min.js) run in the page.</summary>
public static class Axe
{
    private static readonly Lazy<string> Source = new(() =>
    {
        using var stream = typeof(Deque.AxeCore.Commons.AxeResult).Assembly.GetManifestResourceStream("Deque.AxeCore.Commons.Resources.axe.min.js")!;
        return new StreamReader(stream).ReadToEnd();
    });

    /// <summary>Violations of impact serious or critical, as "rule: selector, selector".</summary>
    public static async Task<string[]> SeriousViolationsAsync(IPage page)
    {
        // Evaluated through the DevTools protocol, so the page's CSP (scripts only from the site) does not apply to the audit.
        await page.EvaluateExpressionAsync(Source.Value);
        return await page.EvaluateFunctionAsync<string[]>("""
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`);
            }
            """);
    }
}
