using Publishing.Diagnostics;
using Publishing.Tests.Checks;
using Publishing.Tests.Support;

namespace Publishing.Tests.Forms;

/// <summary>Forms as data: templates/forms/&lt;name&gt;/form.yaml decides columns, required cells, framework and check severities.</summary>
public sealed class FormDefinitionTests : IDisposable
{
    private readonly string _templates = RepoPaths.NewTempDirectory("templates");

    public FormDefinitionTests() => RepoPaths.CopyDirectory(RepoPaths.Templates, _templates);

    public void Dispose()
    {
        try { Directory.Delete(_templates, recursive: true); } catch (IOException) { }
    }

    /// <summary>A copy of the sample's form under another name, with some of its lines changed.</summary>
    private void FormLike(string name, Func<string, string> change)
    {
        var folder = Path.Combine(_templates, "forms", name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "form.yaml"), change(File.ReadAllText(Path.Combine(RepoPaths.Templates, "forms", "budget-text", "form.yaml"))));
    }

    private static string WithForm(string name) =>
        File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "Publishing.Tests", "Corpus", "_base", "document.yaml")).Replace("framework: classic", $"form: {name}\nframework: classic");

    /// <summary>A whole HTML page around a form template's body.</summary>
    private static string Page(string body) => $"<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>t</title></head><body>{body}</body></html>";

    private const string EmptyLevel3 = "P001,效益指标,经济效益指标,,,,\n";

    [Fact]
    public void A_form_declaring_an_optional_level3_builds_with_empty_cells_the_sample_form_reports_them()
    {
        FormLike("loose", yaml => yaml.Replace("{ name: 三级指标, kind: text, role: level3 }", "{ name: 三级指标, kind: text, role: level3, required: false }")
                                      .Replace("{ name: 指标值, kind: indicator-value, role: value }", "{ name: 指标值, kind: indicator-value, role: value, required: false }"));
        var indicators = TinyDocument.BaseIndicators + EmptyLevel3;

        using var loose = new TinyDocument(new Dictionary<string, string> { ["data/indicators.csv"] = indicators, ["document.yaml"] = WithForm("loose") });
        var (built, diagnostics) = loose.Build(_templates);
        diagnostics.Where(d => d.IsError).ShouldBeEmpty();
        built.ShouldBeTrue();
        loose.Html.ShouldContain("经济效益指标");

        using var strict = new TinyDocument(new Dictionary<string, string> { ["data/indicators.csv"] = indicators });
        var errors = strict.Validate(_templates).Where(d => d.Code == DiagnosticCodes.CsvEmptyCell).ToList();
        errors.Select(e => (e.Path, e.Line, e.Column)).ToList().ShouldBe(new[] { ("data/indicators.csv", 5, 18), ("data/indicators.csv", 5, 20) });
    }

    [Fact]
    public void A_column_the_form_does_not_declare_is_an_error_with_a_suggestion()
    {
        using var document = new TinyDocument(new Dictionary<string, string> { ["data/projects.csv"] = TinyDocument.BaseProjects.Replace("预算数", "预算") });
        var error = document.Validate(_templates).First(d => d.Code == DiagnosticCodes.CsvUnknownColumn);
        (error.Line, error.Column).ShouldBe((1, 11));
        error.Message.ShouldContain("是否应为“预算数”");
    }

    [Fact]
    public void Declared_columns_reach_the_templates_by_their_header_name_typed_per_their_kind()
    {
        FormLike("standard", yaml => yaml.Replace("    - { name: 指标值确定依据, kind: text, role: basis, required: false }",
            "    - { name: 指标值确定依据, kind: text, role: basis, required: false }\n    - { name: 绩效标准, kind: text, required: false }"));
        File.WriteAllText(Path.Combine(_templates, "forms", "standard", "document.html.sbn"),
            Page("{{ for p in document.projects }}{{ for i in p.indicators }}<p>{{ i.columns[\"绩效标准\"] }}|{{ i.columns[\"指标值\"].number }}</p>{{ end }}{{ p.columns[\"预算数\"] + 1 }}{{ end }}"));
        var indicators = TinyDocument.BaseIndicators.Replace("指标值确定依据\n", "指标值确定依据,绩效标准\n").Replace("年度工作计划\n", "年度工作计划,历史标准\n").Replace("满意度调查\n", "满意度调查,\n");
        using var document = new TinyDocument(new Dictionary<string, string> { ["data/indicators.csv"] = indicators, ["document.yaml"] = WithForm("standard") });
        var (built, diagnostics) = document.Build(_templates);
        built.ShouldBeTrue(string.Join("\n", diagnostics));
        document.Html.ShouldContain("<p>历史标准|100</p>");
        document.Html.ShouldContain("11.00");
    }

    [Fact]
    public void The_model_reads_a_column_by_its_role_whatever_the_form_calls_it()
    {
        // 资金总额 instead of 预算数, 进度一季度 instead of 3月底, 目标 instead of 绩效目标: the shared templates show the
        // project's budget, plan and goals from the roles.
        FormLike("renamed", yaml => yaml
            .Replace("{ name: 预算数, kind: money, role: budget-total }", "{ name: 资金总额, kind: money, role: budget-total }")
            .Replace("total: 预算数", "total: 资金总额")
            .Replace("{ name: 3月底, kind: percent, role: milestone, required: false }", "{ name: 进度一季度, kind: percent, role: milestone, required: false, label: 一季度末 }")
            .Replace("{ name: 绩效目标, kind: text, role: goal }", "{ name: 目标, kind: text, role: goal }"));
        var projects = TinyDocument.BaseProjects.Replace("预算数", "资金总额").Replace("3月底", "进度一季度").Replace("绩效目标", "目标")
            .Replace("10.00,8.00,2.00", "10.50,8.50,2.00").Replace("确保接访工作顺利完成。", "\"1.确保接访工作顺利完成。\n3.全年无差错。\"");
        using var document = new TinyDocument(new Dictionary<string, string>
        {
            ["data/projects.csv"] = projects, ["document.yaml"] = WithForm("renamed"),
            ["sections/01.md"] = TinyDocument.BaseMarkdown + "\n预算 {{P001.资金总额}} 万元。\n",
        });
        var (built, diagnostics) = document.Build(_templates);
        built.ShouldBeTrue(string.Join("\n", diagnostics));
        // The goals' numbering is checked in the renamed column: 1. then 3. skips 2.
        diagnostics.ShouldContain(d => d.Code == DiagnosticCodes.NumberingSkipped && d.Path == "data/projects.csv", string.Join("\n", diagnostics));
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(document.Html);
        var table = html.QuerySelector("table.project-table").ShouldNotBeNull();
        table.QuerySelectorAll("th").First(th => th.TextContent == "预算数").NextElementSibling!.TextContent.ShouldBe("10.50");
        table.QuerySelectorAll("th").Select(th => th.TextContent).ShouldContain("一季度末");
        table.TextContent.ShouldContain("3.全年无差错。");
        document.Html.ShouldContain("预算 10.50 万元。");
    }

    [Theory]
    [InlineData("off", false, true)]
    [InlineData("warning", true, true)]
    [InlineData("on", true, false)]
    public void Check_severities_come_from_the_form(string severity, bool reported, bool builds)
    {
        // Without 满意度指标 the classic framework's check reports an error (PUB2032) — unless the form tunes it.
        FormLike("tuned", yaml => yaml.Replace("indicator-framework: on", $"indicator-framework: {severity}"));
        var indicators = string.Join("\n", TinyDocument.BaseIndicators.Split('\n').Where(l => !l.Contains("满意度")));
        using var document = new TinyDocument(new Dictionary<string, string> { ["data/indicators.csv"] = indicators, ["document.yaml"] = WithForm("tuned") });
        var (built, diagnostics) = document.Build(_templates);
        var found = diagnostics.Where(d => d.Code == DiagnosticCodes.MissingLevel1).ToList();
        found.Count.ShouldBe(reported ? 1 : 0);
        if (severity == "warning") found[0].IsError.ShouldBeFalse();
        built.ShouldBe(builds, string.Join("\n", diagnostics));
    }

    [Fact]
    public void An_optional_level1_may_be_left_out()
    {
        FormLike("no-satisfaction", yaml => yaml.Replace("framework: classic          # templates/frameworks/classic.yaml", """
            framework:
              title: 无满意度的指标体系
              level1:
                - { name: 产出指标, level2: [数量指标, 质量指标, 时效指标, 成本指标] }
                - { name: 效益指标, level2: [经济效益指标, 社会效益指标, 生态效益指标, 可持续影响指标] }
                - { name: 满意度指标, level2: [服务对象满意度指标], optional: true }
            """));
        var indicators = string.Join("\n", TinyDocument.BaseIndicators.Split('\n').Where(l => !l.Contains("满意度")));
        using var document = new TinyDocument(new Dictionary<string, string>
        {
            ["data/indicators.csv"] = indicators,
            ["document.yaml"] = WithForm("no-satisfaction").Replace("framework: classic\n", ""),
        });
        document.Validate(_templates).Where(d => d.IsError).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("{ name: 预算数, kind: money, role: budget-total }", "{ name: 预算数, kind: mony, role: budget-total }", 26, "是否应为“money”")]
    [InlineData("kind: budget-text", "kind: budget-text\nframwork: classic", 1, "是否应为“framework”")]
    [InlineData("indicator-value: on", "indicator-value: loud", 20, "on（照常）、warning（只警告）或 off")]
    [InlineData("{ name: 项目名称, kind: text, role: project-name }", "{ name: 项目名称, kind: text, role: project-name, required: maybe }", 63, "expected（应填，空着时警告）")]
    public void Mistakes_in_a_form_file_are_located_errors(string line, string mistake, int atColumn, string says)
    {
        FormLike("broken", yaml => yaml.Replace(line, mistake));
        using var document = new TinyDocument(new Dictionary<string, string> { ["document.yaml"] = WithForm("broken") });
        var diagnostics = document.Validate(_templates);
        var error = diagnostics.First(d => d.Code == DiagnosticCodes.FormInvalid);
        error.Path.ShouldEndWith("forms/broken/form.yaml");
        // The line is counted from the mistake's place in the file (the sample's form grows); the column is fixed.
        var written = File.ReadAllLines(Path.Combine(_templates, "forms", "broken", "form.yaml"));
        var expectedLine = Array.FindIndex(written, l => l.Contains(mistake.Split('\n')[^1], StringComparison.Ordinal)) + 1;
        expectedLine.ShouldBeGreaterThan(0);
        (error.Line, error.Column).ShouldBe((expectedLine, atColumn), error.ToString());
        error.Message.ShouldContain(says);
    }

    [Fact]
    public void An_unknown_form_is_located_at_its_name_in_the_manifest()
    {
        using var document = new TinyDocument(new Dictionary<string, string> { ["document.yaml"] = WithForm("budget-txt") });
        var error = document.Validate(_templates).ShouldHaveSingleItem();
        (error.Code, error.Path, error.Line, error.Column).ShouldBe((DiagnosticCodes.UnknownForm, "document.yaml", 9, 7));
        error.Message.ShouldContain("是否应为“budget-text”");
    }

    [Fact]
    public void Metadata_keys_come_from_the_form_and_stay_strict_about_typos()
    {
        FormLike("signed", yaml => yaml.Replace("kind: budget-text", "kind: budget-text\nmetadata:\n  填报单位: required\n  联系电话: optional"));
        File.WriteAllText(Path.Combine(_templates, "forms", "signed", "document.html.sbn"), Page("<p>{{ meta.fields[\"填报单位\"] }}/{{ meta.fields[\"联系电话\"] }}</p>"));
        using var document = new TinyDocument(new Dictionary<string, string> { ["document.yaml"] = WithForm("signed") + "填报单位: 测试局\n" });
        var (built, _) = document.Build(_templates);
        built.ShouldBeTrue();
        document.Html.ShouldContain("<p>测试局/</p>");

        document.Write("document.yaml", WithForm("signed") + "填报单位: 测试局\n联系电活: 123\n");
        var error = document.Validate(_templates).ShouldHaveSingleItem();
        (error.Code, error.Line).ShouldBe((DiagnosticCodes.ManifestUnknownKey, 22));
        error.Message.ShouldContain("是否应为“联系电话”");
    }

    [Fact]
    public void A_part_holds_a_department_level_table_as_well_as_project_tables()
    {
        var manifest = File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "Publishing.Tests", "Corpus", "_base", "document.yaml"))
            .Replace("    indicators: data/indicators.csv", "    indicators: data/indicators.csv\n    department: data/department.csv\n    department_indicators: data/department-indicators.csv");
        using var document = new TinyDocument(new Dictionary<string, string>
        {
            ["document.yaml"] = manifest,
            ["data/department.csv"] = "部门名称,部门职责,年度绩效目标\n测试局,负责来访接待工作。,全年来访事项按期办结。\n",
            ["data/department-indicators.csv"] = "一级指标,二级指标,三级指标,绩效指标描述,指标值,指标值确定依据\n" +
                "产出指标,数量指标,来访接待批次,全年接待批次,≥500 批次,年度计划\n效益指标,社会效益指标,按期办结率,按期办结的比例,≥95%,年度计划\n" +
                "满意度指标,服务对象满意度指标,群众满意度,抽样调查,≥90%,满意度调查\n",
        });
        var (built, diagnostics) = document.Build(_templates);
        built.ShouldBeTrue(string.Join("\n", diagnostics));
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(document.Html);
        var part = html.QuerySelectorAll("section.part")[1];
        part.QuerySelector("#department-2").ShouldNotBeNull().TextContent.ShouldContain("部门整体绩效目标表");
        part.QuerySelectorAll("table.indicator-table").Length.ShouldBe(2); // the department's and the project's
        part.TextContent.ShouldContain("全年来访事项按期办结。");
        html.QuerySelector("nav.toc a[href='#department-2']").ShouldNotBeNull();
    }

    [Fact]
    public void A_department_table_is_checked_like_a_project_s()
    {
        var manifest = File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "Publishing.Tests", "Corpus", "_base", "document.yaml"))
            .Replace("    indicators: data/indicators.csv", "    indicators: data/indicators.csv\n    department_indicators: data/department-indicators.csv");
        using var document = new TinyDocument(new Dictionary<string, string>
        {
            ["document.yaml"] = manifest,
            ["data/department-indicators.csv"] = "一级指标,二级指标,三级指标,指标值\n产出指标,数量指标,接待明感批次,≥500 批次\n",
        });
        var diagnostics = document.Validate(_templates);
        diagnostics.ShouldContain(d => d.Code == DiagnosticCodes.Typo && d.Path == "data/department-indicators.csv" && d.Line == 2 && d.Column == 13);
        diagnostics.ShouldContain(d => d.Code == DiagnosticCodes.MissingLevel1 && d.Path == "data/department-indicators.csv");
    }

    /// <summary>The line (1-based) of the first line of the broken form that contains <paramref name="text"/>.</summary>
    private int LineOf(string form, string text) =>
        Array.FindIndex(File.ReadAllLines(Path.Combine(_templates, "forms", form, "form.yaml")), l => l.Contains(text, StringComparison.Ordinal)) + 1;

    [Fact]
    public void A_syntax_error_in_a_form_file_is_located_at_the_yaml_error()
    {
        FormLike("broken", yaml => yaml.Replace("    - { name: 预算数, kind: money, role: budget-total }", "    - { name: 预算数, kind: money, role: budget-total }}"));
        using var document = new TinyDocument(new Dictionary<string, string> { ["document.yaml"] = WithForm("broken") });
        var error = document.Validate(_templates).First(d => d.Code == DiagnosticCodes.FormInvalid);
        error.Path.ShouldEndWith("forms/broken/form.yaml");
        (error.Line, error.Column).ShouldBe((LineOf("broken", "budget-total }}"), "    - { name: 预算数, kind: money, role: budget-total }".Length + 1), error.ToString());
        error.Message.ShouldContain("YAML 格式错误");
    }

    [Fact]
    public void A_form_sets_its_own_limits_which_are_validated_and_located_like_the_theme_s()
    {
        // The theme allows 20,000 rows per file; this form allows 2, so the tiny document's third indicator row is too many.
        FormLike("small", yaml => yaml.Replace("kind: budget-text", "kind: budget-text\nlimits:\n  max_rows_per_file: 2"));
        using var document = new TinyDocument(new Dictionary<string, string> { ["document.yaml"] = WithForm("small") });
        var error = document.Validate(_templates).Where(d => d.IsError).ShouldHaveSingleItem();
        (error.Code, error.Path, error.Line).ShouldBe((DiagnosticCodes.TooManyRows, "data/indicators.csv", 4));
        error.Message.ShouldContain("最多 2 行");
        error.Message.ShouldContain("forms/small/form.yaml 中的 limits.max_rows_per_file");

        using var underTheTheme = new TinyDocument();
        underTheTheme.Validate(_templates).Where(d => d.IsError).ShouldBeEmpty();

        FormLike("wrong", yaml => yaml.Replace("kind: budget-text", "kind: budget-text\nlimits:\n  max_rows_per_file: many\n  max_pagse: 10"));
        using var wrong = new TinyDocument(new Dictionary<string, string> { ["document.yaml"] = WithForm("wrong") });
        var errors = wrong.Validate(_templates).Where(d => d.Code == DiagnosticCodes.FormInvalid).ToList();
        errors.Select(e => (e.Line, e.Column)).ShouldBe(new[] { (LineOf("wrong", "max_pagse"), 3), (LineOf("wrong", "many"), 22) }, ignoreOrder: true);
        errors.ShouldContain(e => e.Message.Contains("是否应为“max_pages”"));
        errors.ShouldContain(e => e.Message.Contains("大于 0 的整数"));
    }

    [Theory]
    [InlineData("", "按季推进", true)]                                   // not in the shared list
    [InlineData("qualitative_values:\n  add: [按季推进]", "按季推进", false)]
    [InlineData("qualitative_values:\n  add: [按季推进]", "巩固提高", false)]  // the shared list still counts
    [InlineData("qualitative_values:\n  replace: [按季推进]", "巩固提高", true)] // only the form's own list counts
    [InlineData("qualitative_values:\n  replace: [按季推进]", "按季推进", false)]
    public void A_form_adds_to_or_replaces_the_list_of_qualitative_values(string setting, string value, bool reported)
    {
        FormLike("values", yaml => yaml.Replace("kind: budget-text", "kind: budget-text\n" + setting));
        var indicators = TinyDocument.BaseIndicators.Replace("≥100 批次", value);
        using var document = new TinyDocument(new Dictionary<string, string> { ["data/indicators.csv"] = indicators, ["document.yaml"] = WithForm("values") });
        var found = document.Validate(_templates).Where(d => d.Code == DiagnosticCodes.UnreadableValue).ToList();
        found.Count.ShouldBe(reported ? 1 : 0, string.Join("\n", found));
        if (reported) (found[0].Path, found[0].Line).ShouldBe(("data/indicators.csv", 2));
        if (reported && setting.Contains("replace")) found[0].Message.ShouldContain("forms/values/form.yaml 的定性值表");
    }

    [Fact]
    public void A_qualitative_values_setting_of_the_wrong_shape_is_a_located_error()
    {
        FormLike("values", yaml => yaml.Replace("kind: budget-text", "kind: budget-text\nqualitative_values:\n  ad: [按季推进]"));
        using var document = new TinyDocument(new Dictionary<string, string> { ["document.yaml"] = WithForm("values") });
        var error = document.Validate(_templates).First(d => d.Code == DiagnosticCodes.FormInvalid);
        (error.Line, error.Column).ShouldBe((LineOf("values", "ad: [按季推进]"), 3));
        error.Message.ShouldContain("是否应为“add”");
    }
}
