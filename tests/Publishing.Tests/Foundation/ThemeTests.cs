using Publishing.Tests.Support;
using Publishing.Theming;
using YamlDotNet.Core;

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
    }

    [Fact]
    public void An_unknown_key_is_an_error_at_its_line()
    {
        var yaml = File.ReadAllText(Path.Combine(RepoPaths.Templates, "theme", "default.yaml"))
            .Replace("  margin_top_mm: 37", "  margin_topp_mm: 37");
        var error = Should.Throw<YamlException>(() => ThemeLoader.Load(TemplatesWithTheme(yaml)));
        error.Start.Line.ShouldBe(7);
        error.Message.ShouldContain("unknown theme key 'margin_topp_mm'");
        error.Message.ShouldContain("margin_top_mm");
    }

    [Fact]
    public void A_value_of_the_wrong_kind_is_an_error_at_its_line()
    {
        var error = Should.Throw<YamlException>(() => ThemeLoader.Load(TemplatesWithTheme("body:\n  size_pt: 三号\n")));
        error.Start.Line.ShouldBe(2);
        error.Message.ShouldContain("'三号' should be a number");
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/theme")]
    [InlineData("")]
    public void A_theme_name_cannot_leave_the_theme_folder(string name) =>
        Should.Throw<YamlException>(() => ThemeLoader.Load(RepoPaths.Templates, name)).Message.ShouldContain("may only contain");

    [Fact]
    public void A_broken_theme_is_a_located_diagnostic_and_no_output()
    {
        var templates = TemplatesWithTheme("page:\n  footer:\n    size_pt: [14]\n");
        var output = RepoPaths.NewTempDirectory("artifacts");
        var result = PublishingCommand.Run("build", RepoPaths.Sample, "--out", output, "--templates", templates);
        result.ExitCode.ShouldBe(1);
        result.DiagnosticLines.ShouldContain(l => l.StartsWith(Publishing.Content.DisplayPaths.For(Path.Combine(templates, "theme", "default.yaml")) + "(3,14): error PUB4105: 主题文件有误：expected a single value here"));
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
        result.DiagnosticLines.ShouldContain(l => l.Contains("/theme/default.yaml: error PUB4105:") && l.Contains("font file not found"));
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
}
