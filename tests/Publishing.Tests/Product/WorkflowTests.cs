using System.Text.RegularExpressions;
using Cronos;
using Publishing.Build;
using Publishing.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Publishing.Tests.Product;

/// <summary>
/// The GitHub workflows cannot run here (no runner); what can be checked offline is: every `./build.sh` they run
/// (directly or through .ci/run) names a target build.cake defines and only options it accepts and documents;
/// the nightly's shard matrix covers 1..n exactly once; the schedule is a valid cron GitHub accepts; every
/// artifact uploaded is a folder a target of the same job wrote, and every --from a folder the job downloaded.
/// </summary>
public sealed class WorkflowTests
{
    private static readonly string BuildCake = File.ReadAllText(Path.Combine(RepoPaths.Root, "build.cake"));

    public static TheoryData<string> Workflows => new() { "ci.yml", "nightly.yml" };

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Every_build_sh_it_runs_names_a_defined_target_and_only_options_build_sh_accepts_and_documents(string workflow)
    {
        var targets = Regex.Matches(BuildCake, @"Task\(""(\w+)""\)").Select(m => m.Groups[1].Value).ToHashSet();
        var accepted = AcceptedOptions();
        var help = HelpText();
        var invocations = Jobs(workflow).SelectMany(job => Runs(job.Steps)).SelectMany(run => BuildShInvocations(run.Script)).ToList();
        invocations.ShouldNotBeEmpty();
        foreach (var options in invocations)
        {
            targets.ShouldContain(Target(options), string.Join(" ", options.Keys));
            foreach (var name in options.Keys)
            {
                accepted.ShouldContain(name, $"{workflow}: --{name} is not an option build.cake accepts");
                help.ShouldContain("--" + name, Case.Sensitive, $"{workflow}: --{name} is not in ./build.sh --help");
            }
        }
    }

    [Fact]
    public void The_nightly_shard_matrix_builds_every_shard_of_SHARDS_exactly_once()
    {
        var nightly = Load("nightly.yml");
        var count = int.Parse(((YamlScalarNode)nightly.Children["env"]["SHARDS"]).Value!);
        var job = Jobs("nightly.yml").Single(j => Mapping(j.Node, "strategy") is not null);
        var values = ((YamlSequenceNode)job.Node["strategy"]["matrix"]["shard"]).Select(v => ((YamlScalarNode)v).Value!).ToList();
        var shards = new List<Shard>();
        foreach (var value in values)
            foreach (var run in Runs(job.Steps))
                foreach (var options in BuildShInvocations(run.Script.Replace("${{ matrix.shard }}", value).Replace("${{ env.SHARDS }}", count.ToString())))
                    shards.Add(Shard.Parse(options["shard"]!).ShouldNotBeNull($"--shard={options["shard"]}"));
        shards.ShouldAllBe(s => s.Count == count);
        shards.Select(s => s.Index).Order().ShouldBe(Enumerable.Range(1, count));
        count.ShouldBeGreaterThan(1);
    }

    [Fact]
    public void The_nightly_schedule_is_a_valid_cron_that_github_runs()
    {
        var schedules = (YamlSequenceNode)Load("nightly.yml").Children["on"]["schedule"];
        schedules.Children.ShouldNotBeEmpty();
        foreach (var schedule in schedules)
        {
            var text = ((YamlScalarNode)schedule["cron"]).Value!;
            var cron = CronExpression.Parse(text, CronFormat.Standard);   // five fields, UTC: GitHub's format
            var from = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            var next = cron.GetOccurrences(from, from.AddDays(2)).ToList();
            next.Count.ShouldBeGreaterThan(0, text);
            next.Zip(next.Skip(1), (a, b) => b - a).ShouldAllBe(gap => gap >= TimeSpan.FromMinutes(5), "GitHub runs schedules at most every 5 minutes");
        }
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Every_upload_is_a_folder_a_target_of_its_job_wrote_and_every_from_a_folder_it_downloaded(string workflow)
    {
        var uploads = 0;
        foreach (var job in Jobs(workflow))
        {
            var written = new List<string>();
            var downloaded = new List<string>();
            foreach (var step in job.Steps)
            {
                if (Uses(step, "actions/upload-artifact"))
                {
                    var path = Folder(With(step, "path")!);
                    written.ShouldContain(path, $"{workflow} {job.Name}: uploads {path}, which no earlier ./build.sh of the job writes");
                    uploads++;
                }
                if (Uses(step, "actions/download-artifact")) downloaded.Add(Folder(With(step, "path")!));
                foreach (var run in Runs([step]))
                    foreach (var options in BuildShInvocations(run.Script))
                    {
                        if (options.GetValueOrDefault("from") is { } from)
                            downloaded.ShouldContain(Folder(from), $"{workflow} {job.Name}: --from={from} is not a folder the job downloaded");
                        if (options.GetValueOrDefault("out") is { } output) written.Add(Folder(output));
                        else if (DefaultOutput(Target(options)) is { } fallback) written.Add(fallback);
                    }
            }
        }
        uploads.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void The_shards_hand_the_nightly_job_their_build_cache_and_the_nightly_runs_after_failed_shards_but_not_after_a_cancel()
    {
        var jobs = Jobs("nightly.yml").ToDictionary(j => j.Name);
        var upload = jobs["shard"].Steps.Single(s => Uses(s, "actions/upload-artifact"));
        With(upload, "include-hidden-files").ShouldBe("true", "the cache is in .publishing/");
        var pattern = With(jobs["nightly"].Steps.Single(s => Uses(s, "actions/download-artifact")), "pattern")!;
        var name = With(upload, "name")!;
        Regex.IsMatch(name.Replace("${{ matrix.shard }}", "1"), "^" + Regex.Escape(pattern).Replace(@"\*", ".*") + "$").ShouldBeTrue($"{pattern} does not match {name}");
        var condition = ((YamlScalarNode)jobs["nightly"].Node["if"]).Value!;
        condition.ShouldContain("!cancelled()", Case.Sensitive, "always() would run the nightly after the run was cancelled");
    }

    private sealed record Job(string Name, YamlMappingNode Node, IReadOnlyList<YamlMappingNode> Steps);

    private sealed record Run(string Script);

    private static YamlMappingNode Load(string workflow)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(RepoPaths.Root, ".github", "workflows", workflow))));
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static IEnumerable<Job> Jobs(string workflow) =>
        ((YamlMappingNode)Load(workflow)["jobs"]).Select(j => new Job(((YamlScalarNode)j.Key).Value!, (YamlMappingNode)j.Value,
            ((YamlSequenceNode)j.Value["steps"]).Cast<YamlMappingNode>().ToList()));

    private static YamlNode? Mapping(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static bool Uses(YamlMappingNode step, string action) =>
        Mapping(step, "uses") is YamlScalarNode uses && uses.Value!.StartsWith(action + "@", StringComparison.Ordinal);

    private static string? With(YamlMappingNode step, string key) =>
        Mapping(step, "with") is YamlMappingNode with && Mapping(with, key) is YamlScalarNode value ? value.Value : null;

    /// <summary>The scripts the steps run; `bash .ci/run` stands for what .ci/run runs.</summary>
    private static IEnumerable<Run> Runs(IEnumerable<YamlMappingNode> steps)
    {
        foreach (var step in steps)
        {
            if (Mapping(step, "run") is not YamlScalarNode run) continue;
            yield return new Run(run.Value!);
            if (run.Value!.Contains("bash .ci/run", StringComparison.Ordinal))
                yield return new Run(File.ReadAllText(Path.Combine(RepoPaths.Root, ".ci", "run")));
        }
    }

    /// <summary>Each `./build.sh` of a script, as its options: name → value (null for a switch).</summary>
    private static IEnumerable<Dictionary<string, string?>> BuildShInvocations(string script) =>
        Regex.Matches(Regex.Replace(script, @"\$\{\{\s*(.*?)\s*\}\}", "${{$1}}"), @"\./build\.sh((?:[ \t]+--[^\s|;&]+)*)").Select(m =>
            m.Groups[1].Value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(o => o[2..].Split('=', 2))
                .ToDictionary(o => o[0], o => o.Length > 1 ? o[1] : null));

    private static string Target(Dictionary<string, string?> options) => options.GetValueOrDefault("target") ?? "Draft";

    /// <summary>The options build.cake accepts (its list of known names).</summary>
    private static HashSet<string> AcceptedOptions()
    {
        var list = Regex.Match(BuildCake, @"var known = new HashSet<string>\([^)]*\)\s*\{(?<names>[^}]*)\}");
        list.Success.ShouldBeTrue("build.cake's list of known options");
        return Regex.Matches(list.Groups["names"].Value, @"""([a-z-]+)""").Select(m => m.Groups[1].Value).ToHashSet();
    }

    private static string HelpText()
    {
        var help = Regex.Match(BuildCake, @"Information\(""""""(?<text>.*?)""""""\);", RegexOptions.Singleline);
        help.Success.ShouldBeTrue("build.cake's Help text");
        return help.Groups["text"].Value;
    }

    /// <summary>The folder a target writes when no --out is given (build.cake's Out("…") in the target), or null.</summary>
    private static string? DefaultOutput(string target)
    {
        var start = BuildCake.IndexOf($"Task(\"{target}\")", StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, target);
        var end = BuildCake.IndexOf("Task(\"", start + 1, StringComparison.Ordinal);
        var fallback = Regex.Match(end < 0 ? BuildCake[start..] : BuildCake[start..end], @"Out\(""([^""]+)""\)");
        return fallback.Success ? Folder(fallback.Groups[1].Value) : null;
    }

    private static string Folder(string path) => path.TrimEnd('/');
}
