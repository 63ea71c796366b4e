using System.Diagnostics;
using System.Text;
using Publishing.Diagnostics;
using Publishing.Yaml;

namespace Publishing.Tests.Yaml;

/// <summary>The shared reading layer itself: the located tree, its accessors' messages and its bounds.</summary>
public class YamlLayerTests
{
    private static readonly YamlFileKind Kind = new("PUB0001", "PUB0002", "PUB0003", "PUB0004");

    private static (YamlMapping? Root, List<Diagnostic> Errors) Read(string text)
    {
        var bag = new DiagnosticBag();
        var root = YamlFile.ReadMapping(text, "x.yaml", Kind, bag, "应是表");
        return (root, bag.Items.ToList());
    }

    private static Diagnostic Single(string text)
    {
        var (_, errors) = Read(text);
        return errors.ShouldHaveSingleItem(string.Join("\n", errors));
    }

    [Fact]
    public void Every_value_keeps_its_line_and_column_and_aliases_stand_for_their_anchor()
    {
        var (root, errors) = Read("a: 1\nb:\n  - &x { c: 'two' }\n  - *x\n");
        errors.ShouldBeEmpty();
        var b = root!.Sequence("b", "")!;
        (b.Line, b.Column).ShouldBe((3, 3));
        var c = ((YamlMapping)b.Items[1]).Value("c").ShouldBeOfType<YamlScalar>();
        (c.Text, c.Line, c.Column).ShouldBe(("two", 3, 13));
        root.Entries.Select(e => (e.Name, e.Key.Line, e.Key.Column)).ShouldBe([("a", 1, 1), ("b", 2, 1)]);
    }

    [Fact]
    public void Accessors_report_at_the_key_or_value_in_one_wording()
    {
        var bag = new DiagnosticBag();
        var root = YamlFile.ReadMapping("titel: x\nyear: [2021]\nsize: big\nkind: mony\nempty: ''\n", "x.yaml", Kind, bag, "")!;
        root.CheckKeys(["title", "year", "size", "kind", "empty"]);
        root.RequiredText("title");
        root.OptionalText("year");
        root.Value("size").ShouldBeOfType<YamlScalar>().AsNumber();
        root.Choice("kind", new Dictionary<string, int> { ["money"] = 1, ["text"] = 2 });
        root.NonEmptyText("empty");
        bag.Items.Select(d => d.ToString()).ShouldBe([
            "x.yaml(1,1): error PUB0003: 未知的设置项“titel”。是否应为“title”？",
            "x.yaml(1,1): error PUB0002: 缺少设置项“title”。",
            "x.yaml(2,7): error PUB0004: year 应是一个值（如 year: …），而不是列表或多项设置。",
            "x.yaml(3,7): error PUB0004: “big”应为数字",
            "x.yaml(4,7): error PUB0004: kind 不能是“mony”：应为 money、text 之一。是否应为“money”？",
            "x.yaml(5,8): error PUB0004: empty 不能为空。",
        ]);
    }

    [Fact]
    public void A_key_written_twice_is_an_error_at_the_second()
    {
        Single("a: 1\nb: 2\na: 3\n").ToString().ShouldBe("x.yaml(3,1): error PUB0001: 设置项“a”写了两次（第一次在第 1 行）：只保留一个。");
        Single("m: { a: 1, a: 2 }\n").ToString().ShouldBe("x.yaml(1,12): error PUB0001: 设置项“a”写了两次（第一次在第 1 行）：只保留一个。");
    }

    [Fact]
    public void A_syntax_error_is_located_and_says_why_in_the_editors_words()
    {
        var error = Single("title: a\n  year: 2021\n");
        (error.Code, error.Line, error.Column).ShouldBe(("PUB0001", 2, 7));
        error.Message.ShouldStartWith("YAML 格式错误：");
        error.Message.ShouldNotContain("(Line:");
        error.Message.ShouldEndWith("（常见原因：冒号后缺空格、缩进不齐、中文引号）。");
    }

    [Fact]
    public void A_key_that_is_not_a_word_and_an_alias_to_nothing_are_located()
    {
        Single("? [a, b]\n: 1\n").ToString().ShouldBe("x.yaml(1,3): error PUB0001: 设置项的名称应是一个词（如 title），而不是列表或表。");
        Single("a: *nothing\n").ToString().ShouldBe("x.yaml(1,4): error PUB0001: 别名 *nothing 前面没有对应的 &nothing（别名只能指向已经写完的值）。");
        // An alias inside its own anchor would make a loop: refused the same way.
        Single("a: &x [1, *x]\n").ToString().ShouldStartWith("x.yaml(1,11): error PUB0001: 别名 *x 前面没有对应的 &x");
    }

    [Fact]
    public void A_top_level_that_is_not_a_mapping_is_reported_with_what_it_should_be()
    {
        Single("- a\n- b\n").ToString().ShouldBe("x.yaml(1,1): error PUB0001: 应是表");
        Single("").ToString().ShouldBe("x.yaml(1,1): error PUB0001: 应是表");
    }

    [Fact]
    public void Ten_megabytes_is_an_error_where_the_limit_is_passed_read_at_once()
    {
        var line = "title: " + new string('长', 93) + "\n"; // 101 characters
        var text = string.Concat(Enumerable.Repeat(line, 10 * 1024 * 1024 / line.Length));
        var clock = Stopwatch.StartNew();
        var error = Single(text);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2));
        (error.Line, error.Column).ShouldBe((YamlLimits.MaxCharacters / line.Length + 1, YamlLimits.MaxCharacters % line.Length + 1));
        error.Message.ShouldContain("文件太大");
    }

    [Fact]
    public void Deeply_nested_flow_mappings_are_an_error_at_the_level_past_the_limit()
    {
        var text = "a: " + string.Concat(Enumerable.Repeat("{b: ", 100_000)) + "1" + new string('}', 100_000) + "\n";
        var error = Single(text);
        (error.Line, error.Column).ShouldBe((1, 4 + 4 * (YamlLimits.MaxDepth - 1)));
        error.Message.ShouldContain($"嵌套太深：列表和表最多套 {YamlLimits.MaxDepth} 层");
    }

    [Fact]
    public void Billion_laughs_stop_at_the_alias_that_passes_the_limit()
    {
        var text = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var level = 'b'; level <= 'i'; level++)
            text.Append($"{level}: &{level} [{string.Join(", ", Enumerable.Repeat($"*{(char)(level - 1)}", 10))}]\n");
        var clock = Stopwatch.StartNew();
        var error = Single(text.ToString());
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2));
        error.Message.ShouldContain("值太多：别名 *d 展开后");
        error.Line.ShouldBe(5);
    }
}
