using Publishing.Diagnostics;
using Publishing.Forms;

namespace Publishing.Tests.Yaml;

/// <summary>form.yaml's and a framework file's mistakes through the shared layer: each one PUB1201 at its key or value.</summary>
public class FormMistakeTests
{
    private const string Form = """
        title: 小表单
        kind: budget-text
        tables:
          projects:
            - { name: 项目编码, kind: code, role: project-code }
            - { name: 预算数, kind: money, role: budget-total }

        """;

    private static List<string> Read(string text)
    {
        var diagnostics = new DiagnosticBag();
        FormReader.ReadForm("small", text, "forms/small/form.yaml", diagnostics).ShouldBeNull();
        return diagnostics.Sorted().Select(d => d.ToString()).ToList();
    }

    [Fact]
    public void The_base_form_reads_without_a_problem()
    {
        var diagnostics = new DiagnosticBag();
        FormReader.ReadForm("small", Form, "forms/small/form.yaml", diagnostics).ShouldNotBeNull();
        diagnostics.Items.ShouldBeEmpty();
    }

    [Fact]
    public void A_syntax_error_is_located_where_the_parser_stopped() =>
        Read(Form.Replace("role: budget-total }", "role: budget-total ]")).ShouldBe([
            "forms/small/form.yaml(6,52): error PUB1201: YAML 格式错误：While parsing a flow mapping, did not find expected ',' or '}'（常见原因：冒号后缺空格、缩进不齐、中文引号）。",
        ]);

    [Fact]
    public void An_unknown_key_is_at_the_key_with_the_nearest_and_the_known_ones() =>
        Read(Form.Replace("tables:", "tabels:")).ShouldBe([
            "forms/small/form.yaml(1,1): error PUB1201: 缺少设置项“tables”。",
            "forms/small/form.yaml(3,1): error PUB1201: 未知的设置项“tabels”。是否应为“tables”？可用的设置项：title、kind、framework、metadata、tables、sums、checks、limits、qualitative_values。",
        ]);

    [Fact]
    public void A_missing_required_key_is_at_its_mapping() =>
        Read(Form.Replace("{ name: 预算数, kind: money", "{ kind: money")).ShouldBe([
            "forms/small/form.yaml(6,7): error PUB1201: 缺少设置项“name”。",
        ]);

    [Fact]
    public void A_list_where_one_value_belongs_is_at_the_value() =>
        Read(Form.Replace("kind: money", "kind: [money]")).ShouldBe([
            "forms/small/form.yaml(6,26): error PUB1201: kind 应是一个值（如 kind: …），而不是列表或多项设置。",
            "forms/small/form.yaml(6,41): error PUB1201: 列“预算数”的 role: budget-total 要求 kind: money，而这一列是 kind: text。",
        ]);

    [Fact]
    public void A_key_written_twice_is_at_the_second() =>
        Read(Form + "kind: project-form\n").ShouldBe([
            "forms/small/form.yaml(7,1): error PUB1201: 设置项“kind”写了两次（第一次在第 2 行）：只保留一个。",
        ]);

    // Before the shared layer, form.yaml ignored checks: and sums: of the wrong shape and failed with an internal
    // error on a key that is a list; now each is located as in the other files.
    [Fact]
    public void Checks_or_sums_of_the_wrong_shape_are_located_not_ignored() =>
        Read(Form + "checks: on\nsums: 预算数\n").ShouldBe([
            "forms/small/form.yaml(7,9): error PUB1201: checks 应是“检查名: on、warning 或 off”的列表。",
            "forms/small/form.yaml(8,7): error PUB1201: sums 应是合计的列表，每项写成 - { table: projects, total: 合计列, parts: [组成列, 组成列] }。",
        ]);

    [Fact]
    public void A_key_that_is_a_list_is_located_not_an_internal_error() =>
        Read(Form + "metadata:\n  ? [填报单位, 联系人]\n  : required\n").ShouldBe([
            "forms/small/form.yaml(8,5): error PUB1201: 设置项的名称应是一个词（如 title），而不是列表或表。",
        ]);

    [Fact]
    public void A_framework_file_nested_ten_thousand_deep_is_one_located_error()
    {
        var diagnostics = new DiagnosticBag();
        var text = "title: 深\nlevel1: " + new string('[', 10_000) + new string(']', 10_000) + "\n";

        FormReader.ReadFramework("deep", text, "frameworks/deep.yaml", diagnostics).ShouldBeNull();

        diagnostics.Items.Select(d => d.ToString()).ShouldBe([
            $"frameworks/deep.yaml(2,{8 + Publishing.Yaml.YamlLimits.MaxDepth}): error PUB1201: 嵌套太深：列表和表最多套 {Publishing.Yaml.YamlLimits.MaxDepth} 层。",
        ]);
    }
}
