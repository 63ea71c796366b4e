using System.Text;

namespace Publishing.Tests.Typesetting;

/// <summary>
/// A generated document that provokes what a professional typesetter watches for: many projects, one with an
/// 85-row indicator table whose 30-row 二级 group crosses page breaks, and long paragraphs dense with punctuation
/// pairs (》， ”。 。“ ）、), year ranges (2021—2023), 破折号, Latin words and URLs.
/// </summary>
public static class StressDocument
{
    public const int Projects = 12;
    public const int LongTableRows = 85;
    public const int LongGroupRows = 30;
    public const string LongProject = "P006";

    public static string Write()
    {
        var folder = Support.RepoPaths.NewTempDirectory("stress");
        Directory.CreateDirectory(Path.Combine(folder, "sections"));
        Directory.CreateDirectory(Path.Combine(folder, "data"));
        File.WriteAllText(Path.Combine(folder, "document.yaml"), """
            title: 排版测试局 2023 年部门预算绩效文本
            department: 排版测试局
            year: 2023
            prepared_by: 排版测试局编制
            reviewed_by: 测试县财政局审核
            date: 2023-01-15
            unit:
              code: "100002"
              name: 排版测试局本级
            framework: classic
            parts:
              - number: 第一部分
                title: 部门整体绩效目标
                sections:
                  - sections/01-text.md
              - number: 第二部分
                title: 预算项目绩效目标
                projects: data/projects.csv
                indicators: data/indicators.csv
            """);
        File.WriteAllText(Path.Combine(folder, "sections", "01-text.md"), Text());
        File.WriteAllText(Path.Combine(folder, "data", "projects.csv"), ProjectsCsv());
        File.WriteAllText(Path.Combine(folder, "data", "indicators.csv"), IndicatorsCsv());
        return folder;
    }

    /// <summary>Sentences that pair marks, ranges and dashes; the paragraphs repeat them in shifting order so each
    /// pair lands at many places of a line, its ends included.</summary>
    public static readonly string[] Sentences =
    {
        "依据《信访条例》，教育引导群众逐级、依法、有序信访。",
        "坚持“抓经济必须抓稳定”。“三零”单位创建覆盖全县（含乡镇）、街道与社区。",
        "项目实施期为 2021—2023 年，资金分 2021—2022 年度拨付；其中 60%（约 36 万元）于上半年到位。",
        "接访工作——这是信访工作的第一道关口——必须做到热情、耐心、细致。",
        "网上信访系统地址为 https://xinfang.chengde.gov.cn/portal/index.html，运维服务由 Hebei Digital Services 提供。",
        "《关于进一步加强信访工作的意见》（冀办发〔2021〕12 号）、《信访工作条例》，均为本项目依据。",
        "完成率达到 95%以上；满意度（第三方调查）不低于 90%。",
        "办理时限为 1～5 个工作日，逾期未办结的“一案一督”。",
    };

    private static string Text()
    {
        var text = new StringBuilder("# 一、总体绩效目标\n\n## 总体绩效目标\n\n");
        for (var p = 0; p < 10; p++)
        {
            for (var s = 0; s < Sentences.Length + 3; s++) text.Append(Sentences[(s * (p + 3) + p) % Sentences.Length]);
            text.Append("\n\n");
        }
        return text.ToString();
    }

    private static string ProjectsCsv()
    {
        var csv = new StringBuilder("项目编码,项目名称,预算数,财政资金,其他资金,资金用途,3月底,6月底,10月底,绩效目标\n");
        for (var p = 1; p <= Projects; p++)
            csv.Append($"P{p:000},测试项目{p}运维经费,{10 * p}.00,{10 * p}.00,0,保障第{p}项工作正常开展（含“三零”创建）。,25.00,50.00,75.00,\"1. 确保工作顺利完成。\n2. 群众满意度不低于 90%。\"\n");
        return csv.ToString();
    }

    private static string IndicatorsCsv()
    {
        var csv = new StringBuilder("项目编码,一级指标,二级指标,三级指标,绩效指标描述,指标值,指标值确定依据\n");
        for (var p = 1; p <= Projects; p++)
        {
            var code = $"P{p:000}";
            if (code == LongProject)
            {
                // 85 rows: 20 of 数量指标, then the 30-row 质量指标 group, then 时效, 社会效益 and 满意度.
                for (var r = 0; r < LongTableRows; r++)
                {
                    var (level1, level2) = r switch
                    {
                        < 20 => ("产出指标", "数量指标"),
                        < 20 + LongGroupRows => ("产出指标", "质量指标"),
                        < 60 => ("产出指标", "时效指标"),
                        < 75 => ("效益指标", "社会效益指标"),
                        _ => ("满意度指标", "服务对象满意度指标"),
                    };
                    var wrap = r % 4 == 0 ? "，确保在重大时期不出现集体访、非访等越级访，维护社会和谐稳定" : "";
                    csv.Append($"{code},{level1},{level2},第{r + 1}项考核内容,{level2}第{r + 1}项的完成情况{wrap},≥{90 + r % 10}%,年度工作计划\n");
                }
                continue;
            }
            csv.Append($"{code},产出指标,数量指标,接待来访批次,全年接待群众来访批次,≥100 批次,年度工作计划\n");
            csv.Append($"{code},产出指标,质量指标,案件办结率,信访案件按期办结的比例,≥90%,年度工作计划\n");
            csv.Append($"{code},产出指标,时效指标,办结时限,2021—2023 年度按期办结,≤60 日,《信访条例》\n");
            csv.Append($"{code},效益指标,社会效益指标,社会稳定,维护社会和谐稳定,稳定,年度工作计划\n");
            csv.Append($"{code},满意度指标,服务对象满意度指标,来访群众满意度,来访群众对接待工作的满意程度,≥90%,满意度调查\n");
        }
        return csv.ToString();
    }
}
