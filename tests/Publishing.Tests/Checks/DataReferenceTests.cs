namespace Publishing.Tests.Checks;

public sealed class DataReferenceTests
{
    [Fact]
    public void A_reference_renders_the_projects_figure_with_two_decimals()
    {
        using var document = new TinyDocument(new Dictionary<string, string>
        {
            ["sections/01.md"] = TinyDocument.BaseMarkdown + "\n{{P001.项目名称}}预算 {{ P001.预算数 }} 万元，其中财政资金 {{P001.财政资金}} 万元、其他资金 {{P001.其他资金}} 万元。\n",
            ["data/projects.csv"] = TinyDocument.BaseProjects.Replace("10.00,8.00,2.00", "10.5,8.5,2"),
        });
        var (built, diagnostics) = document.Build();
        built.ShouldBeTrue(string.Join("\n", diagnostics));
        document.Html.ShouldContain("接访经费预算 10.50 万元，其中财政资金 8.50 万元、其他资金 2.00 万元。");
        document.Html.ShouldNotContain("{{");
    }

    [Fact]
    public void A_line_break_beside_a_reference_follows_the_value_CJK_joins_digits_keep_the_space()
    {
        using var document = new TinyDocument(new Dictionary<string, string>
        {
            ["sections/01.md"] = TinyDocument.BaseMarkdown + "\n实施\n{{P001.项目名称}}\n项目，预算\n{{P001.预算数}}\n万元。\n",
        });
        var (built, diagnostics) = document.Build();
        built.ShouldBeTrue(string.Join("\n", diagnostics));
        document.Html.ShouldContain("实施接访经费项目，预算\n10.00\n万元。");
    }

    [Theory]
    [InlineData("{{P009.预算数}}", "“P009”不是本文档中项目的编码或名称。是否应为“P001”？")]
    [InlineData("{{P01.预算数}}", "是否应为“P001”")]
    [InlineData("{{P001.预算}}", "列“预算”不存在。是否应为“预算数”？")]
    [InlineData("{{预算数}}", "应写成")]
    public void An_unknown_reference_is_an_error_at_its_line_and_column(string reference, string says)
    {
        using var document = new TinyDocument(new Dictionary<string, string>
        {
            ["sections/01.md"] = TinyDocument.BaseMarkdown + "\n本项目预算 " + reference + " 万元。\n",
        });
        var found = document.Validate().ShouldHaveSingleItem();
        (found.Code, found.Path, found.Line, found.Column).ShouldBe(("PUB3020", "sections/01.md", 9, 7));
        found.IsError.ShouldBeTrue();
        found.Message.ShouldContain(says);
    }

    [Fact]
    public void A_reference_reaches_any_declared_column_of_the_project_or_of_one_of_its_indicators()
    {
        using var document = new TinyDocument(new Dictionary<string, string>
        {
            ["sections/01.md"] = TinyDocument.BaseMarkdown +
                "\n用途：{{P001.资金用途}}；3月底 {{P001.3月底}}%；办结率 {{P001.案件办结率.指标值}}，依据 {{ P001 . 案件办结率 . 指标值确定依据 }}。\n",
        });
        var (built, diagnostics) = document.Build();
        built.ShouldBeTrue(string.Join("\n", diagnostics));
        document.Html.ShouldContain("用途：保障接访工作正常开展。；3月底 25.00%；办结率 ≥90%，依据 年度工作计划。");
    }

    [Theory]
    [InlineData("{{P001.案件办结:指标值}}", "列“案件办结:指标值”不存在")]
    [InlineData("{{P001.案件办节率.指标值}}", "指标“案件办节率”不在项目“P001”的指标表中。是否应为“案件办结率”？")]
    [InlineData("{{P001.案件办结率.指标}}", "列“指标”不存在。是否应为“指标值”？指标表可以引用的列：项目编码、一级指标")]
    [InlineData("{{P001.指标值}}", "“指标值”是指标表的列，一个项目有多行指标：请写明是哪个指标，如 {{P001.接待来访批次.指标值}}")]
    [InlineData("{{P001..指标值}}", "应写成 {{编码.列名}}（项目表的一列）或 {{编码.指标.列名}}")]
    [InlineData("{{部门.部门名称}}", "“部门”不是本文档中项目的编码或名称")]
    public void A_reference_to_an_unknown_indicator_or_column_names_the_nearest(string reference, string says)
    {
        using var document = new TinyDocument(new Dictionary<string, string>
        {
            ["sections/01.md"] = TinyDocument.BaseMarkdown + "\n办结率 " + reference + "。\n",
        });
        var found = document.Validate().ShouldHaveSingleItem();
        (found.Code, found.Path, found.Line, found.Column).ShouldBe(("PUB3020", "sections/01.md", 9, 5));
        found.Message.ShouldContain(says);
    }

    [Fact]
    public void A_reference_reaches_the_department_table_and_a_one_project_form_by_the_project_s_name()
    {
        var manifest = File.ReadAllText(Path.Combine(Support.RepoPaths.Root, "tests", "Publishing.Tests", "Corpus", "_base", "document.yaml"))
            .Replace("    indicators: data/indicators.csv", "    indicators: data/indicators.csv\n    department: data/department.csv\n    department_indicators: data/department-indicators.csv");
        using var document = new TinyDocument(new Dictionary<string, string>
        {
            ["document.yaml"] = manifest,
            ["data/department.csv"] = "部门名称,部门职责,年度绩效目标\n测试局,负责来访接待工作。,全年来访事项按期办结。\n",
            ["data/department-indicators.csv"] = "一级指标,二级指标,三级指标,绩效指标描述,指标值,指标值确定依据\n" +
                "产出指标,数量指标,来访接待批次,全年接待批次,≥500 批次,年度计划\n效益指标,社会效益指标,按期办结率,按期办结的比例,≥95%,年度计划\n" +
                "满意度指标,服务对象满意度指标,群众满意度,抽样调查,≥90%,满意度调查\n",
            ["sections/01.md"] = TinyDocument.BaseMarkdown + "\n{{部门.部门名称}}目标：{{部门.年度绩效目标}}接待 {{部门.来访接待批次.指标值}}；{{接访经费.预算数}} 万元。\n",
        });
        var (built, diagnostics) = document.Build();
        built.ShouldBeTrue(string.Join("\n", diagnostics));
        document.Html.ShouldContain("测试局目标：全年来访事项按期办结。接待 ≥500 批次；10.00 万元。");
    }

    [Fact]
    public void Braces_that_are_not_a_reference_stay_text()
    {
        using var document = new TinyDocument(new Dictionary<string, string>
        {
            ["sections/01.md"] = TinyDocument.BaseMarkdown + "\n集合 {a} 与 {{ 未闭合，及 \\{{P009.预算数}}。\n",
        });
        var (built, diagnostics) = document.Build();
        built.ShouldBeTrue(string.Join("\n", diagnostics));
        document.Html.ShouldContain("集合 {a} 与 {{ 未闭合");
    }

    [Fact]
    public void A_reference_value_is_escaped()
    {
        using var document = new TinyDocument(new Dictionary<string, string>
        {
            ["sections/01.md"] = TinyDocument.BaseMarkdown + "\n项目：{{P001.项目名称}}。\n",
            ["data/projects.csv"] = TinyDocument.BaseProjects.Replace("接访经费", "<b>接访</b>经费"),
        });
        var (built, _) = document.Build();
        built.ShouldBeTrue();
        document.Html.ShouldContain("项目：&lt;b&gt;接访&lt;/b&gt;经费。");
    }
}

public sealed class DataReferenceInHeadingTests
{
    [Fact]
    public void A_reference_in_a_heading_shows_in_the_heading_and_the_table_of_contents()
    {
        using var document = new TinyDocument(new Dictionary<string, string>
        {
            ["sections/01.md"] = "# 一、{{P001.项目名称}}绩效目标\n\n## 一、预算 {{P001.预算数}} 万元\n\n正文。\n",
        });
        var (built, diagnostics) = document.Build();
        built.ShouldBeTrue(string.Join("\n", diagnostics));
        var dom = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(document.Html);
        dom.QuerySelectorAll("nav.toc a").ShouldContain(a => a.TextContent == "一、接访经费绩效目标");
        dom.QuerySelectorAll("h3").ShouldContain(h => h.TextContent == "一、预算 10.00 万元");
    }
}
