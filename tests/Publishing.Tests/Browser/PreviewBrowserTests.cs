using PuppeteerSharp;
using Publishing.Tests.Support;

namespace Publishing.Tests.Browser;

/// <summary>
/// The preview as a reviewer sees it: Debian's Chromium (installed by scripts/install-deps.sh) opens
/// the built index.html from file:// and we ask the live page what it shows.
/// </summary>
public sealed class PreviewBrowserTests : IClassFixture<PreviewPage>
{
    private readonly IPage? _page;

    public PreviewBrowserTests(PreviewPage preview) => _page = preview.Page;

    [Fact]
    public async Task The_stylesheet_loads_from_file_and_styles_the_page()
    {
        var bodySize = await _page!.EvaluateExpressionAsync<string>("getComputedStyle(document.body).fontSize");
        bodySize.ShouldBe("21.3333px"); // 16pt
        var indent = await _page.EvaluateExpressionAsync<string>("getComputedStyle(document.querySelector('section.section p')).textIndent");
        indent.ShouldBe("42.6667px"); // 2em
    }

    [Fact]
    public async Task Clicking_a_toc_entry_scrolls_to_its_section()
    {
        await _page!.EvaluateExpressionAsync("window.scrollTo(0, 0)");
        await _page.ClickAsync("nav.toc a[href='#三工作保障措施']");
        await Poll.Until(async () => Math.Abs(await _page.EvaluateExpressionAsync<double>(
            "document.getElementById('三工作保障措施').getBoundingClientRect().top")) < 5, "the section scrolled to the top");
        (await _page.EvaluateExpressionAsync<string>("decodeURIComponent(location.hash)")).ShouldBe("#三工作保障措施");
        (await _page.EvaluateExpressionAsync<double>("window.scrollY")).ShouldBeGreaterThan(1000);
    }

    [Fact]
    public async Task The_merged_level1_cell_spans_the_height_of_its_rows()
    {
        var heights = await _page!.EvaluateExpressionAsync<double[]>("""
            (() => {
              const rows = [...document.querySelectorAll('table.indicator-table tbody tr')];
              const first = rows[0].querySelector('td');
              const sum = rows.slice(0, 7).reduce((s, r) => s + r.getBoundingClientRect().height, 0);
              return [first.getBoundingClientRect().height, sum];
            })()
            """);
        heights[0].ShouldBe(heights[1], 1.5);
    }

    [Fact]
    public async Task Short_values_stay_on_one_line()
    {
        var lines = await _page!.EvaluateExpressionAsync<int[]>("""
            [...document.querySelectorAll('table.indicator-table td.value')].map(td => {
              const r = document.createRange(); r.selectNodeContents(td.querySelector('.cell-text') ?? td); return r.getClientRects().length; })
            """);
        lines.Length.ShouldBe(11);
        lines.ShouldAllBe(n => n == 1);
    }

    [Fact]
    public async Task Printing_gives_A4_pages()
    {
        var pdf = await _page!.PdfDataAsync(new PdfOptions { PreferCSSPageSize = true, PrintBackground = true });
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        document.NumberOfPages.ShouldBeGreaterThan(3);
        var page = document.GetPage(1);
        page.Width.ShouldBe(595, 2);  // 210 mm
        page.Height.ShouldBe(842, 2); // 297 mm
    }
}

/// <summary>One Chromium and one loaded preview shared by the browser tests (starting Chromium is slow).</summary>
public sealed class PreviewPage : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private IBrowser? _browser;
    private IPage? _page;
    private string _output = "";

    public IPage Page => _page!;

    public async Task InitializeAsync()
    {
        File.Exists(ChromiumPath).ShouldBeTrue("Chromium is missing: run scripts/install-deps.sh (./build.sh --target=Test does)");
        _output = RepoPaths.NewTempDirectory("preview");
        var build = PublishingCommand.Run("build", RepoPaths.Sample, "--out", _output, "--format", "html", "--templates", RepoPaths.Templates);
        build.ExitCode.ShouldBe(0, build.Stderr);

        _browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            Headless = true,
            ExecutablePath = ChromiumPath,
            UserDataDir = RepoPaths.NewTempDirectory("chromium-profile"),
            Args = new[]
            {
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            },
        });
        _page = await _browser.NewPageAsync();
        await _page.SetViewportAsync(new ViewPortOptions { Width = 1000, Height = 1400 });
        await _page.GoToAsync("file://" + Path.Combine(_output, "chengde-xinfang-2021", "index.html"));
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
    }

}
