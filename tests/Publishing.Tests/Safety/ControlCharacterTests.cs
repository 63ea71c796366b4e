using Publishing.Diagnostics;
using Publishing.Tests.Checks;

namespace Publishing.Tests.Safety;

/// <summary>
/// Invisible control characters (NUL in a CSV cell, ESC pasted into Markdown) are errors at the character's own
/// line and column, and the document is not published with them; tab, CRLF and a BOM are ordinary text.
/// </summary>
public sealed class ControlCharacterTests
{
    [Fact]
    public void A_nul_in_a_cell_is_an_error_at_the_character_and_nothing_is_written()
    {
        using var document = new TinyDocument(new Dictionary<string, string>
        {
            ["data/indicators.csv"] = TinyDocument.BaseIndicators.Replace("信访案件按期办结的比例", "信访案件按期\0办结的比例"),
        });

        var (built, diagnostics) = document.Build();

        built.ShouldBeFalse();
        var error = diagnostics.Where(d => d.IsError).ShouldHaveSingleItem();
        error.Code.ShouldBe(DiagnosticCodes.ControlCharacter);
        error.Path.ShouldBe("data/indicators.csv");
        // Row 3: "P001,效益指标,社会效益指标,案件办结率," is 23 characters, then "信访案件按期" (6): the NUL is the 30th.
        (error.Line, error.Column).ShouldBe((3, 30));
        error.Message.ShouldContain("U+0000");
        Directory.Exists(Path.Combine(document.OutputRoot, "doc")).ShouldBeFalse();
    }

    [Fact]
    public void Control_characters_in_markdown_are_each_located_and_many_are_summed_up()
    {
        var markdown = TinyDocument.BaseMarkdown
            .Replace("（一）负责接待群众来访。", "（一）负责接待\u001b[0m群众来访。\f")
            .Replace("（二）负责办理群众来信。", "（二）\u007f" + new string('\u0001', 5) + "负责办理群众来信。");
        using var document = new TinyDocument(new Dictionary<string, string> { ["sections/01.md"] = markdown });

        var errors = document.Validate().Where(d => d.IsError).ToList();

        errors.ShouldAllBe(e => e.Code == DiagnosticCodes.ControlCharacter && e.Path == "sections/01.md");
        errors.Select(e => (e.Line, e.Column)).ShouldBe(new[] { (5, 8), (5, 17), (7, 4), (7, 5), (7, 6), (7, 7) });
        errors[0].Message.ShouldContain("U+001B（ESC");
        errors[1].Message.ShouldContain("U+000C（换页符）");
        errors[^1].Message.ShouldContain("还有 3 个看不见的控制字符（这个文件共 8 个）");
    }

    [Fact]
    public void Tabs_crlf_line_ends_and_a_bom_are_ordinary_text()
    {
        using var document = new TinyDocument(new Dictionary<string, string>
        {
            ["sections/01.md"] = "\uFEFF" + TinyDocument.BaseMarkdown.Replace("\n", "\r\n").Replace("（一）负责", "（一）\t负责"),
            ["data/indicators.csv"] = TinyDocument.BaseIndicators.Replace("\n", "\r\n"),
        });

        var (built, diagnostics) = document.Build();

        diagnostics.Where(d => d.IsError).ShouldBeEmpty();
        built.ShouldBeTrue();
        document.Html.ShouldNotContain("\uFEFF");
    }
}
