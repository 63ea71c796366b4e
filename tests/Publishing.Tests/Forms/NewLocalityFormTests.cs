using AngleSharp.Html.Parser;
using Publishing.Diagnostics;
using Publishing.Tests.Checks;
using Publishing.Tests.Support;

namespace Publishing.Tests.Forms;

/// <summary>
/// A locality's own form, written from scratch into a temp templates folder with zero C# edits: its columns are
/// renamed (资金总额, 中期指标值, 年度指标值, 计量单位 …) and say their roles; it is built, checked (units, value
/// types, expected cells, an empty 二级 allowed only under 满意度指标) and cited from Markdown.
/// </summary>
public sealed class NewLocalityFormTests : IDisposable
{
    private readonly string _templates = RepoPaths.NewTempDirectory("templates");

    public NewLocalityFormTests()
    {
        RepoPaths.CopyDirectory(RepoPaths.Templates, _templates);
        var folder = Path.Combine(_templates, "forms", "city");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "form.yaml"), FormYaml);
        File.WriteAllText(Path.Combine(folder, "document.html.sbn"), Template);
    }

    public void Dispose()
    {
        try { Directory.Delete(_templates, recursive: true); } catch (IOException) { }
    }

    private const string FormYaml = """
        title: 某市项目支出绩效目标表
        kind: project-form
        framework: classic
        tables:
          projects:
            - { name: 项目名称, kind: text, role: project-name }
            - { name: 资金总额, kind: money, role: budget-total }
            - { name: 财政拨款, kind: money, role: fiscal-part }
            - { name: 其他资金, kind: money, role: other-part }
            - { name: 年度总体目标, kind: text, role: goal }
          indicators:
            - { name: 一级, kind: text, role: level1 }
            - { name: 二级, kind: text, role: level2, empty_under: [满意度指标] }
            - { name: 三级, kind: text, role: level3, required: false }
            - { name: 类型, kind: enumeration, role: value-type, values: [定量, 定性], quantitative: [定量], qualitative: [定性] }
            - { name: 中期指标值, kind: indicator-value, role: value }
            - { name: 年度指标值, kind: indicator-value, role: value }
            - { name: 计量单位, kind: unit, role: unit, required: false }
            - { name: 绩效标准, kind: text, required: expected }
        sums:
          - { table: projects, total: 资金总额, parts: [财政拨款, 其他资金] }
        checks:
          numbering: off
        """;

    private const string Template = """
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>{{ meta.title }}</title><link rel="stylesheet" href="theme.css"></head>
        <body>
        {{~ for part in document.parts ~}}{{~ for section in part.sections ~}}<section class="section">{{ section.html | raw }}</section>{{~ end ~}}{{~ end ~}}
        {{~ for project in document.projects ~}}
        <section class="project" data-src="{{ project.source }}">
        <h1 class="table-caption" id="{{ project.id }}">{{ project.name }}</h1>
        <p class="budget">{{ format.money project.budget }}</p>
        {{~ columns = form.tables["indicators"].columns; rows = project.indicators ~}}
        {{ include 'partials/form-indicator-table.html.sbn' }}
        </section>
        {{~ end ~}}
        </body></html>
        """;

    private const string Projects = "项目名称,资金总额,财政拨款,其他资金,年度总体目标\n农田水利建设,120.50,100.50,20.00,完成农田水利设施建设。\n";

    private const string GoodIndicators = """
        一级,二级,三级,类型,中期指标值,年度指标值,计量单位,绩效标准
        产出指标,数量指标,新建渠道长度,定量,≥30,≥12,公里,计划标准
        产出指标,质量指标,工程验收合格率,定量,100%,100%,%,行业标准
        效益指标,社会效益指标,灌溉条件,定性,明显改善,有所改善,,历史标准
        满意度指标,,,定量,≥90,≥90,%,计划标准

        """;

    private TinyDocument Document(string indicators, string markdown = "") => new(new Dictionary<string, string>
    {
        ["document.yaml"] = """
            title: 某市 2024 年项目支出绩效目标表
            form: city
            department: 某市水利局
            year: 2024
            date: 2024-01-10
            parts:
              - sections: [sections/01.md]
                projects: data/projects.csv
                indicators: data/indicators.csv
            """,
        ["sections/01.md"] = "# 一、项目概况\n\n本项目资金 {{农田水利建设.资金总额}} 万元，渠道中期 {{农田水利建设.新建渠道长度.中期指标值}} 公里，" +
                             "年度 {{ 农田水利建设 . 新建渠道长度 . 年度指标值 }} 公里（{{农田水利建设.新建渠道长度.绩效标准}}）。" + markdown + "\n",
        ["data/projects.csv"] = Projects,
        ["data/indicators.csv"] = indicators,
    });

    [Fact]
    public void A_new_form_with_renamed_columns_builds_and_is_cited_from_markdown()
    {
        using var document = Document(GoodIndicators);
        var (built, diagnostics) = document.Build(_templates);
        built.ShouldBeTrue(string.Join("\n", diagnostics));
        diagnostics.ShouldBeEmpty(string.Join("\n", diagnostics));
        var html = new HtmlParser().ParseDocument(document.Html);
        html.QuerySelector("p.budget").ShouldNotBeNull().TextContent.ShouldBe("120.50"); // 资金总额 is the budget (role)
        html.QuerySelector("section.section p").ShouldNotBeNull().TextContent
            .ShouldBe("本项目资金 120.50 万元，渠道中期 ≥30 公里，年度 ≥12 公里（计划标准）。");
        var headers = html.QuerySelectorAll("table.indicator-table thead th").Select(th => th.TextContent).ToList();
        headers.ShouldBe(new[] { "一级", "二级", "三级", "类型", "中期指标值", "年度指标值", "计量单位", "绩效标准" });
        html.QuerySelectorAll("table.indicator-table tbody td[rowspan]").First().TextContent.ShouldBe("产出指标"); // 一级 merges by role
    }

    [Fact]
    public void The_cross_column_checks_find_each_mistake_at_its_cell_in_chinese()
    {
        var indicators = GoodIndicators
            .Replace("100%,100%,%,行业标准", "100%,28.8万元,%,行业标准")              // a value's unit against 计量单位
            .Replace("≥30,≥12,公里,计划标准", "按月安排,≥12,公里,")                   // 定量 without a number; 绩效标准 empty
            .Replace("明显改善,有所改善,,历史标准", "明显改善,有所改善,%,历史标准");    // 定性 with a unit
        using var document = Document(indicators);
        var diagnostics = document.Validate(_templates);
        string Located(Diagnostic d) => $"{d.Code} {d.Path}({d.Line},{d.Column}) {(d.IsError ? "error" : "warning")}";
        diagnostics.Select(Located).ShouldBe(new[]
        {
            "PUB2035 data/indicators.csv(2,21) error",
            "PUB2036 data/indicators.csv(2,33) warning",
            "PUB2034 data/indicators.csv(3,27) error",
            "PUB2035 data/indicators.csv(4,31) error",
        }, string.Join("\n", diagnostics));
        var messages = diagnostics.Select(d => d.Message).ToList();
        messages[0].ShouldBe("类型为“定量”，中期指标值“按月安排”却没有数字：应写成 比较符号+数字（如 ≥95、≤30），或把类型改为 定性。");
        messages[1].ShouldContain("“绩效标准”空着：表单（");
        messages[1].ShouldContain("forms/city/form.yaml 第 19 行）要求应填这一列（required: expected）。");
        messages[2].ShouldStartWith("年度指标值“28.8万元”的单位“万元”与计量单位“%”不一致。");
        messages[3].ShouldStartWith("类型为“定性”的指标不应有计量单位（这里是“%”）");
    }

    [Fact]
    public void An_empty_level2_is_allowed_only_under_the_level1_the_form_names()
    {
        using var document = Document(GoodIndicators + "产出指标,,,定量,≥1,≥1,个,计划标准\n");
        var error = document.Validate(_templates).ShouldHaveSingleItem();
        (error.Code, error.Path, error.Line, error.Column).ShouldBe((DiagnosticCodes.CsvEmptyCell, "data/indicators.csv", 6, 6));
        error.Message.ShouldBe("“二级”不能为空（只有一级为 满意度指标 的行可以空着）。");
    }

    [Fact]
    public void The_form_sets_each_cross_column_check_s_severity()
    {
        File.WriteAllText(Path.Combine(_templates, "forms", "city", "form.yaml"),
            FormYaml.Replace("  numbering: off", "  numbering: off\n  value-unit: warning\n  value-type: off\n  expected-cells: off"));
        var indicators = GoodIndicators.Replace("100%,100%,%,行业标准", "100%,28.8万元,%,行业标准").Replace("≥30,≥12,公里,计划标准", "按月安排,≥12,公里,");
        using var document = Document(indicators);
        var (built, diagnostics) = document.Build(_templates);
        built.ShouldBeTrue(string.Join("\n", diagnostics));
        var only = diagnostics.ShouldHaveSingleItem();
        (only.Code, only.IsError, only.Line).ShouldBe((DiagnosticCodes.ValueUnitMismatch, false, 3));
    }

    [Fact]
    public void A_missing_required_column_names_the_form_line_that_requires_it()
    {
        var indicators = string.Join("\n", GoodIndicators.Split('\n').Select(l => string.Join(",", l.Split(',').Where((_, i) => i != 3))));
        using var document = Document(indicators);
        var error = document.Validate(_templates).First(d => d.Code == DiagnosticCodes.CsvMissingColumn);
        (error.Path, error.Line).ShouldBe(("data/indicators.csv", 1));
        error.Message.ShouldEndWith("缺少必需的列“类型”（" + DisplayPaths.For(Path.Combine(_templates, "forms", "city", "form.yaml")) +
                                    " 第 15 行要求这一列；不需要时可写 required: false）。");
    }

    [Fact]
    public void A_reference_to_an_undeclared_column_names_the_nearest_declared_one()
    {
        using var document = Document(GoodIndicators, "{{农田水利建设.新建渠道长度.年度值}}");
        var error = document.Validate(_templates).ShouldHaveSingleItem();
        (error.Code, error.Path, error.Line).ShouldBe((DiagnosticCodes.UnknownDataReference, "sections/01.md", 3));
        error.Message.ShouldContain("列“年度值”不存在。是否应为“年度指标值”？");
    }
}
