using System.Diagnostics;
using System.Text;
using Publishing.Diagnostics;
using Publishing.Tests.Support;
using Publishing.Theming;

namespace Publishing.Tests.Yaml;

/// <summary>A theme's mistakes through the shared layer: each one PUB4105 at its key or value, 主题文件有误：….</summary>
public class ThemeMistakeTests
{
    private static readonly string Default = ThemeTemplates.DefaultTheme;

    private static List<string> Read(string yaml)
    {
        var templates = ThemeTemplates.With(yaml);
        var diagnostics = new DiagnosticBag();
        ThemeLoader.Load(templates, "default", null, diagnostics).ShouldBeNull();
        var shown = DisplayPaths.For(Path.Combine(templates, "theme", "default.yaml"));
        return diagnostics.Sorted().Select(d => d.ToString().Replace(shown, "default.yaml")).ToList();
    }

    private static int Line(string yaml, string text) => ThemeTemplates.LineOf(yaml, text);

    // The old loader let YamlDotNet's InvalidOperationException on an unclosed [ before a comment escape (an
    // internal error); document.yaml located it. Now every file does.
    [Fact]
    public void A_syntax_error_is_located_even_an_unclosed_bracket_before_a_comment()
    {
        var yaml = Default.Replace("  size: A4              # 210 × 297 mm", "  size: [A4              # 210 × 297 mm");
        Read(yaml).ShouldBe([
            $"default.yaml({Line(yaml, "size: [A4")},1): error PUB4105: 主题文件有误：YAML 格式错误：方括号 [ 或花括号 {{ 没有闭合（值以 [ 开头却没有 ]；若值本身含 [，请给整个值加引号）（常见原因：冒号后缺空格、缩进不齐、中文引号）。".Replace("{{", "{"),
        ]);
    }

    [Fact]
    public void An_unknown_key_is_at_the_key_with_the_nearest_and_the_known_ones()
    {
        var yaml = Default.Replace("\n  margin_left_mm: 28", "\n  margin_lfet_mm: 28");
        Read(yaml).ShouldBe([
            $"default.yaml({Line(yaml, "margin_lfet_mm")},3): error PUB4105: 主题文件有误：未知的设置项“margin_lfet_mm”。是否应为“margin_left_mm”？" +
            "可用的设置项：body_height_mm、body_width_mm、footer、margin_left_mm、margin_top_mm、orientation、size。",
        ]);
    }

    [Fact]
    public void A_missing_required_key_is_at_its_section()
    {
        var yaml = Default.Replace("    bold: [fonts/NotoSerifSC-Bold.ttf, fonts/NotoSansSC-Bold.ttf]\n", "");
        // A section is where its first key is written.
        Read(yaml).ShouldBe([$"default.yaml({Line(yaml, "regular: [fonts/NotoSerifSC")},5): error PUB4105: 主题文件有误：fonts.serif.bold 没有写字体文件"]);
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_at_the_value()
    {
        var yaml = Default.Replace("  margin_top_mm: 37\n  margin_left_mm: 28", "  margin_top_mm: [37]\n  margin_left_mm: 28");
        Read(yaml).ShouldBe([$"default.yaml({Line(yaml, "margin_top_mm: [37]")},18): error PUB4105: 主题文件有误：margin_top_mm 应是一个值（如 margin_top_mm: …），而不是列表或多项设置。"]);
    }

    [Fact]
    public void A_key_written_twice_is_at_the_second()
    {
        var yaml = Default.Replace("  margin_top_mm: 37\n  margin_left_mm: 28", "  margin_top_mm: 37\n  margin_top_mm: 30\n  margin_left_mm: 28");
        Read(yaml).ShouldBe([$"default.yaml({Line(yaml, "margin_top_mm: 30")},3): error PUB4105: 主题文件有误：设置项“margin_top_mm”写了两次（第一次在第 {Line(yaml, "margin_top_mm: 37")} 行）：只保留一个。"]);
    }

    [Fact]
    public void Billion_laughs_in_a_theme_are_one_located_error_at_once()
    {
        var laughs = new StringBuilder("x_a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var level = 'b'; level <= 'j'; level++)
            laughs.Append($"x_{level}: &{level} [{string.Join(", ", Enumerable.Repeat($"*{(char)(level - 1)}", 10))}]\n");
        var yaml = laughs + Default;
        var clock = Stopwatch.StartNew();

        var found = Read(yaml);

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        found.ShouldBe([$"default.yaml(5,38): error PUB4105: 主题文件有误：值太多：别名 *d 展开后，设置文件超过了 100,000 个值。"]);
    }

    [Fact]
    public void A_form_s_theme_yaml_is_read_the_same_way_its_problems_named_by_that_file()
    {
        var templates = ThemeTemplates.With(Default);
        var overridePath = Path.Combine(templates, "forms", "budget-text", "theme.yaml");
        File.WriteAllText(overridePath, "page:\n  margin_top_mm: 20\n  margin_top_mm: 25\n");
        var diagnostics = new DiagnosticBag();

        ThemeLoader.Load(templates, "default", overridePath, diagnostics).ShouldBeNull();

        diagnostics.Items.Select(d => d.ToString()).ShouldBe([
            $"{DisplayPaths.For(overridePath)}(3,3): error PUB4105: 主题文件有误：设置项“margin_top_mm”写了两次（第一次在第 2 行）：只保留一个。",
        ]);
    }
}
