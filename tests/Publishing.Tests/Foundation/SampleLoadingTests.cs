using Publishing.Model;
using Publishing.Tests.Support;

namespace Publishing.Tests.Foundation;

public class SampleLoadingTests
{
    private static PublishingDocument Document => SampleDocument.Document;

    [Fact]
    public void Sample_loads_without_errors()
    {
        SampleDocument.LoadDiagnostics.HasErrors.ShouldBeFalse(string.Join("\n", SampleDocument.LoadDiagnostics.Items));
        Document.ShouldNotBeNull();
    }

    [Fact]
    public void Metadata_comes_from_the_manifest()
    {
        var meta = Document.Metadata;
        meta.Department.ShouldBe("承德县信访局部门");
        meta.Year.ShouldBe(2021);
        meta.Status.ShouldBe("草案");
        meta.PreparedBy.ShouldBe("承德县信访局部门编制");
        meta.ReviewedBy.ShouldBe("承德县财政局审核");
        meta.UnitCode.ShouldBe("542001");
        meta.UnitName.ShouldBe("承德县信访局本级");
    }

    [Fact]
    public void Parts_and_sections_are_in_manifest_order()
    {
        Document.Parts.Select(p => p.Number + " " + p.Title)
            .ShouldBe(new[] { "第一部分 部门整体绩效目标", "第二部分 预算项目绩效目标" });
        Document.Parts[0].Sections.Select(s => s.Title)
            .ShouldBe(new[] { "一、总体绩效目标", "二、分项绩效目标", "三、工作保障措施" });
        Document.Parts[1].Sections.ShouldBeEmpty();
    }

    [Fact]
    public void Section_ids_keep_Chinese_and_are_unique()
    {
        Document.Parts[0].Sections.Select(s => s.Id).ShouldBe(new[] { "一总体绩效目标", "二分项绩效目标", "三工作保障措施" });
        var ids = Document.Sections.SelectMany(s => s.Headings.Select(h => h.Id).Append(s.Id)).ToList();
        ids.ShouldBeUnique();
        // "总体绩效目标" stands once as a sub-heading; "一、总体思路" and the section "一、总体绩效目标" differ.
        ids.ShouldContain("总体绩效目标");
    }

    [Fact]
    public void The_sample_has_one_project_with_its_budget_and_plan()
    {
        var project = Document.Projects.ShouldHaveSingleItem();
        project.Code.ShouldBe("13082121P45WZGGZ5EGH4");
        project.Name.ShouldBe("信访维稳公用经费");
        project.UnitCode.ShouldBe("542001");
        project.UnitName.ShouldBe("承德县信访局本级");
        project.Budget.ShouldBe(60.00m);
        project.FiscalFunds.ShouldBe(60.00m);
        project.OtherFunds.ShouldBe(0m);
        project.SpendingPlan.Select(m => (m.Label, m.Percent))
            .ShouldBe(new[] { ("3月底", 25.00m), ("6月底", 50.00m), ("10月底", 75.00m) });
        project.Goals.Count.ShouldBe(3);
        project.Goals[2].ShouldStartWith("3. 做好全县各个明感时期的信访稳定工作");
        project.UseOfFunds.ShouldStartWith("全县社会治安综合治理和维护社会政治稳定工作");
    }

    [Fact]
    public void The_eleven_indicator_rows_have_their_exact_texts()
    {
        var rows = Document.Projects.Single().Indicators
            .Select(i => string.Join("|", i.Level1, i.Level2, i.Level3, i.Description, i.Value.Text, i.Basis))
            .ToList();
        rows.ShouldBe(new[]
        {
            "产出指标|数量指标|1-2 季度维稳任务完成进度。|确保政治活动的顺利进行，促进全县社会的和谐稳定|≤30 万元|年度工作计划",
            "产出指标|数量指标|3-4 季度维稳任务完成进度。|确保在重大时期不出现集体访、非访等越级访的发生，维护我县的社会的和谐稳定。|≤30 万元|年度工作计划",
            "产出指标|质量指标|确保政治活动顺利进行率|在活动期间不出现重大集体访。|≥95 百分比|年度工作计划",
            "产出指标|质量指标|保障信访工作的正常开展率|信访积案，上级交办案件及时办结率|≥90 百分比|年度工作计划",
            "产出指标|质量指标|集体访、非访等越级访的发生率|在政治活动期间不出现重大集体访、越级访、非访。|≤2 百分比|年度工作计划",
            "产出指标|时效指标|信访案件的及时受理率|信访案件及时受理率、按期答复率、群众满意率|≥95 百分比|年度工作计划",
            "产出指标|成本指标|办公用品损耗降低率|办公用品损耗占上年损耗百分比|≥90 百分比|年度工作计划",
            "效益指标|社会效益指标|全力保障政治活动的顺利进行。|确保在重大时期不出现集体访、非访等越级访，确保活动圆满成功|≥90 百分比|年度工作计划",
            "效益指标|社会效益指标|确保不稳定因素的发生。|确保在重大时期不出现集体访、非访等越级访，确保活动圆满成功|≥90 百分比|年度工作计划",
            "效益指标|可持续影响指标|维护社会正常的社会秩序。|为各大政治活动的正常开展提供良好的社会环境。|≥90 百分比|年度工作计划",
            "满意度指标|服务对象满意度指标|服务对象满意度|服务对象满意度指标|≥90 百分比|年度工作计划",
        });
    }

    [Fact]
    public void Indicator_rows_know_their_CSV_line()
    {
        var indicators = Document.Projects.Single().Indicators;
        indicators[0].Source.Line.ShouldBe(2);
        indicators[10].Source.Line.ShouldBe(12);
        indicators[0].Source.Path.ShouldEndWith("data/indicators.csv");
    }

    [Fact]
    public void Indicator_values_are_parsed_into_operator_number_and_unit()
    {
        var values = Document.Projects.Single().Indicators.Select(i => i.Value).ToList();
        values[0].ShouldBe(new IndicatorValue("≤30 万元", "≤", 30m, "万元"));
        values[2].ShouldBe(new IndicatorValue("≥95 百分比", "≥", 95m, "百分比"));
        values[4].Number.ShouldBe(2m);
        values.ShouldAllBe(v => v.IsQuantitative);
    }

    [Theory]
    [InlineData("优良", null, null, null)]
    [InlineData(">=80%", "≥", "80", "%")]
    [InlineData("=100 %", "=", "100", "%")]
    [InlineData("1,234.5 万元", null, "1234.5", "万元")]
    [InlineData("<5天", "<", "5", "天")]
    public void Indicator_values_parse_what_editors_type(string text, string? op, string? number, string? unit)
    {
        var value = IndicatorValue.Parse(text);
        value.Text.ShouldBe(text);
        value.Operator.ShouldBe(op);
        value.Number.ShouldBe(number is null ? null : decimal.Parse(number, System.Globalization.CultureInfo.InvariantCulture));
        value.Unit.ShouldBe(unit);
    }
}
