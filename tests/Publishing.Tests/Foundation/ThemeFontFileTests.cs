using Publishing.Diagnostics;
using Publishing.Tests.Support;

namespace Publishing.Tests.Foundation;

/// <summary>
/// A font file named by the theme is checked whole when the theme is read: a copy cut short (HarfBuzz opens it
/// without complaint and only the PDF writer's subsetting failed, as an internal error without a place) is a
/// located PUB4105 at the theme's line, naming the file, in `build` and in `validate`.
/// </summary>
public class ThemeFontFileTests
{
    [Fact]
    public void A_truncated_font_file_is_a_located_theme_error_naming_the_file()
    {
        var theme = ThemeTemplates.DefaultTheme;
        var templates = ThemeTemplates.With(theme.Replace(
            "regular: [fonts/NotoSerifSC-Regular.ttf, fonts/NotoSansSC-Regular.ttf]", "regular: [fonts-cut/serif.ttf, fonts/NotoSansSC-Regular.ttf]"));
        Directory.CreateDirectory(Path.Combine(templates, "fonts-cut"));
        var original = File.ReadAllBytes(Path.Combine(RepoPaths.Templates, "fonts", "NotoSerifSC-Regular.ttf"));
        var cut = Path.Combine(templates, "fonts-cut", "serif.ttf");
        File.WriteAllBytes(cut, original[..300_000]);
        var line = ThemeTemplates.LineOf(theme, "regular: [fonts/NotoSerifSC-Regular.ttf");
        var expected = $"{DisplayPaths.For(Path.Combine(templates, "theme", "default.yaml"))}({line},15): error PUB4105: 主题文件有误：字体文件不完整";

        var output = RepoPaths.NewTempDirectory("artifacts");
        var build = PublishingCommand.Run("build", RepoPaths.Sample, "--out", output, "--templates", templates);

        build.ExitCode.ShouldBe(1, build.Stderr);
        build.Stderr.ShouldNotContain("PUB9001");
        var error = build.DiagnosticLines.Single(l => l.Contains("error PUB4105"));
        error.ShouldStartWith(expected, Case.Sensitive, build.Stderr);
        error.ShouldContain(cut);
        error.ShouldContain("300000 字节");
        Directory.Exists(Path.Combine(output, "chengde-xinfang-2021")).ShouldBeFalse();

        var validate = PublishingCommand.Run("validate", RepoPaths.Sample, "--templates", templates);
        validate.ExitCode.ShouldBe(1, validate.Stderr);
        validate.DiagnosticLines.ShouldContain(l => l.StartsWith(expected, StringComparison.Ordinal), validate.Stderr);
    }

    [Fact]
    public void A_broken_fallback_font_present_on_the_machine_is_a_located_theme_error()
    {
        var theme = ThemeTemplates.DefaultTheme;
        var fallback = theme.Split('\n').First(l => l.TrimStart().StartsWith("- /usr/share/fonts/", StringComparison.Ordinal));
        var templates = ThemeTemplates.With(theme.Replace(fallback, "  - fonts-cut/fallback.ttf"));
        Directory.CreateDirectory(Path.Combine(templates, "fonts-cut"));
        File.WriteAllBytes(Path.Combine(templates, "fonts-cut", "fallback.ttf"),
            File.ReadAllBytes(Path.Combine(RepoPaths.Templates, "fonts", "NotoSansSC-Regular.ttf"))[..4096]);

        var validate = PublishingCommand.Run("validate", RepoPaths.Sample, "--templates", templates);

        validate.ExitCode.ShouldBe(1, validate.Stderr);
        validate.DiagnosticLines.ShouldContain(l => l.Contains($"default.yaml({ThemeTemplates.LineOf(theme, fallback)},5): error PUB4105: 主题文件有误：字体文件不完整")
            && l.Contains("fallback.ttf"), validate.Stderr);
    }
}
