using Publishing.Build;
using Publishing.Diagnostics;
using Publishing.Layout.Fonts;
using Publishing.Layout.Frames;
using Publishing.Layout.Pages;
using Publishing.Rendering.Pdf;
using Publishing.Tests.Support;

namespace Publishing.Tests.Browser;

/// <summary>
/// The preview's tables are the PDF's tables: for each shipped form's indicator table, Chromium's rendering of the
/// preview and the PDF's layout of the same assembled document have the same column edges (relative to the table's
/// width), the same header cells over the same columns (colspan, rowspan), and each value at the same place in
/// its column (alignment).
/// </summary>
public sealed class PreviewTablesBrowserTests : IClassFixture<BuiltSite>
{
    private const double Tolerance = 0.012; // of the table's width: about 2 mm on a portrait page

    /// <summary>content/ built once as ./build.sh does, and one Chromium (shared with the site's browser tests' fixture).</summary>
    private readonly BuiltSite _site;

    public PreviewTablesBrowserTests(BuiltSite site) => _site = site;

    /// <summary>What Chromium shows of the first indicator table: column edges and header cells, relative to the table.</summary>
    private sealed record BrowserTable(double[] Edges, BrowserCell[] Header, BrowserCell[] Values);

    private sealed record BrowserCell(string Text, int Colspan, int Rowspan, double Left, double Right, double Top, double Bottom, double TextLeft, double TextRight);

    private async Task<BrowserTable> Preview(string slug)
    {
        var page = await _site.OpenAsync("file://" + Path.Combine(_site.Output, slug, "index.html"), 1800);
        var table = await page.EvaluateExpressionAsync<BrowserTable>("""
            (() => {
              const table = document.querySelector('table.indicator-table');
              const box = table.getBoundingClientRect();
              const x = v => (v - box.left) / box.width;
              const cell = c => {
                const r = c.getBoundingClientRect();
                const range = document.createRange(); range.selectNodeContents(c);
                const t = range.getBoundingClientRect();
                return { text: c.textContent.trim(), colspan: c.colSpan, rowspan: c.rowSpan, left: x(r.left), right: x(r.right),
                         top: r.top, bottom: r.bottom, textLeft: x(t.left), textRight: x(t.right) };
              };
              const cells = [...table.querySelectorAll('th, td')];
              const xs = cells.flatMap(c => { const r = c.getBoundingClientRect(); return [x(r.left), x(r.right)]; }).sort((a, b) => a - b);
              const edges = xs.filter((v, i) => i === 0 || v - xs[i - 1] > 0.004);
              return { edges, header: [...table.querySelectorAll('thead th')].map(cell),
                       values: [...table.querySelectorAll('tbody td')].filter(c => c.textContent.trim().length > 0).map(cell) };
            })()
            """);
        await page.CloseAsync();
        return table;
    }

    /// <summary>
    /// The PDF's layout of the same document: the page with the indicator table (the one with all of
    /// <paramref name="header"/>), that table's column edges and a function giving an x relative to the table.
    /// </summary>
    private static (PageFrame Page, double[] Edges, Func<double, double> X) Pdf(string slug, IReadOnlyList<string> header)
    {
        var diagnostics = new DiagnosticBag();
        var builder = new DocumentBuilder(new BuildOptions(RepoPaths.Content, RepoPaths.NewTempDirectory("pdf-layout"), RepoPaths.Templates, OutputFormats.Html));
        var rendered = builder.Render(Path.Combine(RepoPaths.Content, slug), diagnostics).ShouldNotBeNull(string.Join("\n", diagnostics.Sorted()));
        var mapped = HtmlToLayout.Map(rendered.AssembledHtml, new PdfStyles(rendered.Theme!, new FontLibrary()),
            new PdfDocumentInfo("t", "a", "s", "k", "zh-CN", DateTimeOffset.UnixEpoch));
        var layout = DocumentLayout.Run(mapped.Document);
        // A label may wrap (评(扣)分标准 in a narrow column): the page is the first with the most labels on a line of their own.
        var page = layout.Pages.MaxBy(p => header.Count(h => p.Runs.Any(r => r.Text.Trim() == h)))!;
        var labels = page.Runs.Where(r => header.Contains(r.Text.Trim())).ToList();
        var firstLabel = labels.MinBy(r => r.Baseline)!;
        // The table's top rule is the last horizontal rule above its first header row; its vertical rules start there
        // or below (the rules of a table above end where this one begins).
        var top = page.Items.OfType<LineMark>().Where(l => Math.Abs(l.Y1 - l.Y2) < 0.01 && l.Y1 < firstLabel.Baseline - 0.7 * firstLabel.Size)
            .Max(l => l.Y1);
        var xs = page.Items.OfType<LineMark>()
            .Where(l => Math.Abs(l.X1 - l.X2) < 0.01 && Math.Min(l.Y1, l.Y2) >= top - 0.5)
            .Select(l => l.X1).Order().ToList();
        xs.ShouldNotBeEmpty();
        var edges = xs.Where((v, i) => i == 0 || v - xs[i - 1] > 1).ToArray();
        var (left, right) = (edges[0], edges[^1]);
        double X(double v) => (v - left) / (right - left);
        return (page, edges.Select(X).ToArray(), X);
    }

    /// <summary>Weights (declaration, department goals), weights in the template's own colgroup (midterm), all mm (city).</summary>
    public static TheoryData<string> Examples => new() { "example-project-declaration", "example-project-midterm", "example-department-goals", "example-city-declaration" };

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task The_preview_table_has_the_pdf_s_columns_header_and_alignment(string slug)
    {
        var preview = await Preview(slug);
        var (page, pdfEdges, x) = Pdf(slug, preview.Header.Select(h => h.Text).ToList());

        // Same columns, in the same places (the forms give every column a width: weights or mm, the same in both).
        preview.Edges.Length.ShouldBe(pdfEdges.Length, $"preview {string.Join(", ", preview.Edges.Select(e => e.ToString("0.000")))}; pdf {string.Join(", ", pdfEdges.Select(e => e.ToString("0.000")))}");
        for (var i = 0; i < pdfEdges.Length; i++) preview.Edges[i].ShouldBe(pdfEdges[i], Tolerance, $"edge {i} of {slug}");

        // Same header: each header cell spans as many columns in the preview as its colspan, and the PDF centres
        // its label over the same columns.
        int Edge(double v) => Array.FindIndex(preview.Edges, e => Math.Abs(e - v) < Tolerance);
        var checkedLabels = 0;
        foreach (var th in preview.Header)
        {
            (Edge(th.Right) - Edge(th.Left)).ShouldBe(th.Colspan, th.Text);
            // The label's line nearest its place (指标值 is also the first line of a wrapped 指标值类型).
            var middle = preview.Edges[Edge(th.Left)] + preview.Edges[Edge(th.Right)];
            if (page.Runs.Where(r => r.Text.Trim() == th.Text).MinBy(r => Math.Abs(x(r.X) + x(r.X + r.Width) - middle)) is not { } run) continue;
            (x(run.X) + x(run.X + run.Width)).ShouldBe(middle, 2 * Tolerance, th.Text);
            checkedLabels++;
        }
        checkedLabels.ShouldBeGreaterThanOrEqualTo(preview.Header.Length * 3 / 4); // a label that wraps has no line of its own

        // Same alignment: each value the PDF prints on one line is left-, right-aligned or centred in its column as
        // the preview's is (the two measure text with the same fonts, but not to the hundredth of a point).
        var checkedValues = 0;
        foreach (var value in preview.Values.Where(v => v.Text.Length is > 0 and <= 12))
        {
            // The same text in the same column (≥90% under 中期 and under 年度 are two columns).
            var run = page.Runs.FirstOrDefault(r => r.Text.Trim() == value.Text && x(r.X + r.Width / 2) > value.Left && x(r.X + r.Width / 2) < value.Right);
            if (run is null) continue;
            var (left, right) = (x(run.X) - value.Left, value.Right - x(run.X + run.Width));
            var (previewLeft, previewRight) = (value.TextLeft - value.Left, value.Right - value.TextRight);
            if (Math.Abs(left - right) < Tolerance) previewLeft.ShouldBe(previewRight, 2 * Tolerance, $"“{value.Text}” is centred in {slug}");
            else if (left < right) previewLeft.ShouldBe(left, Tolerance, $"“{value.Text}” is left-aligned in {slug}");
            else previewRight.ShouldBe(right, Tolerance, $"“{value.Text}” is right-aligned in {slug}");
            checkedValues++;
        }
        checkedValues.ShouldBeGreaterThan(5);
    }

    [Fact]
    public async Task A_table_whose_columns_are_all_in_mm_has_those_widths_in_the_preview_as_in_the_pdf()
    {
        // The city's form gives its seven indicator columns 20, 24, 36, 13, 20, 14 and 25 mm: a fixed layout of their
        // sum (152 mm), not Chromium's automatic layout (which gave 指标值 41 mm on screen for 20 mm in the PDF).
        var page = await _site.OpenAsync("file://" + Path.Combine(_site.Output, "example-city-declaration", "index.html"), 1800);
        var widths = await page.EvaluateExpressionAsync<double[]>("""
            (() => {
              const mm = (() => { const d = document.createElement('div'); d.style.width = '100mm'; document.body.appendChild(d);
                                  const w = d.getBoundingClientRect().width / 100; d.remove(); return w; })();
              return [...document.querySelectorAll('table.indicator-table thead th')].map(th => th.getBoundingClientRect().width / mm);
            })()
            """);
        await page.CloseAsync();
        widths.Length.ShouldBe(7);
        var declared = new[] { 20.0, 24, 36, 13, 20, 14, 25 };
        for (var i = 0; i < declared.Length; i++) widths[i].ShouldBe(declared[i], 0.6, $"column {i + 1}: {string.Join(", ", widths.Select(w => w.ToString("0.0")))} mm");
    }

    [Fact]
    public async Task A_two_row_header_spans_the_same_rows_in_the_preview_and_the_pdf()
    {
        var preview = await Preview("example-project-midterm");
        var (page, _, _) = Pdf("example-project-midterm", preview.Header.Select(h => h.Text).ToList());
        BrowserCell Th(string text) => preview.Header.Single(h => h.Text == text);
        double Baseline(string text) => page.Runs.First(r => r.Text.Trim() == text).Baseline;

        Th("一级指标").Rowspan.ShouldBe(2);
        Th("指标值").Colspan.ShouldBe(2);
        // 一级指标 covers both header rows: it starts with 指标值's row and ends with 中期's, and is centred between them.
        Th("一级指标").Top.ShouldBe(Th("指标值").Top, 1);
        Th("一级指标").Bottom.ShouldBe(Th("中期").Bottom, 1);
        Baseline("一级指标").ShouldBeGreaterThan(Baseline("指标值"));
        Baseline("一级指标").ShouldBeLessThan(Baseline("中期"));
    }

    private sealed record LabelLines(string Label, int[] Breaks, int Middle);

    [Theory]
    [InlineData(1366)]
    [InlineData(390)]
    public async Task A_short_header_label_wraps_only_at_its_middle_as_in_the_pdf(int width)
    {
        var wrapped = new List<string>();
        foreach (var slug in new[] { "example-project-declaration", "example-project-midterm", "example-department-goals", "example-city-declaration", "chengde-xinfang-2021" })
        {
            var page = await _site.OpenAsync("file://" + Path.Combine(_site.Output, slug, "index.html"), width);
            // Each marked label: where its lines break (character indices, from the characters' boxes) and where its wbr is.
            var labels = await page.EvaluateExpressionAsync<LabelLines[]>("""
                [...document.querySelectorAll('th.whole-label')].map(th => {
                  const chars = [];
                  const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
                  let middle = -1;
                  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    const text = node.data.trim();
                    if (!text) continue;
                    if (chars.length > 0 && middle < 0) middle = chars.length;
                    const offset = node.data.indexOf(text);
                    for (let i = 0; i < text.length; i++) {
                      const range = document.createRange(); range.setStart(node, offset + i); range.setEnd(node, offset + i + 1);
                      chars.push(range.getBoundingClientRect().top);
                    }
                  }
                  const breaks = [];
                  for (let i = 1; i < chars.length; i++) if (chars[i] > chars[i - 1] + 2) breaks.push(i);
                  return { label: th.textContent.trim(), breaks, middle };
                })
                """);
            await page.CloseAsync();
            labels.ShouldNotBeEmpty($"{slug}: the preview marks its short header labels");
            foreach (var label in labels)
            {
                label.Middle.ShouldBe((label.Label.Length + 1) / 2, $"{slug}: {label.Label}");
                if (label.Breaks.Length == 0) continue;
                label.Breaks.ShouldBe(new[] { label.Middle }, $"{slug} at {width} px: '{label.Label}' breaks only at its middle");
                wrapped.Add($"{slug}:{label.Label}");
            }
        }
        // The 计量单位 column of the 整体绩效目标表 is narrower than its label: it must wrap, and at its middle.
        wrapped.ShouldContain("example-department-goals:计量单位");
    }
}
