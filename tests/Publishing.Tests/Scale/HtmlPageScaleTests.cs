using System.Diagnostics;
using System.Text;
using AngleSharp.Html.Parser;
using Publishing.Changes;
using Publishing.Site;
using Publishing.Tests.Support;

namespace Publishing.Tests.Scale;

/// <summary>
/// The document page is linear in the document's blocks: 90,000 blocks (paragraphs, headings, list items, small
/// tables, a warning on every tenth block, a changed heading every hundredth) take about three times as long as
/// 30,000, not nine (the page's markup was written out by AngleSharp in a time that grew with each paragraph's
/// position, and each warning searched every block of its file). The markup is byte for byte AngleSharp's own.
/// </summary>
public sealed class HtmlPageScaleTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private readonly Xunit.Abstractions.ITestOutputHelper _output = output;

    [Fact]
    public void The_document_page_of_three_times_the_blocks_takes_about_three_times_as_long()
    {
        Model(2_000); // the JIT
        var small = Fastest(() => Model(30_000));
        var large = Fastest(() => Model(90_000));
        // Linear is 3; the quadratic steps made it 9 and more. The margin absorbs a shared machine's noise.
        _output.WriteLine($"30,000 blocks {small.TotalMilliseconds:F0} ms, 90,000 blocks {large.TotalMilliseconds:F0} ms");
        (large.TotalMilliseconds / small.TotalMilliseconds).ShouldBeLessThan(5.5, $"30,000 blocks {small.TotalMilliseconds:F0} ms, 90,000 blocks {large.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public void Every_warning_marks_the_block_at_or_before_its_line_and_every_changed_heading_is_marked()
    {
        var model = Model(3_000);
        model.Warnings.Count.ShouldBe(300);
        var page = new HtmlParser().ParseDocument("<body>" + model.Document + "</body>");
        foreach (var warning in model.Warnings)
        {
            // Warning i is at line 2i+3 of the file, between block i (line 2i+2) and block i+1 (line 2i+4): block i.
            var block = int.Parse(warning.Message, System.Globalization.CultureInfo.InvariantCulture);
            var target = page.GetElementById(warning.Target!)!;
            target.GetAttribute("data-src").ShouldBe($"sections/01.md:{2 * block + 2}");
            target.ClassList.ShouldContain("has-warning");
        }
        page.QuerySelectorAll(".changed").Select(e => e.Id).ShouldBe(Enumerable.Range(0, 3_000).Where(i => i % 100 == 0).Select(i => $"h{i}"));
        page.QuerySelectorAll(".table-scroll > table").Length.ShouldBe(3_000 / 4);
    }

    [Fact]
    public void The_page_markup_is_angle_sharps_own_serialization()
    {
        var (content, _) = RepoPaths.CopyOfSample();
        var output = RepoPaths.NewTempDirectory("site");
        PublishingCommand.Run("build", content, "--out", output, "--format", "html", "--templates", RepoPaths.Templates).ExitCode.ShouldBe(0);
        var samples = new[]
        {
            File.ReadAllText(Path.Combine(output, "doc", "index.html")),
            "<html><head><style>p > a { x: \"&<\" }</style><script src=a.js></script></head><body><pre>\nkept\nline</pre>" +
            "<textarea>\nx</textarea><p>a &amp; b &lt;c&gt;&nbsp;<br><img src=\"x\" alt='\"q\"'><!-- note --><col span=2><template><p>t</p></template>" +
            "<svg viewBox=\"0 0 1 1\"><path d=\"M0 0\"/></svg><table><tr><td>1</td></tr></table></body></html>",
        };
        foreach (var html in samples)
        {
            var document = new HtmlParser().ParseDocument(html);
            HtmlSerializer.InnerHtml(document.Body!).ShouldBe(document.Body!.InnerHtml);
            HtmlSerializer.InnerHtml(document.Head!).ShouldBe(document.Head!.InnerHtml);
            HtmlSerializer.OuterHtml(document.DocumentElement).ShouldBe(document.DocumentElement.OuterHtml);
        }
    }

    /// <summary>The preview page's model of a section of <paramref name="blocks"/> blocks, block i at line 2i+2.</summary>
    private static DocumentPageModel Model(int blocks)
    {
        var html = new StringBuilder("<html><head><title>t</title></head><body><section class=\"narrative\"><h1 id=\"s\" data-src=\"sections/01.md:1\">一、总体目标</h1>");
        for (var i = 0; i < blocks; i++)
        {
            var src = $" data-src=\"sections/01.md:{2 * i + 2}\"";
            html.Append((i % 4) switch
            {
                0 => $"<h3 id=\"h{i}\"{src}>（{i}）标题</h3>",
                1 => $"<p{src}>第{i}段，负责接待群众来访，做好信访保障工作。</p>",
                2 => $"<ul{src}><li>第{i}项</li></ul>",
                _ => $"<table{src}><thead><tr><th>项目</th><th>金额</th></tr></thead><tbody><tr><th>第{i}行</th><td>1.00</td></tr></tbody></table>",
            });
        }
        html.Append("</section></body></html>");
        var warnings = Enumerable.Range(0, blocks).Where(i => i % 10 == 0)
            .Select(i => new PageWarning("PUB3001", i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"sections/01.md({2 * i + 3},1)", "sections/01.md", 2 * i + 3))
            .ToList();
        var changes = new ChangeSet("上一稿",
            Enumerable.Range(0, blocks).Where(i => i % 100 == 0).Select(i => new SectionChange($"h{i}", "标题", ChangeKind.Modified, [])).ToList(), [], []);
        return PreviewPage.Model(html.ToString(), new PreviewInputs("标题", "草案", new DateOnly(2025, 1, 15), null,
            new Dictionary<string, int>(), null, warnings, changes));
    }

    private static TimeSpan Fastest(Action work)
    {
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < 2; i++)
        {
            var clock = Stopwatch.StartNew();
            work();
            if (clock.Elapsed < best) best = clock.Elapsed;
        }
        return best;
    }
}
