using Publishing.Cli;
using Publishing.Tests.Support;

namespace Publishing.Tests.Safety;

/// <summary>Options a user mistypes are usage errors (exit 2) in words, before any document is read.</summary>
public sealed class UsageErrorTests
{
    [Fact]
    public void A_templates_folder_that_does_not_exist_is_a_usage_error()
    {
        var result = PublishingCommand.Run("build", RepoPaths.Sample, "--templates", "/nonexistent", "--out", RepoPaths.NewTempDirectory("artifacts"));
        result.ExitCode.ShouldBe(PublishingCli.UsageError);
        result.Stderr.ShouldContain("--templates 所指的目录“/nonexistent”不存在");
        result.DiagnosticLines.ShouldBeEmpty();
    }

    [Fact]
    public void A_templates_folder_without_templates_is_a_usage_error()
    {
        var result = PublishingCommand.Run("validate", RepoPaths.Sample, "--templates", RepoPaths.NewTempDirectory("empty"));
        result.ExitCode.ShouldBe(PublishingCli.UsageError);
        result.Stderr.ShouldContain("不是模板目录");
    }

    [Fact]
    public void An_output_that_is_a_file_is_a_usage_error()
    {
        var file = Path.Combine(RepoPaths.NewTempDirectory("out"), "report.txt");
        File.WriteAllText(file, "x");
        var result = PublishingCommand.Run("build", RepoPaths.Sample, "--out", file, "--templates", RepoPaths.Templates);
        result.ExitCode.ShouldBe(PublishingCli.UsageError);
        result.Stderr.ShouldContain("是一个文件：请给一个目录");
        File.ReadAllText(file).ShouldBe("x");
    }

    [Theory]
    [InlineData("--out", "artifacts")]
    [InlineData("--format", "pdf")]
    public void Validate_refuses_output_options(string option, string value)
    {
        var result = PublishingCommand.Run("validate", RepoPaths.Sample, option, value, "--templates", RepoPaths.Templates);
        result.ExitCode.ShouldBe(PublishingCli.UsageError);
        result.Stderr.ShouldContain($"validate 不写输出，不接受 {option}");
    }
}
