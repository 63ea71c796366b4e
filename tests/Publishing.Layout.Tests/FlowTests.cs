using Publishing.Layout.Flow;
using Publishing.Layout.Frames;
using Publishing.Layout.Pages;
using Publishing.Layout.Text;

namespace Publishing.Layout.Tests;

/// <summary>Layout by positions and sizes, with solid stand-in boxes: no pixels.</summary>
public class FlowTests
{
    private static readonly LayoutContext Context = new();

    [Fact]
    public void Boxes_stack_and_continue_on_the_next_call()
    {
        var stack = new Stack(new SolidBox("a", 100), new SolidBox("b", 100), new SolidBox("c", 100));
        var first = stack.Layout(Context, 200, 250, null, true);
        first.Fit.ShouldBe(Fit.Partial);
        first.Items.OfType<BoxMark>().Select(b => (b.Label, b.Y)).ShouldBe(new[] { ("a", 0.0), ("b", 100.0) });
        var second = stack.Layout(Context, 200, 250, first.Resume, true);
        second.Fit.ShouldBe(Fit.Complete);
        second.Items.OfType<BoxMark>().Single().ShouldBe(new BoxMark("c", 0, 0, 200, 100));
    }

    [Fact]
    public void A_box_too_tall_for_an_empty_page_is_placed_anyway()
    {
        var box = new SolidBox("big", 500);
        box.Layout(Context, 100, 200, null, atPageTop: false).Fit.ShouldBe(Fit.Nothing);
        box.Layout(Context, 100, 200, null, atPageTop: true).Fit.ShouldBe(Fit.Complete);
    }

    [Fact]
    public void Keep_with_next_moves_a_heading_chain_to_the_next_page()
    {
        var stack = new Stack(new SolidBox("text", 150), new SolidBox("h1", 20) { KeepWithNext = true },
            new SolidBox("h2", 20) { KeepWithNext = true }, new SolidBox("body", 50));
        var first = stack.Layout(Context, 100, 220, null, true);
        first.Fit.ShouldBe(Fit.Partial);
        first.Height.ShouldBe(150);
        first.Items.OfType<BoxMark>().Select(b => b.Label).ShouldBe(new[] { "text" });
        var second = stack.Layout(Context, 100, 220, first.Resume, true);
        second.Items.OfType<BoxMark>().Select(b => (b.Label, b.Y)).ShouldBe(new[] { ("h1", 0.0), ("h2", 20.0), ("body", 40.0) });
    }

    [Fact]
    public void A_stack_kept_together_moves_to_the_next_page_whole_and_breaks_only_from_a_page_top()
    {
        var project = new Stack(new SolidBox("caption", 20), new SolidBox("table", 100)) { KeepTogether = true };
        var page = new Stack(new SolidBox("text", 150), project);

        var first = page.Layout(Context, 100, 220, null, true);
        first.Items.OfType<BoxMark>().Select(b => b.Label).ShouldBe(new[] { "text" }); // 70 left: the project does not split
        var second = page.Layout(Context, 100, 220, first.Resume, true);
        second.Items.OfType<BoxMark>().Select(b => (b.Label, b.Y)).ShouldBe(new[] { ("caption", 0.0), ("table", 20.0) });

        // Without the mark the caption stays behind; from a page top a kept stack taller than the page still breaks.
        new Stack(new SolidBox("text", 150), new Stack(new SolidBox("caption", 20), new SolidBox("table", 100)))
            .Layout(Context, 100, 220, null, true).Items.OfType<BoxMark>().Select(b => b.Label).ShouldBe(new[] { "text", "caption" });
        var tall = new Stack(new SolidBox("a", 150), new SolidBox("b", 150)) { KeepTogether = true };
        tall.Layout(Context, 100, 220, null, atPageTop: true).Fit.ShouldBe(Fit.Partial);
        tall.Layout(Context, 100, 220, null, atPageTop: false).Fit.ShouldBe(Fit.Nothing);
    }

    [Fact]
    public void Page_break_ends_the_page_and_anchors_are_marked()
    {
        var stack = new Stack(new SolidBox("a", 10) { Anchor = "x" }, new PageBreak(), new SolidBox("b", 10) { Anchor = "y" });
        var doc = TestDocuments.Of(new DocumentSection(stack, PageNumbering.RestartAtOne));
        var result = DocumentLayout.Run(doc);
        result.Pages.Count.ShouldBe(2);
        result.Anchors["x"].ShouldBe(new AnchorPlace(0, 1, TestDocuments.Page.MarginTop));
        result.Anchors["y"].PageIndex.ShouldBe(1);
        result.Anchors["y"].Number.ShouldBe(2);
    }

    [Fact]
    public void Sections_start_new_pages_and_numbering_restarts()
    {
        var doc = TestDocuments.Of(
            new DocumentSection(new SolidBox("cover", 10), PageNumbering.None),
            new DocumentSection(new SolidBox("toc", 10), PageNumbering.None),
            new DocumentSection(new Stack(new SolidBox("p1", 400), new SolidBox("p1b", 400)), PageNumbering.RestartAtOne),
            new DocumentSection(new SolidBox("p2", 10), PageNumbering.Continue));
        var result = DocumentLayout.Run(doc);
        result.Pages.Select(p => p.Number).ShouldBe(new int?[] { null, null, 1, 2, 3 });
        result.Pages[0].Runs.ShouldBeEmpty("unnumbered pages have no footer");
        result.Pages[2].Text.ShouldContain("— 1 —");
        result.Pages[4].Text.ShouldContain("— 3 —");
    }

    [Fact]
    public void Page_numbers_can_sit_on_the_outside_edge()
    {
        var doc = TestDocuments.Of(new DocumentSection(new Stack(new SolidBox("a", 600), new SolidBox("b", 600)), PageNumbering.RestartAtOne));
        doc = doc with { Footer = doc.Footer! with { Placement = FooterPlacement.Outside, OutsideIndent = 14 } };
        var result = DocumentLayout.Run(doc);
        var page = TestDocuments.Page;
        var odd = result.Pages[0].Runs.Single();
        var even = result.Pages[1].Runs.Single();
        (odd.X + odd.Width).ShouldBe(page.MarginLeft + page.BodyWidth - 14, 0.01);
        even.X.ShouldBe(page.MarginLeft + 14, 0.01);
    }

    [Fact]
    public void Page_number_top_stands_7_mm_below_the_text_block()
    {
        // GB/T 9704: the top of the dash-number-dash 7 mm under the text block, whatever the digits.
        var doc = TestDocuments.Of(new DocumentSection(new Stack(Enumerable.Range(0, 12).Select(i => (Block)new SolidBox($"b{i}", 600)).ToList()),
            PageNumbering.RestartAtOne));
        var page = TestDocuments.Page;
        var result = DocumentLayout.Run(doc);
        result.Pages.Count.ShouldBe(12);
        foreach (var frame in result.Pages)
        {
            var run = frame.Runs.Single();
            var inkTop = run.Text.Where(char.IsAsciiDigit).Max(d => run.Face.InkTop(d)) * run.Size;
            inkTop.ShouldBeGreaterThan(0.5 * run.Size, "digits reach well above the baseline");
            (run.Baseline - inkTop - (page.MarginTop + page.BodyHeight)).ShouldBe(7 * PageSetup.PointsPerMm, 0.35, $"page {frame.Number}");
        }
    }

    [Fact]
    public void Paragraph_leaves_no_single_line_at_the_foot_or_head_of_a_page()
    {
        var style = new ParagraphStyle { LinePitch = 20 };
        var paragraph = new Paragraph(string.Concat(Enumerable.Repeat(Corpus.Paragraphs[0], 2)), TestFonts.Body(), style);
        var lines = paragraph.LinesFor(Context, 300).Count;
        lines.ShouldBeGreaterThan(5);
        // Room for one line only after something else: the paragraph moves on whole (no orphan).
        paragraph.Layout(Context, 300, 25, null, atPageTop: false).Fit.ShouldBe(Fit.Nothing);
        // Room for all but one line: two lines go over so that the last one is not alone (no widow).
        var fragment = paragraph.Layout(Context, 300, (lines - 1) * 20 + 5, null, atPageTop: false);
        fragment.Fit.ShouldBe(Fit.Partial);
        fragment.Resume.ShouldBe(lines - 2);
        var rest = paragraph.Layout(Context, 300, 1000, fragment.Resume, true);
        rest.Fit.ShouldBe(Fit.Complete);
        rest.Height.ShouldBe(40);
    }

    [Fact]
    public void Toc_numbers_settle_on_the_pages_where_the_headings_land()
    {
        var entryStyle = new ParagraphStyle { LinePitch = 28.95 };
        var toc = new Stack(Enumerable.Range(1, 30).Select(i =>
            (Block)new LeaderLine(new[] { new TextSpan($"第{i}节", TestFonts.Body()) }, $"s{i}", TestFonts.Body(), entryStyle)).ToList());
        var sections = Enumerable.Range(1, 30).Select(i => new DocumentSection(
            new Stack(new SolidBox($"s{i}", 10) { Anchor = $"s{i}" }, new SolidBox("filler", i % 3 == 0 ? 800 : 100)),
            i == 1 ? PageNumbering.RestartAtOne : PageNumbering.Continue));
        var doc = TestDocuments.Of(new[] { new DocumentSection(toc, PageNumbering.None) }.Concat(sections).ToArray());
        var result = DocumentLayout.Run(doc);
        result.Passes.ShouldBeGreaterThan(1);
        var tocPages = result.Pages.Where(p => p.SectionIndex == 0).ToList();
        tocPages.Count.ShouldBe(2, "30 entries at 22 a page");
        var tocText = string.Join("\n", tocPages.SelectMany(p => p.Runs).Select(r => r.Text));
        for (var i = 1; i <= 30; i++)
        {
            var printed = result.Pages[result.Anchors[$"s{i}"].PageIndex].Number;
            printed.ShouldNotBeNull();
            var runs = tocPages.SelectMany(p => p.Runs).ToList();
            var title = runs.First(r => r.Text == $"第{i}节");
            var number = runs.Single(r => r.Baseline == title.Baseline && r != title && r.X > 300 && ReferenceEquals(PageOf(tocPages, r), PageOf(tocPages, title)));
            number.Text.ShouldBe(printed.ToString());
        }
        tocText.ShouldNotBeEmpty();
    }

    private static PageFrame PageOf(List<PageFrame> pages, GlyphRun run) => pages.First(p => p.Items.Contains(run));
}
