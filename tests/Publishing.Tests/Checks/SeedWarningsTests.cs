using System.Text.RegularExpressions;
using Publishing.Tests.Support;

namespace Publishing.Tests.Checks;

/// <summary>
/// The seed (content/chengde-xinfang-2021, transcribed from the real draft) validates with no errors
/// and exactly the warnings its slips deserve, each at its own file, line and column.
/// </summary>
public sealed partial class SeedWarningsTests
{
    /// <summary>Every slip of the seed an editor should be told about: code, file, line, column, and the words that must be named.</summary>
    public static readonly (string Code, string File, int Line, int Column, string Names)[] Expected =
    {
        // The numbering of 总体绩效目标 goes from （一） to （三）.
        ("PUB3002", "sections/01-overall-goals.md", 11, 1, "缺少 （二）"),
        // "督导检查 and 通报": an English word in a Chinese sentence.
        ("PUB3011", "sections/01-overall-goals.md", 17, 99, "and"),
        // 提动 for 推动.
        ("PUB3010", "sections/02-itemized-goals.md", 17, 24, "提动"),
        // Under the heading （六）联合接访中心 the items start again at （一）: sub-items take 1. 2. 3.
        ("PUB3003", "sections/02-itemized-goals.md", 27, 1, "（一）"),
        // 涉访涉诉 and 设法涉诉 for 涉法涉诉 (the category of petitions separated from the others).
        ("PUB3010", "sections/02-itemized-goals.md", 29, 27, "涉访涉诉"),
        ("PUB3010", "sections/02-itemized-goals.md", 29, 55, "设法涉诉"),
        // “准引发、准负责” for the principle 谁引发、谁负责.
        ("PUB3010", "sections/02-itemized-goals.md", 31, 40, "准引发、准负责"),
        // 法码 for 砝码.
        ("PUB3010", "sections/02-itemized-goals.md", 31, 157, "法码"),
        // 明感 for 敏感, twice in the narrative …
        ("PUB3010", "sections/03-safeguards.md", 9, 88, "明感"),
        ("PUB3010", "sections/03-safeguards.md", 17, 2, "明感"),
        // 《信访条例》、《河北省信访条例》: no 顿号 between titles (GB/T 15834).
        ("PUB3010", "sections/03-safeguards.md", 21, 56, "》、《"),
        // … and once in the project's 绩效目标 in the CSV (the cell's third line).
        ("PUB3010", "data/projects.csv", 4, 10, "明感"),
        // 已强化…为基础，以… for the parallel 以…为基础，以…为抓手 (a mixed construction).
        ("PUB3014", "sections/03-safeguards.md", 9, 9, "以强化新苗头隐患排查化解为基础，以"),
        // 认真负责的处理 for 认真负责地处理 (地 before a verb).
        ("PUB3014", "sections/03-safeguards.md", 21, 73, "认真负责地处理"),
        // 办结率到 100% for 办结率达到 100%, four times.
        ("PUB3014", "sections/01-overall-goals.md", 11, 315, "率达到 100%"),
        ("PUB3014", "sections/02-itemized-goals.md", 13, 151, "率达到 100%"),
        ("PUB3014", "sections/02-itemized-goals.md", 15, 70, "率达到 100%"),
        ("PUB3014", "sections/02-itemized-goals.md", 17, 81, "率达到 100%"),
        // 接访、下发、督查: beside 接访 it is 下访 (下发 is sending documents down).
        ("PUB3014", "sections/02-itemized-goals.md", 17, 12, "接访、下访"),
        // 确保不稳定因素的发生 says the opposite: 防止…的发生.
        ("PUB3014", "data/indicators.csv", 10, 35, "防止不稳定因素的发生"),
        // 不出现…越级访的发生: 不出现… and 防止…的发生 mixed, in the indicator and the project's goal.
        ("PUB3014", "data/indicators.csv", 3, 56, "“不出现集体访、非访等越级访”"),
        ("PUB3014", "data/projects.csv", 4, 29, "“不出现集体访、非访等越级访”"),
    };

    [GeneratedRegex(@"^(?<path>.*)\((?<line>\d+),(?<column>\d+)\): (?<severity>error|warning) (?<code>PUB\d{4}): (?<message>.*)$")]
    private static partial Regex DiagnosticLine();

    [Fact]
    public void The_seed_validates_with_exactly_the_warnings_its_slips_deserve()
    {
        var result = PublishingCommand.Run("validate", RepoPaths.Sample, "--templates", RepoPaths.Templates);

        result.ExitCode.ShouldBe(0, result.Stderr);
        var prefix = RepoPaths.Sample.Replace('\\', '/') + "/";
        var actual = result.DiagnosticLines.Select(line =>
        {
            var m = DiagnosticLine().Match(line);
            m.Success.ShouldBeTrue(line);
            m.Groups["severity"].Value.ShouldBe("warning", line);
            var path = m.Groups["path"].Value;
            path.ShouldStartWith(prefix);
            return (Code: m.Groups["code"].Value, File: path[prefix.Length..], Line: int.Parse(m.Groups["line"].Value),
                Column: int.Parse(m.Groups["column"].Value), Message: m.Groups["message"].Value);
        }).ToList();

        actual.Select(d => (d.Code, d.File, d.Line, d.Column)).ShouldBe(
            Expected.Select(e => (e.Code, e.File, e.Line, e.Column)), ignoreOrder: true, customMessage: result.Stderr);
        foreach (var expected in Expected)
            actual.Single(d => d.File == expected.File && d.Line == expected.Line && d.Column == expected.Column)
                .Message.ShouldContain(expected.Names);
        result.Stderr.ShouldContain($"0 个错误，{Expected.Length} 个警告");
    }

    [Fact]
    public void Meiggan_is_reported_three_times_at_its_own_files_and_lines()
    {
        var result = PublishingCommand.Run("validate", RepoPaths.Sample, "--templates", RepoPaths.Templates);
        var lines = result.DiagnosticLines.Where(l => l.Contains("“明感”应为“敏感”")).ToList();
        lines.Count.ShouldBe(3);
        lines.ShouldContain(l => l.Contains("sections/03-safeguards.md(9,88)"));
        lines.ShouldContain(l => l.Contains("sections/03-safeguards.md(17,2)"));
        lines.ShouldContain(l => l.Contains("data/projects.csv(4,10)"));
    }

    [Fact]
    public void Warnings_as_errors_fails_the_seed_and_writes_nothing()
    {
        var output = RepoPaths.NewTempDirectory();
        try
        {
            var validate = PublishingCommand.Run("validate", RepoPaths.Sample, "--templates", RepoPaths.Templates, "--warnings-as-errors");
            validate.ExitCode.ShouldBe(1);
            validate.Stderr.ShouldContain($"0 个错误，{Expected.Length} 个警告");

            var build = PublishingCommand.Run("build", RepoPaths.Sample, "--templates", RepoPaths.Templates, "--out", output, "--format", "html", "--warnings-as-errors");
            build.ExitCode.ShouldBe(1);
            Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).ShouldBeEmpty();

            var lenient = PublishingCommand.Run("build", RepoPaths.Sample, "--templates", RepoPaths.Templates, "--out", output, "--format", "html");
            lenient.ExitCode.ShouldBe(0, lenient.Stderr);
            File.Exists(Path.Combine(output, "chengde-xinfang-2021", "index.html")).ShouldBeTrue();
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
