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
    [InlineData("{{P009.预算数}}", "“P009”不存在")]
    [InlineData("{{P01.预算数}}", "是否应为“P001”")]
    [InlineData("{{P001.总额}}", "字段“总额”不存在")]
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
