using Publishing.Diagnostics;

namespace Publishing.Tests.Checks;

public sealed class IndicatorCheckTests
{
    private static IReadOnlyList<Diagnostic> WithValue(string value)
    {
        using var document = new TinyDocument(new Dictionary<string, string>
        {
            ["data/indicators.csv"] = TinyDocument.BaseIndicators.Replace("≥100 批次", value),
        });
        return document.Validate().Where(d => d.Code == "PUB2033").ToList();
    }

    [Theory]
    [InlineData("≥100 批次")]
    [InlineData("100%")]           // real forms state a target without ≥/≤
    [InlineData("10辆")]
    [InlineData("2023.07-2024.01")] // a period
    [InlineData("2023年7月至2024年1月")]
    [InlineData("巩固提高")]        // qualitative values real forms use
    [InlineData("持续改善")]
    [InlineData("应保尽保")]
    [InlineData("按月安排")]
    [InlineData("≤30 万元")]
    [InlineData(">=95%")]
    [InlineData("=100 %")]
    [InlineData("＜2 百分比")]
    [InlineData("达标")]
    [InlineData("优良")]
    [InlineData("是")]
    public void Readable_values_pass(string value) => WithValue(value).ShouldBeEmpty();

    [Theory]
    [InlineData("约九成", "没有读出数字")]
    [InlineData("≥100", "没有单位")]
    [InlineData("95-100%", "不是单位")]
    [InlineData("100", "只有数字")]
    public void Unreadable_values_say_what_was_understood(string value, string says)
    {
        var found = WithValue(value).ShouldHaveSingleItem();
        found.Severity.ShouldBe(Severity.Warning);
        found.Message.ShouldContain(says);
        (found.Path, found.Line).ShouldBe(("data/indicators.csv", 2));
        found.Column.ShouldBe(File.ReadAllLines(Path.Combine(Support.RepoPaths.Root, "tests/Publishing.Tests/Corpus/_base/data/indicators.csv"))[1].IndexOf("≥100", StringComparison.Ordinal) + 1);
    }

    [Fact]
    public void The_2021_framework_rejects_cost_under_output_and_names_where_it_belongs()
    {
        using var document = new TinyDocument(new Dictionary<string, string>
        {
            ["document.yaml"] = File.ReadAllText(Path.Combine(Support.RepoPaths.Root, "tests/Publishing.Tests/Corpus/_base/document.yaml")).Replace("framework: classic", "framework: 2021"),
            ["data/indicators.csv"] = TinyDocument.BaseIndicators.Replace("产出指标,数量指标", "产出指标,成本指标"),
        });
        var diagnostics = document.Validate();
        diagnostics.ShouldContain(d => d.Code == "PUB2031" && d.Line == 2 && d.Message.Contains("是一级指标"));
        diagnostics.ShouldContain(d => d.Code == "PUB2032" && d.Message.Contains("成本指标"));
    }

    [Fact]
    public void A_misspelt_level1_suggests_the_nearest()
    {
        using var document = new TinyDocument(new Dictionary<string, string>
        {
            ["data/indicators.csv"] = TinyDocument.BaseIndicators.Replace("P001,满意度指标", "P001,满意指标"),
        });
        var found = document.Validate().ShouldHaveSingleItem();
        (found.Code, found.Line, found.Column).ShouldBe(("PUB2030", 4, 6));
        found.Message.ShouldContain("是否应为“满意度指标”");
    }
}
