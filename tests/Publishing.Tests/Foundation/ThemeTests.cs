using Publishing.Diagnostics;
using Publishing.Tests.Support;
using Publishing.Theming;

namespace Publishing.Tests.Foundation;

public class ThemeTests
{
    private static string TemplatesWithTheme(string yaml, string name = "default")
    {
        var templates = RepoPaths.NewTempDirectory("templates");
        RepoPaths.CopyDirectory(Path.Combine(RepoPaths.Templates, "theme"), Path.Combine(templates, "theme"));
        foreach (var file in Directory.GetFiles(RepoPaths.Templates, "*.sbn"))
            File.Copy(file, Path.Combine(templates, Path.GetFileName(file)));
        RepoPaths.CopyDirectory(Path.Combine(RepoPaths.Templates, "partials"), Path.Combine(templates, "partials"));
        RepoPaths.CopyDirectory(Path.Combine(RepoPaths.Templates, "checks"), Path.Combine(templates, "checks"));
        RepoPaths.CopyDirectory(Path.Combine(RepoPaths.Templates, "frameworks"), Path.Combine(templates, "frameworks"));
        RepoPaths.CopyDirectory(Path.Combine(RepoPaths.Templates, "forms"), Path.Combine(templates, "forms"));
        RepoPaths.CopyDirectory(Path.Combine(RepoPaths.Templates, "site"), Path.Combine(templates, "site"));
        RepoPaths.LinkFiles(Path.Combine(RepoPaths.Templates, "fonts"), Path.Combine(templates, "fonts"));
        File.WriteAllText(Path.Combine(templates, "theme", name + ".yaml"), yaml);
        return templates;
    }

    [Fact]
    public void The_default_theme_reads_every_value()
    {
        var theme = ThemeLoader.Load(RepoPaths.Templates);
        theme.Page.MarginTopMm.ShouldBe(37);
        theme.Page.MarginLeftMm.ShouldBe(28);
        theme.Page.BodyWidthMm.ShouldBe(156);
        theme.Page.BodyHeightMm.ShouldBe(225);
        theme.Page.Footer.Format.ShouldBe("— {page} —");
        theme.Page.Footer.Position.ShouldBe("outside");
        theme.Body.SizePt.ShouldBe(16);
        theme.Fonts["serif"].Regular[0].ShouldBe("fonts/NotoSerifSC-Regular.ttf");
        theme.Style("numbering_level_1").Font.ShouldBe("sans");
        theme.Style("cover_title").IsBold.ShouldBeTrue();
        theme.Table.SizePt.ShouldBe(10.5);
        theme.Limits.MaxRowsPerFile.ShouldBe(20_000);
        theme.Limits.MaxContentMb.ShouldBe(16);
        theme.Limits.MaxPages.ShouldBe(2_000);
    }

    [Fact]
    public void An_unknown_key_is_an_error_at_its_line()
    {
        var yaml = File.ReadAllText(Path.Combine(RepoPaths.Templates, "theme", "default.yaml"))
            .Replace("\n  margin_top_mm: 37", "\n  margin_topp_mm: 37");
        var error = Should.Throw<ThemeInvalidException>(() => ThemeLoader.Load(TemplatesWithTheme(yaml))).Problems.ShouldHaveSingleItem();
        (error.Code, error.Line, error.Column).ShouldBe((DiagnosticCodes.ThemeInvalid, 7, 3));
        error.Message.ShouldStartWith("主题文件有误：未知的设置项“margin_topp_mm”。是否应为“margin_top_mm”？可用的设置项：");
    }

    [Fact]
    public void A_value_of_the_wrong_kind_is_an_error_at_its_line()
    {
        var error = Should.Throw<ThemeInvalidException>(() => ThemeLoader.Load(TemplatesWithTheme("body:\n  size_pt: 三号\n"))).Problems.First(p => p.Message.Contains("三号"));
        (error.Line, error.Column).ShouldBe((2, 12));
        error.Message.ShouldBe("主题文件有误：“三号”应为数字");
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/theme")]
    [InlineData("")]
    public void A_theme_name_cannot_leave_the_theme_folder(string name) =>
        Should.Throw<ThemeInvalidException>(() => ThemeLoader.Load(RepoPaths.Templates, name)).Problems.ShouldHaveSingleItem().Message.ShouldContain("只能由字母、数字");

    [Fact]
    public void A_broken_theme_is_a_located_diagnostic_and_no_output()
    {
        var templates = TemplatesWithTheme("page:\n  footer:\n    size_pt: [14]\n");
        var output = RepoPaths.NewTempDirectory("artifacts");
        var result = PublishingCommand.Run("build", RepoPaths.Sample, "--out", output, "--templates", templates);
        result.ExitCode.ShouldBe(1);
        result.DiagnosticLines.ShouldContain(l => l.StartsWith(Publishing.Diagnostics.DisplayPaths.For(Path.Combine(templates, "theme", "default.yaml")) + "(3,14): error PUB4105: 主题文件有误：size_pt 应是一个值（如 size_pt: …），而不是列表或多项设置。"));
        Directory.Exists(Path.Combine(output, "chengde-xinfang-2021")).ShouldBeFalse();
    }

    [Fact]
    public void A_font_file_that_is_not_there_is_an_error_naming_the_theme_file()
    {
        var yaml = File.ReadAllText(Path.Combine(RepoPaths.Templates, "theme", "default.yaml"))
            .Replace("fonts/NotoSerifSC-Regular.ttf, fonts/NotoSansSC-Regular.ttf]", "/nonexistent/FangSong_GB2312.ttf]");
        var output = RepoPaths.NewTempDirectory("artifacts");
        var result = PublishingCommand.Run("build", RepoPaths.Sample, "--out", output, "--templates", TemplatesWithTheme(yaml));
        result.ExitCode.ShouldBe(1);
        var lines = yaml.Split('\n').ToList();
        var line = lines.FindIndex(l => l.Contains("/nonexistent/FangSong_GB2312.ttf"));
        var column = lines[line].IndexOf("/nonexistent", StringComparison.Ordinal) + 1;
        result.DiagnosticLines.ShouldContain(l => l.Contains($"/theme/default.yaml({line + 1},{column}): error PUB4105:") && l.Contains("找不到字体文件"), result.Stderr);
        Directory.Exists(Path.Combine(output, "chengde-xinfang-2021")).ShouldBeFalse();
    }

    [Fact]
    public void A_second_preset_is_just_another_theme_file()
    {
        var yaml = File.ReadAllText(Path.Combine(RepoPaths.Templates, "theme", "default.yaml"))
            .Replace("size_pt: 16           # 三号", "size_pt: 15");
        var templates = TemplatesWithTheme(yaml, "compact");
        var (content, document) = RepoPaths.CopyOfSample();
        var manifest = Path.Combine(document, "document.yaml");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("theme: default ", "theme: compact "));
        var output = RepoPaths.NewTempDirectory("artifacts");

        var result = PublishingCommand.Run("build", content, "--out", output, "--templates", templates, "--format", "html");

        result.ExitCode.ShouldBe(0, result.Stderr);
        File.ReadAllText(Path.Combine(output, "doc", "theme.css")).ShouldContain("font-size: 15pt");
    }

    private static string DefaultTheme => File.ReadAllText(Path.Combine(RepoPaths.Templates, "theme", "default.yaml"));

    private static int LineOf(string yaml, string text) => yaml.Split('\n').ToList().FindIndex(l => l.Contains(text, StringComparison.Ordinal)) + 1;

    [Fact]
    public void A_colour_typo_is_a_located_error_in_validate_and_in_a_two_document_build()
    {
        var yaml = DefaultTheme.Replace("  text: \"#000000\"", "  text: \"#00000\"");
        var templates = TemplatesWithTheme(yaml);
        var themePath = Publishing.Diagnostics.DisplayPaths.For(Path.Combine(templates, "theme", "default.yaml"));
        var expected = $"{themePath}({LineOf(yaml, "#00000\"")},9): error PUB4105: 主题文件有误：“#00000”不是颜色";
        var (content, _) = RepoPaths.CopyOfSample("a");
        RepoPaths.CopyDirectory(Path.Combine(content, "a"), Path.Combine(content, "b"));

        var validate = PublishingCommand.Run("validate", content, "--templates", templates);
        validate.ExitCode.ShouldBe(1, validate.Stderr);
        validate.DiagnosticLines.ShouldContain(l => l.StartsWith(expected, StringComparison.Ordinal), validate.Stderr);
        validate.Stderr.ShouldNotContain("PUB9001");

        var output = RepoPaths.NewTempDirectory("artifacts");
        var build = PublishingCommand.Run("build", content, "--out", output, "--templates", templates);
        build.ExitCode.ShouldBe(1, build.Stderr);
        build.DiagnosticLines.ShouldContain(l => l.StartsWith(expected, StringComparison.Ordinal), build.Stderr);
        build.Stderr.ShouldNotContain("PUB9001");
        build.Stderr.ShouldContain("（2 个文档）");
        Directory.Exists(Path.Combine(output, "a")).ShouldBeFalse();
        Directory.Exists(Path.Combine(output, "b")).ShouldBeFalse();
    }

    [Fact]
    public void Every_problem_of_a_theme_is_reported_at_once_each_at_its_value()
    {
        var yaml = DefaultTheme
            .Replace("  size_pt: 16           # 三号", "  size_pt: 0")
            .Replace("\n  body_height_mm: 225", "\n  body_height_mm: 300")
            .Replace("  border_color: \"#000000\"", "  border_color: black")
            .Replace("  h3:               { font: sans,", "  h3:               { font: sams,")
            .Replace("    position: outside ", "    position: inside ")
            .Replace("  header_align: center", "  header_align: centre")
            .Replace("\n  margin_top_mm: 37", "\n  margin_topp_mm: 37");
        var templates = TemplatesWithTheme(yaml);
        File.WriteAllText(Path.Combine(templates, "not-a-font.ttf"), "plain text");
        yaml = yaml.Replace("bold: [fonts/NotoSansSC-Bold.ttf, fonts/NotoSerifSC-Bold.ttf]", "bold: [not-a-font.ttf]");
        File.WriteAllText(Path.Combine(templates, "theme", "default.yaml"), yaml);

        var error = Should.Throw<ThemeInvalidException>(() => ThemeLoader.Load(templates));

        var found = error.Problems.Select(p => (p.Line, p.Message)).ToList();
        found.ShouldContain(p => p.Item1 == LineOf(yaml, "  size_pt: 0") && p.Message.Contains("size_pt 必须大于 0"));
        found.ShouldContain(p => p.Item1 == LineOf(yaml, "body_height_mm: 300") && p.Message.Contains("版心比页面高"));
        found.ShouldContain(p => p.Item1 == LineOf(yaml, "border_color: black") && p.Message.Contains("“black”不是颜色"));
        found.ShouldContain(p => p.Item1 == LineOf(yaml, "font: sams") && p.Message.Contains("没有名为“sams”的字体"));
        found.ShouldContain(p => p.Item1 == LineOf(yaml, "position: inside") && p.Message.Contains("不是页码位置"));
        found.ShouldContain(p => p.Item1 == LineOf(yaml, "header_align: centre") && p.Message.Contains("不是对齐方式"));
        found.ShouldContain(p => p.Item1 == LineOf(yaml, "margin_topp_mm") && p.Message.Contains("未知的设置项“margin_topp_mm”"));
        found.ShouldContain(p => p.Item1 == LineOf(yaml, "bold: [not-a-font.ttf]") && p.Message.Contains("not-a-font.ttf"));
        found.Count.ShouldBe(8, string.Join("\n", found));
    }
}
