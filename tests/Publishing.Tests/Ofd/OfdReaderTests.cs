using System.Diagnostics;
using System.Text.RegularExpressions;
using PuppeteerSharp;
using Publishing.Tests.Support;
using StbImageSharp;
using UglyToad.PdfPig;

namespace Publishing.Tests.Ofd;

/// <summary>
/// The sample's OFD as an independent reader shows it: ofd.js (DLTech21's reader, from npm, installed into
/// tests/ofd-reader by scripts/install-deps.sh) renders every page in headless Chromium, and each page image
/// is compared with the PDF's page as poppler draws it (pdftoppm), at the same 4 pixels per millimetre. The
/// text ofd.js draws is compared with the PDF's text as PdfPig reads it.
/// </summary>
public sealed class OfdReaderTests : IClassFixture<OfdReaderTests.Rendered>
{
    private const double PixelsPerMm = 4;
    // Differences allowed: Skia and poppler antialias differently, and ofd.js, which does not apply CGTransform,
    // draws the nominal form of the few full-width punctuation marks. Measured on the sample (2026-12-06): 0.1-0.4 %
    // per page against its own PDF page, 24-85 % against the next page's.
    private const double MaxUnmatchedInk = 0.02;
    private readonly Rendered _rendered;

    public OfdReaderTests(Rendered rendered) => _rendered = rendered;

    [Fact]
    public void The_reader_shows_every_page_at_the_pdfs_size()
    {
        _rendered.OfdPages.Count.ShouldBe(_rendered.PdfPages.Count);
        for (var i = 0; i < _rendered.OfdPages.Count; i++)
        {
            Math.Abs(_rendered.OfdPages[i].Width - _rendered.PdfPages[i].Width).ShouldBeLessThanOrEqualTo(2, $"page {i + 1}");
            Math.Abs(_rendered.OfdPages[i].Height - _rendered.PdfPages[i].Height).ShouldBeLessThanOrEqualTo(2, $"page {i + 1}");
        }
    }

    [Fact]
    public void Every_page_looks_like_the_pdfs_page()
    {
        var report = new List<string>();
        for (var i = 0; i < _rendered.OfdPages.Count; i++)
        {
            var unmatched = UnmatchedInk(_rendered.OfdPages[i], _rendered.PdfPages[i]);
            report.Add($"page {i + 1}: {unmatched:P1}");
            unmatched.ShouldBeLessThan(MaxUnmatchedInk, string.Join("; ", report));
        }
        // The measure tells pages apart: the cover against the 目录, each page against the next.
        UnmatchedInk(_rendered.OfdPages[0], _rendered.PdfPages[1]).ShouldBeGreaterThan(0.3);
        for (var i = 2; i + 1 < _rendered.OfdPages.Count; i++)
            UnmatchedInk(_rendered.OfdPages[i], _rendered.PdfPages[i + 1]).ShouldBeGreaterThan(0.15, $"page {i + 1} against {i + 2}");
    }

    [Fact]
    public void The_text_the_reader_draws_is_the_pdfs_text()
    {
        using var pdf = PdfDocument.Open(_rendered.Pdf);
        for (var i = 0; i < _rendered.OfdTexts.Count; i++)
            NoSpace(_rendered.OfdTexts[i]).ShouldBe(NoSpace(string.Concat(pdf.GetPage(i + 1).Letters.Select(l => l.Value))), $"page {i + 1}");
    }

    private static string NoSpace(string s) => Regex.Replace(s, @"\s+", "");

    /// <summary>
    /// The share of ink (dark pixels) in either image with no ink within two pixels in the other: antialiasing
    /// and sub-pixel placement count for nothing, a glyph or a rule missing or moved counts fully.
    /// </summary>
    private static double UnmatchedInk(Gray a, Gray b)
    {
        var width = Math.Min(a.Width, b.Width);
        var height = Math.Min(a.Height, b.Height);
        long ink = 0, unmatched = 0;
        foreach (var (from, to) in new[] { (a, b), (b, a) })
            for (var y = 0; y < height; y++)
                for (var x = 0; x < width; x++)
                {
                    if (!from.Ink(x, y)) continue;
                    ink++;
                    var found = false;
                    for (var dy = -2; dy <= 2 && !found; dy++)
                        for (var dx = -2; dx <= 2 && !found; dx++)
                            found = to.Ink(x + dx, y + dy);
                    if (!found) unmatched++;
                }
        return ink == 0 ? 0 : (double)unmatched / ink;
    }

    /// <summary>A page image as grey levels.</summary>
    public sealed class Gray(int width, int height, byte[] levels)
    {
        public int Width { get; } = width;
        public int Height { get; } = height;

        public bool Ink(int x, int y) => x >= 0 && y >= 0 && x < Width && y < Height && levels[y * Width + x] < 140;

        public static Gray Of(byte[] png)
        {
            var image = ImageResult.FromMemory(png, ColorComponents.Grey);
            return new Gray(image.Width, image.Height, image.Data);
        }
    }

    /// <summary>The sample built as PDF and OFD, its PDF pages drawn by poppler and its OFD pages by ofd.js, once.</summary>
    public sealed class Rendered : IAsyncLifetime
    {
        private const string ChromiumPath = "/usr/bin/chromium";
        private IBrowser? _browser;

        public byte[] Pdf { get; private set; } = [];
        public List<Gray> PdfPages { get; } = new();
        public List<Gray> OfdPages { get; } = new();
        public List<string> OfdTexts { get; } = new();

        public async Task InitializeAsync()
        {
            var reader = Path.Combine(RepoPaths.Root, "tests", "ofd-reader");
            File.Exists(Path.Combine(reader, "node_modules", "ofd.js", "lib", "ofd.umd.min.js"))
                .ShouldBeTrue("the OFD reader is missing: run scripts/install-deps.sh (./build.sh --target=Test does)");
            File.Exists(ChromiumPath).ShouldBeTrue("Chromium is missing: run scripts/install-deps.sh");

            var output = RepoPaths.NewTempDirectory("ofd-reader");
            var build = PublishingCommand.Run("build", RepoPaths.Sample, "--out", output, "--format", "pdf,ofd", "--templates", RepoPaths.Templates);
            build.ExitCode.ShouldBe(0, build.Stderr);
            var folder = Path.Combine(output, "chengde-xinfang-2021");
            Pdf = File.ReadAllBytes(Path.Combine(folder, "chengde-xinfang-2021.pdf"));
            var ofdBytes = File.ReadAllBytes(Path.Combine(folder, "chengde-xinfang-2021.ofd"));

            // poppler at 4 px/mm (101.6 dpi), one PNG per page.
            var pngs = Path.Combine(output, "pdf-pages");
            Directory.CreateDirectory(pngs);
            using (var pdftoppm = Process.Start(new ProcessStartInfo("pdftoppm",
                       ["-r", (PixelsPerMm * 25.4).ToString(System.Globalization.CultureInfo.InvariantCulture), "-png",
                        Path.Combine(folder, "chengde-xinfang-2021.pdf"), Path.Combine(pngs, "page")]) { RedirectStandardError = true })!)
            {
                await pdftoppm.WaitForExitAsync();
                pdftoppm.ExitCode.ShouldBe(0, await pdftoppm.StandardError.ReadToEndAsync());
            }
            foreach (var png in Directory.GetFiles(pngs, "page-*.png").Order(StringComparer.Ordinal))
                PdfPages.Add(Gray.Of(await File.ReadAllBytesAsync(png)));

            // ofd.js: the package, and its embedded fonts under the family names its Font elements give.
            var package = new OfdPackage(ofdBytes);
            var fonts = package.Fonts.Select(f => new
            {
                family = f.Attribute("FamilyName")!.Value,
                bold = f.Attribute("Bold")?.Value == "true",
                data = Convert.ToBase64String(package.Files[$"{package.FontFolder}/{f.Element(OfdPackage.Ofd + "FontFile")!.Value}"]),
            }).ToArray();
            _browser = await Puppeteer.LaunchAsync(new LaunchOptions
            {
                Headless = true,
                ExecutablePath = ChromiumPath,
                UserDataDir = RepoPaths.NewTempDirectory("chromium-profile"),
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--allow-file-access-from-files", "--font-render-hinting=none"],
            });
            var page = await _browser.NewPageAsync();
            await page.SetViewportAsync(new ViewPortOptions { Width = 1400, Height = 1400 });
            await page.GoToAsync("file://" + Path.Combine(reader, "reader.html"));
            await page.EvaluateFunctionAsync("(ofd, fonts, scale) => window.renderOfd(ofd, fonts, scale)", Convert.ToBase64String(ofdBytes), fonts, PixelsPerMm);
            var divs = await page.QuerySelectorAllAsync("#pages > div");
            foreach (var div in divs)
            {
                OfdPages.Add(Gray.Of(await div.ScreenshotDataAsync(new ElementScreenshotOptions { Type = ScreenshotType.Png })));
                OfdTexts.Add(await div.EvaluateFunctionAsync<string>("d => Array.from(d.querySelectorAll('text')).map(t => t.textContent).join('')"));
            }
        }

        public async Task DisposeAsync()
        {
            if (_browser is not null) await _browser.CloseAsync();
        }
    }
}
