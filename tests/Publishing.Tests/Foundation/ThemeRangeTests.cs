using Publishing.Diagnostics;
using Publishing.Tests.Support;
using Publishing.Theming;

namespace Publishing.Tests.Foundation;

/// <summary>
/// Theme values that are numbers of the right kind but leave the text no room (a 2000 pt body, a text block
/// 10 mm wide, an indent wider than the page) are located errors at their theme line: before, the PDF was written
/// with exit 0 and the text was missing from it.
/// </summary>
public class ThemeRangeTests
{
    [Fact]
    public void A_2000_pt_body_is_a_located_error_and_no_pdf()
    {
        var theme = ThemeTemplates.DefaultTheme.Replace("  size_pt: 16           # 三号", "  size_pt: 2000");
        var templates = ThemeTemplates.With(theme);
        var output = RepoPaths.NewTempDirectory("artifacts");

        var build = PublishingCommand.Run("build", RepoPaths.Sample, "--out", output, "--templates", templates);

        build.ExitCode.ShouldBe(1, build.Stderr);
        var expected = $"{DisplayPaths.For(Path.Combine(templates, "theme", "default.yaml"))}({ThemeTemplates.LineOf(theme, "size_pt: 2000")},12): error PUB4105: 主题文件有误：字号 2000 pt 太大";
        build.DiagnosticLines.ShouldContain(l => l.StartsWith(expected, StringComparison.Ordinal), build.Stderr);
        build.Stderr.ShouldNotContain("PUB9001");
        File.Exists(Path.Combine(output, "chengde-xinfang-2021", "chengde-xinfang-2021.pdf")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("  size_pt: 16           # 三号", "  size_pt: 2000", "字号 2000 pt 太大")]
    [InlineData("  size_pt: 10.5         # 五号", "  size_pt: 150", "字号 150 pt 太大")]
    [InlineData("\n  body_width_mm: 156    # text block", "\n  body_width_mm: 10    # text block", "版心宽 10 mm 太窄")]
    [InlineData("\n  body_height_mm: 225", "\n  body_height_mm: 15", "版心高 15 mm 太矮")]
    [InlineData("  line_pitch_pt: 28.95", "  line_pitch_pt: 300", "行距 300 pt 太大")]
    [InlineData("  first_line_indent_em: 2", "  first_line_indent_em: 30", "缩进 30 个字太大")]
    [InlineData("  padding_mm: 1.5", "  padding_mm: 30", "单元格内边距 30 mm 太大")]
    [InlineData("  list_indent_em: 2 ", "  list_indent_em: 40 ", "列表缩进 40 个字太大")]
    [InlineData("cover_title:      { font: sans, weight: bold, size_pt: 26,", "cover_title:      { font: sans, weight: bold, size_pt: 120,", "字号 120 pt 太大")]
    public void A_value_that_leaves_no_room_for_text_is_an_error_at_its_line(string from, string to, string message)
    {
        var theme = ThemeTemplates.DefaultTheme;
        theme.ShouldContain(from);
        theme = theme.Replace(from, to);

        var error = Should.Throw<ThemeInvalidException>(() => ThemeLoader.Load(ThemeTemplates.With(theme)));

        var problem = error.Problems.ShouldHaveSingleItem(string.Join("\n", error.Problems.Select(p => $"{p.Line}: {p.Message}")));
        problem.Message.ShouldContain(message);
        problem.Line.ShouldBe(ThemeTemplates.LineOf(theme, to.TrimStart('\n')));
    }

    [Fact]
    public void The_shipped_theme_has_room_for_its_text() =>
        ThemeLoader.Load(RepoPaths.Templates).Body.SizePt.ShouldBe(16);
}
