using Publishing.Diagnostics;
using Publishing.Tests.Checks;

namespace Publishing.Tests.Safety;

/// <summary>
/// Markdown nested absurdly deep (a hostile or garbled paste) is a located error for its section:
/// what was found in the other sections is kept, and nothing ends as an internal error.
/// </summary>
public sealed class NestingBombTests
{
    public static TheoryData<string, string, int, int> Bombs => new()
    {
        { "quotes", "# 二、引用\n\n" + new string('>', 128) + " 文字\n", 3, 33 },
        { "list of 100 levels", "# 二、列表\n\n" + Nested(100), 35, 65 },
        { "list of 3,000 levels", "# 二、列表\n\n" + Nested(3000), 35, 65 },
        { "emphasis", "# 二、强调\n\n" + new string('*', 500) + "词" + new string('*', 500) + "\n", 3, 1 },
        { "brackets", "# 二、括号\n\n" + new string('[', 50_000) + "\n", 3, 33 },
    };

    private static string Nested(int levels) =>
        string.Concat(Enumerable.Range(0, levels).Select(i => new string(' ', 2 * i) + "- 项\n"));

    [Theory]
    [MemberData(nameof(Bombs))]
    public void A_nesting_bomb_is_a_located_error_and_the_other_diagnostics_stay(string name, string markdown, int line, int column)
    {
        using var document = new TinyDocument(new Dictionary<string, string>
        {
            ["sections/01.md"] = TinyDocument.BaseMarkdown + "\n（三）见[说明](javascript:alert(1))。\n",
            ["sections/02.md"] = markdown,
        });
        var manifest = Path.Combine(document.Directory, "document.yaml");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("      - sections/01.md\n", "      - sections/01.md\n      - sections/02.md\n"));

        var diagnostics = document.Validate();

        var error = diagnostics.Where(d => d.IsError).ShouldHaveSingleItem(name);
        error.Code.ShouldBe(DiagnosticCodes.MarkdownTooDeep);
        (error.Path, error.Line, error.Column).ShouldBe(("sections/02.md", line, column));
        error.Message.ShouldContain("嵌套太深");
        diagnostics.ShouldContain(d => d.Code == DiagnosticCodes.UnsafeLink && d.Path == "sections/01.md");
    }

    [Fact]
    public void Ordinary_nesting_and_rules_are_not_mistaken_for_bombs()
    {
        var markdown = "# 二、正常\n\n" + Nested(6) + "\n> 引用\n>> 引用中的引用\n\n" + new string('*', 40) + "\n\n" +
                       string.Concat(Enumerable.Repeat("[链接](#x) ", 60)) + "\n\n" + string.Concat(Enumerable.Repeat("- 项\n", 200));
        Publishing.Markdown.NestingLimit.Find(markdown).ShouldBeNull();
    }
}
