using AngleSharp.Html.Parser;
using Publishing.Diagnostics;
using Publishing.Markdown;
using Publishing.Model;
using Publishing.Text;

namespace Publishing.Tests.Foundation;

public class MarkdownTests
{
    private static (NarrativeSection? Section, DiagnosticBag Diagnostics) Render(string markdown)
    {
        var diagnostics = new DiagnosticBag();
        var section = new SectionRenderer(new HashSet<string>(), DocumentData.Empty).Render(markdown, "sections/test.md", diagnostics);
        return (section, diagnostics);
    }

    private static string BodyText(string markdown)
    {
        var html = Render(markdown).Section!.Html;
        return new HtmlParser().ParseDocument(html).Body!.TextContent.Trim();
    }

    [Fact]
    public void A_soft_break_between_two_CJK_characters_joins_without_a_space()
    {
        BodyText("# 标题\n\n加强信访\n工作。").ShouldBe("加强信访工作。");
    }

    [Fact]
    public void A_soft_break_between_CJK_punctuation_and_a_character_joins_too()
    {
        BodyText("# 标题\n\n确保稳定，\n促进和谐。").ShouldBe("确保稳定，促进和谐。");
    }

    [Fact]
    public void A_soft_break_between_Latin_words_stays_a_space()
    {
        var html = Render("# 标题\n\nhello\nworld").Section!.Html;
        new HtmlParser().ParseDocument(html).Body!.TextContent.Trim().Replace('\n', ' ').ShouldBe("hello world");
    }

    [Fact]
    public void A_soft_break_across_emphasis_between_CJK_joins()
    {
        BodyText("# 标题\n\n**重点**\n工作").ShouldBe("重点工作");
    }

    [Fact]
    public void The_first_heading_is_the_title_and_others_move_down_a_level()
    {
        var (section, _) = Render("# 一、总体目标\n\n## （一）网信工作\n\n正文。");
        section!.Title.ShouldBe("一、总体目标");
        section.Id.ShouldBe("一总体目标");
        section.Html.ShouldContain("<h3 id=\"一网信工作\"");
        section.Html.ShouldNotContain("总体目标</h");
    }

    [Fact]
    public void A_section_without_a_title_heading_is_an_error_at_its_first_line()
    {
        var (section, diagnostics) = Render("\n\n正文。");
        section.ShouldBeNull();
        diagnostics.Items.ShouldHaveSingleItem().ToString().ShouldBe(
            "sections/test.md(3,1): error PUB3001: 章节文件应以一级标题开头，例如“# 一、总体绩效目标”：它是这一节在目录中的标题。");
    }

    [Fact]
    public void Raw_HTML_is_text_not_markup()
    {
        var html = Render("# 标题\n\n<script>alert(1)</script> 与 <b onclick=\"x()\">粗</b>").Section!.Html;
        html.ShouldNotContain("<script");
        html.ShouldNotContain("<b ");
        html.ShouldContain("&lt;script&gt;");
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JaVaScRiPt:alert(1)")]
    [InlineData("&#106;avascript:alert(1)")]
    [InlineData("data:text/html;base64,PHNjcmlwdD4=")]
    [InlineData("vbscript:msgbox(1)")]
    public void Unsafe_links_are_dropped_with_a_warning(string url)
    {
        var (section, diagnostics) = Render($"# 标题\n\n点击[这里]({url})查看。");
        section!.Html.ShouldNotContain("href");
        section.Html.ShouldContain("这里");
        diagnostics.Items.ShouldHaveSingleItem().Code.ShouldBe(DiagnosticCodes.UnsafeLink);
    }

    [Fact]
    public void An_unsafe_autolink_before_an_unsafe_link_is_dropped_too()
    {
        var (section, diagnostics) = Render("# 标题\n\n<javascript:alert(8)> [a](javascript:2)");
        section!.Html.ShouldNotContain("href");
        diagnostics.Items.Count.ShouldBe(2);
        diagnostics.Items.ShouldAllBe(d => d.Code == DiagnosticCodes.UnsafeLink);
    }

    [Fact]
    public void Images_become_their_alt_text_with_a_warning()
    {
        var (section, diagnostics) = Render("# 标题\n\n见![示意图](https://example.com/a.png)。");
        section!.Html.ShouldNotContain("<img");
        section.Html.ShouldContain("见示意图。");
        diagnostics.Items.ShouldHaveSingleItem().Code.ShouldBe(DiagnosticCodes.ImageNotSupported);
    }

    [Fact]
    public void A_title_heading_without_text_is_an_error()
    {
        var (section, diagnostics) = Render("#\n\n正文。");
        section.ShouldBeNull();
        diagnostics.Items.ShouldHaveSingleItem().Code.ShouldBe(DiagnosticCodes.SectionWithoutTitle);
    }

    [Theory]
    [InlineData("https://www.mof.gov.cn/")]
    [InlineData("#一总体绩效目标")]
    [InlineData("mailto:czj@example.cn")]
    public void Safe_links_stay(string url)
    {
        var (section, diagnostics) = Render($"# 标题\n\n见[文件]({url})。");
        section!.Html.ShouldContain("href=");
        diagnostics.Items.ShouldBeEmpty();
    }

    [Fact]
    public void Heading_ids_are_unique_across_sections_of_a_document()
    {
        var used = new HashSet<string>();
        var renderer = new SectionRenderer(used, DocumentData.Empty);
        var a = renderer.Render("# 一、目标\n\n## 工作保障措施", "a.md", new DiagnosticBag())!;
        var b = renderer.Render("# 二、措施\n\n## 工作保障措施", "b.md", new DiagnosticBag())!;
        a.Headings.Single().Id.ShouldBe("工作保障措施");
        b.Headings.Single().Id.ShouldBe("工作保障措施-1");
    }

    [Theory]
    [InlineData("一、总体思路", 1, 1)]
    [InlineData("十二、其他", 1, 12)]
    [InlineData("二十、其他", 1, 20)]
    [InlineData("一百零五、其他", 1, 105)]
    [InlineData("（一百一十）其他", 2, 110)]
    [InlineData("（三）群众来访", 2, 3)]
    [InlineData("3. 信访维稳", 3, 3)]
    [InlineData("（2）细则", 4, 2)]
    public void Chinese_numbering_is_read(string text, int level, int number)
    {
        var marker = ChineseNumbering.Read(text).ShouldNotBeNull();
        marker.Level.ShouldBe(level);
        marker.Number.ShouldBe(number);
    }

    [Theory]
    [InlineData("总体绩效目标")]
    [InlineData("1.5 倍")]
    [InlineData("2021 年")]
    [InlineData("十百、不是数")]
    [InlineData("十十、不是数")]
    [InlineData("（百）不是数")]
    [InlineData("二三、不是数")]
    public void Text_without_numbering_has_no_marker(string text) => ChineseNumbering.Read(text).ShouldBeNull();
}

public class DocumentIdTests
{
    [Fact]
    public void A_heading_cannot_take_the_id_of_a_part_or_a_project()
    {
        var (content, document) = Support.RepoPaths.CopyOfSample();
        var section = Path.Combine(document, "sections", "01-overall-goals.md");
        File.WriteAllText(section, File.ReadAllText(section) + "\n## Part 2\n");

        var loaded = Publishing.Content.DocumentLoader.Load(document, new Publishing.Forms.FormCatalog(Support.RepoPaths.Templates), new DiagnosticBag())!;

        var headingIds = loaded.Sections.SelectMany(s => s.Headings).Select(h => h.Id).ToList();
        headingIds.ShouldContain("part-2-1");
        headingIds.ShouldNotContain("part-2");
    }
}

public class NarrativeTextPositionTests
{
    [Theory]
    [InlineData("| 单元明感五 | x明感六 |", 5, 12)]
    [InlineData("|明感五|   前后空格明感六   |", 2, 13)]
    public void Words_in_table_cells_are_located_at_their_own_column(string row, int firstColumn, int secondColumn)
    {
        var markdown = "# 标题\n\n| 甲 | 乙 |\n|---|---|\n" + row + "\n";
        var section = new SectionRenderer(new HashSet<string>(), DocumentData.Empty).Render(markdown, "t.md", new DiagnosticBag())!;
        var cells = section.TextBlocks.Where(b => b.Kind == TextBlockKind.TableCell && b.Text.Contains("明感")).ToList();
        cells.Count.ShouldBe(2);
        cells.Select(c => c.At(c.Text.IndexOf("明感", StringComparison.Ordinal)))
            .Select(at => (at.Line, at.Column))
            .ShouldBe(new[] { (5, firstColumn), (5, secondColumn) });
    }
}
