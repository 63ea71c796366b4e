using System.Diagnostics;
using Publishing.Content;
using Publishing.Diagnostics;
using Publishing.Forms;
using Publishing.Tests.Support;

namespace Publishing.Tests.Yaml;

/// <summary>document.yaml's mistakes through the shared layer: each one diagnostic at the key or value, PUB110x.</summary>
public class ManifestMistakeTests
{
    private static readonly string Base = File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "Publishing.Tests", "Corpus", "_base", "document.yaml"));

    private static List<string> Read(string text)
    {
        var diagnostics = new DiagnosticBag();
        ManifestReader.Read(text, "document.yaml", new FormCatalog(RepoPaths.Templates), diagnostics).ShouldBeNull();
        return diagnostics.Sorted().Select(d => d.ToString()).ToList();
    }

    [Fact]
    public void The_base_document_reads_without_a_problem()
    {
        var diagnostics = new DiagnosticBag();
        ManifestReader.Read(Base, "document.yaml", new FormCatalog(RepoPaths.Templates), diagnostics).ShouldNotBeNull();
        diagnostics.Items.ShouldBeEmpty();
    }

    [Fact]
    public void A_syntax_error_is_PUB1101_where_the_parser_stopped() =>
        Read(Base.Replace("year: 2021", "  year: 2021")).ShouldBe([
            "document.yaml(3,7): error PUB1101: YAML 格式错误：While scanning a plain scalar value, found invalid mapping（常见原因：冒号后缺空格、缩进不齐、中文引号）。",
        ]);

    [Fact]
    public void An_unknown_key_is_PUB1103_at_the_key_with_the_nearest_known_one() =>
        Read(Base.Replace("prepared_by:", "prepard_by:")).ShouldBe([
            "document.yaml(1,1): error PUB1102: 缺少设置项“prepared_by”。",
            "document.yaml(4,1): error PUB1103: 未知的设置项“prepard_by”。是否应为“prepared_by”？",
        ]);

    [Fact]
    public void A_missing_required_key_is_PUB1102_at_its_mapping() =>
        Read(Base.Replace("    title: 预算项目绩效目标\n", "")).ShouldBe([
            "document.yaml(15,5): error PUB1102: 缺少设置项“title”。",
        ]);

    [Fact]
    public void A_list_where_one_value_belongs_is_PUB1104_at_the_value() =>
        Read(Base.Replace("year: 2021", "year: [2021]")).ShouldBe([
            "document.yaml(3,7): error PUB1104: year 应是一个值（如 year: …），而不是列表或多项设置。",
        ]);

    [Fact]
    public void A_key_written_twice_is_PUB1101_at_the_second() =>
        Read(Base + "year: 2022\n").ShouldBe([
            "document.yaml(20,1): error PUB1101: 设置项“year”写了两次（第一次在第 3 行）：只保留一个。",
        ]);

    [Fact]
    public void A_ten_megabyte_document_yaml_is_one_located_error_at_once()
    {
        var folder = RepoPaths.NewTempDirectory("huge-manifest");
        var padding = "# " + new string('注', 97) + "\n"; // 100 characters a line
        File.WriteAllText(Path.Combine(folder, "document.yaml"), Base + string.Concat(Enumerable.Repeat(padding, 100_000)));
        var diagnostics = new DiagnosticBag();
        var clock = Stopwatch.StartNew();

        DocumentLoader.ReadManifest(folder, new FormCatalog(RepoPaths.Templates), diagnostics).ShouldBeNull();

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        var error = diagnostics.Items.ShouldHaveSingleItem();
        var baseLines = Base.Count(c => c == '\n');
        var intoPadding = Publishing.Yaml.YamlLimits.MaxCharacters - Base.Length;
        (error.Code, error.Line, error.Column).ShouldBe((DiagnosticCodes.ManifestSyntax, baseLines + intoPadding / padding.Length + 1, intoPadding % padding.Length + 1));
        error.Message.ShouldContain("文件太大：有 10,000,");
    }
}
