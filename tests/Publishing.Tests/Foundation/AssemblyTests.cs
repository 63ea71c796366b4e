using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Publishing.Tests.Support;

namespace Publishing.Tests.Foundation;

/// <summary>The assembled HTML of the sample: what the preview shows and the PDF renderer reads.</summary>
public class AssemblyTests
{
    private static readonly IHtmlDocument Html = new HtmlParser().ParseDocument(SampleDocument.Html);

    private static string Text(IElement element) => string.Join(" ", element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void Every_heading_of_the_seed_is_there_in_order()
    {
        var headings = Html.QuerySelectorAll("section.part h1, section.part h2, section.part h3, section.part h4, section.part h5")
            .Select(Text).ToList();
        headings.ShouldBe(new[]
        {
            "第一部分 部门整体绩效目标",
            "一、总体绩效目标", "总体绩效目标", "一、职责分类绩效规划目标",
            "二、分项绩效目标", "分项绩效目标", "（一）群众来访接待工作", "（四）信访事项复查", "（六）联合接访中心",
            "三、工作保障措施", "工作保障措施", "一、总体思路", "二、做好信访维稳工作的重要意义", "三、深入开展矛盾纠纷排查化解",
            "四、进一步畅通信访渠道", "五、加大领导干部接访下访力度", "六、全力解决化解信访突出问题",
            "第二部分 预算项目绩效目标",
            "1. 信访维稳公用经费绩效目标表",
        });
    }

    [Fact]
    public void The_cover_carries_the_manifest_lines()
    {
        var cover = Html.QuerySelector("section.cover")!;
        cover.QuerySelectorAll("p").Select(Text).ShouldBe(new[]
        {
            "承德县信访局部门", "2021 年部门预算绩效文本", "（草案）", "承德县信访局部门编制", "承德县财政局审核",
        });
    }

    [Fact]
    public void Every_toc_link_points_at_an_id_that_exists()
    {
        var links = Html.QuerySelectorAll("nav.toc a").Cast<IHtmlAnchorElement>().ToList();
        links.Select(Text).ShouldBe(new[]
        {
            "第一部分 部门整体绩效目标", "一、总体绩效目标", "二、分项绩效目标", "三、工作保障措施",
            "第二部分 预算项目绩效目标", "1.信访维稳公用经费绩效目标表",
        });
        foreach (var link in links)
        {
            var href = link.GetAttribute("href")!;
            href.ShouldStartWith("#");
            Html.GetElementById(href[1..]).ShouldNotBeNull($"no element with id {href}");
        }
    }

    [Fact]
    public void Ids_are_unique()
    {
        var ids = Html.QuerySelectorAll("[id]").Select(e => e.Id).ToList();
        ids.ShouldBeUnique();
    }

    [Fact]
    public void Every_indicator_row_is_in_the_table()
    {
        var rows = Html.QuerySelectorAll("table.indicator-table tbody tr").ToList();
        rows.Count.ShouldBe(11);
        var lastFour = rows.Select(r => string.Join("|", r.QuerySelectorAll("td").TakeLast(4).Select(Text))).ToList();
        lastFour[0].ShouldBe("1-2 季度维稳任务完成进度。|确保政治活动的顺利进行，促进全县社会的和谐稳定|≤30 万元|年度工作计划");
        lastFour[10].ShouldBe("服务对象满意度|服务对象满意度指标|≥90 百分比|年度工作计划");
        foreach (var indicator in SampleDocument.Document.Projects.Single().Indicators)
            lastFour.ShouldContain($"{indicator.Level3}|{indicator.Description}|{indicator.Value.Text}|{indicator.Basis}");
    }

    [Fact]
    public void Level1_and_level2_cells_merge_vertically()
    {
        var rows = Html.QuerySelectorAll("table.indicator-table tbody tr").ToList();
        // Level-1 cells: the first cell of a row with 6 cells.
        var level1 = rows.Where(r => r.Children.Length == 6).Select(r => (IHtmlTableCellElement)r.Children[0]).ToList();
        level1.Select(c => (Text(c), c.RowSpan)).ShouldBe(new[] { ("产出指标", 7), ("效益指标", 3), ("满意度指标", 1) });

        // Level-2 cells: second cell of a 6-cell row, first cell of a 5-cell row.
        var level2 = rows.Where(r => r.Children.Length >= 5)
            .Select(r => (IHtmlTableCellElement)r.Children[r.Children.Length - 5])
            .ToList();
        level2.Select(c => (Text(c), c.RowSpan)).ShouldBe(new[]
        {
            ("数量指标", 2), ("质量指标", 3), ("时效指标", 1), ("成本指标", 1),
            ("社会效益指标", 2), ("可持续影响指标", 1), ("服务对象满意度指标", 1),
        });
    }

    [Fact]
    public void The_indicator_header_is_a_thead_so_it_repeats_on_every_page()
    {
        var header = Html.QuerySelectorAll("table.indicator-table thead th").Select(Text);
        header.ShouldBe(new[] { "一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据" });
    }

    [Fact]
    public void The_project_table_shows_budget_plan_and_goals()
    {
        var table = Html.QuerySelector("table.project-table")!;
        var text = string.Join(" ", table.QuerySelectorAll("th, td").Select(Text));
        text.ShouldContain("项目编码 13082121P45WZGGZ5EGH4 项目名称 信访维稳公用经费");
        text.ShouldContain("预算数 60.00 其中：财政资金 60.00 其他资金 0.00");
        text.ShouldContain("3月底 6月底 10月底 25.00% 50.00% 75.00%");
        var goals = table.QuerySelectorAll("tr").Where(r => r.TextContent.Contains("确保")).ToList();
        goals.Count.ShouldBe(3);
        ((IHtmlTableCellElement)table.QuerySelectorAll("th").Single(c => Text(c) == "绩效目标")).RowSpan.ShouldBe(3);
        Html.QuerySelector(".unit-line")!.TextContent.ShouldContain("542001 承德县信访局本级");
        Html.QuerySelector(".unit-currency")!.TextContent.ShouldBe("单位：万元");
    }

    [Fact]
    public void Headings_are_classed_by_their_numbering_level()
    {
        Html.GetElementById("一总体绩效目标")!.ClassList.ShouldContain("numbering-level-1");
        Html.QuerySelectorAll("h3").Single(h => Text(h) == "（一）群众来访接待工作").ClassList.ShouldContain("numbering-level-2");
        Html.QuerySelectorAll("h3").Single(h => Text(h) == "总体绩效目标").ClassList.ShouldBeEmpty();
    }

    [Fact]
    public void Blocks_carry_their_source_location()
    {
        var paragraph = Html.QuerySelectorAll("p").First(p => p.TextContent.StartsWith("（一）网信工作", StringComparison.Ordinal));
        // Relative to the document's folder: the preview does not depend on where the build ran.
        paragraph.GetAttribute("data-src").ShouldBe("sections/01-overall-goals.md:9");
        Html.QuerySelectorAll("table.indicator-table tbody tr").First().GetAttribute("data-src").ShouldBe("data/indicators.csv:2");
        Html.QuerySelectorAll("[data-src]").Select(e => e.GetAttribute("data-src")!).ShouldAllBe(src => !src.StartsWith("/") && !src.Contains("content/"));
    }

    [Fact]
    public void Assembly_is_deterministic()
    {
        var builder = new Publishing.Build.DocumentBuilder(new Publishing.Build.BuildOptions(
            RepoPaths.Content, RepoPaths.NewTempDirectory(), RepoPaths.Templates, Publishing.Build.OutputFormats.Html));
        var again = builder.Render(RepoPaths.Sample, new Publishing.Diagnostics.DiagnosticBag())!;
        again.AssembledHtml.ShouldBe(SampleDocument.Html);
    }
}

public class SpendingPlanLayoutTests
{
    [Fact]
    public void Twelve_monthly_points_fill_two_rows_of_six_and_no_cell_spans_zero_columns()
    {
        var (content, document) = RepoPaths.CopyOfSample();
        var csv = Path.Combine(document, "data", "projects.csv");
        var lines = File.ReadAllText(csv).Split('\n', 2);
        var months = string.Join(",", Enumerable.Range(1, 12).Select(m => $"{m}月底"));
        var values = string.Join(",", Enumerable.Range(1, 12).Select(m => (m * 8).ToString()));
        File.WriteAllText(csv, lines[0].Replace("3月底,6月底,10月底", months) + "\n" + lines[1].Replace(",25.00,50.00,75.00,", $",{values},"));
        var output = RepoPaths.NewTempDirectory("artifacts");

        var result = PublishingCommand.Run("build", content, "--out", output, "--templates", RepoPaths.Templates, "--format", "html");

        result.ExitCode.ShouldBe(0, result.Stderr);
        var html = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(output, "doc", "index.html")));
        var table = html.QuerySelector("table.project-table")!;
        table.QuerySelectorAll("[colspan]").ShouldAllBe(c => int.Parse(c.GetAttribute("colspan")!) > 0);
        var planRows = table.QuerySelectorAll("tr").Where(r => r.TextContent.Contains("月底")).ToList();
        planRows.Count.ShouldBe(2);
        planRows.ShouldAllBe(r => r.QuerySelectorAll("th").Count(th => th.TextContent.Contains("月底")) == 6);
        ((IHtmlTableCellElement)table.QuerySelectorAll("th").Single(c => c.TextContent == "资金支出计划（%）")).RowSpan.ShouldBe(4);
        foreach (var row in table.QuerySelectorAll("tr"))
            row.QuerySelectorAll("th, td").Cast<IHtmlTableCellElement>().Sum(c => c.ColumnSpan).ShouldBeLessThanOrEqualTo(7);
    }
}
