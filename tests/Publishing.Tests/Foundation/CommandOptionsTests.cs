using System.Text.RegularExpressions;
using Publishing.Cli;
using Publishing.Tests.Support;

namespace Publishing.Tests.Foundation;

/// <summary>
/// Each command takes its own options, from one table (CommandLine.OptionsOf): an option it does not take is a usage
/// error that says whose option it is, and the usage lines of --help list exactly the table's options.
/// </summary>
public sealed class CommandOptionsTests
{
    [Theory]
    [InlineData("build --port 1", "build 不接受 --port（它是 serve 的选项）")]
    [InlineData("serve --jobs 2", "serve 不接受 --jobs（它是 build、validate、nightly、volume 的选项）")]
    [InlineData("volume --keep 3", "volume 不接受 --keep（它是 nightly 的选项）")]
    [InlineData("nightly --since HEAD~1", "nightly 不接受 --since（它是 build 的选项）")]
    [InlineData("workbook --form budget-text --rebuild", "workbook 不接受 --rebuild（它是 build 的选项）")]
    public void An_option_the_command_does_not_take_is_a_usage_error_naming_whose_it_is(string line, string message)
    {
        var result = PublishingCommand.Run(line.Split(' '));
        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldStartWith("publishing: ");
        result.Stderr.ShouldContain(message);
        result.Stderr.ShouldContain("可用的选项：");
    }

    [Fact]
    public void The_usage_line_of_each_command_lists_exactly_the_options_it_takes()
    {
        var usage = Regex.Matches(CommandLine.Usage, @"^\s+publishing (?<command>[a-z]+)(?<rest>.*(\n\s{20,}\[.*)*)", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups["command"].Value, m => Regex.Matches(m.Groups["rest"].Value, @"--[a-z-]+").Select(o => o.Value).ToHashSet());
        usage.Keys.ShouldBe(CommandLine.OptionsOf.Keys, ignoreOrder: true);
        foreach (var (command, options) in CommandLine.OptionsOf)
            usage[command].ShouldBe(options.ToHashSet(), ignoreOrder: true, $"publishing {command}");
    }

    [Fact]
    public void The_options_a_command_takes_still_parse()
    {
        CommandLine.Parse(["build", "content", "--port", "1"]).Error.ShouldNotBeNull();
        CommandLine.Parse(["serve", "content", "--port", "1"]).Error.ShouldBeNull();
        CommandLine.Parse(["build", "content", "--jobs", "2", "--shard", "1/2", "--rebuild", "--timings", "--format", "pdf"]).Error.ShouldBeNull();
        CommandLine.Parse(["volume", "content", "--format", "pdf,ofd", "--jobs", "1"]).Error.ShouldBeNull();
    }
}
