using System.Text.RegularExpressions;
using Publishing.Tests.Architecture;
using Publishing.Tests.Support;

namespace Publishing.Tests.Docs;

/// <summary>
/// docs/architecture.md is the map a newcomer reads first: it cannot drift from the code. Every folder of every
/// project under pipeline/ and every command `publishing --help` lists must be named in it; its list of the build's
/// stages is DocumentBuilder's sequence with each stage's types, and its order of the namespaces is the one
/// NamespaceLayerTests enforces.
/// </summary>
public sealed class ArchitectureMapTests
{
    private static readonly string Map = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "architecture.md"));

    [Fact]
    public void Every_folder_under_pipeline_is_on_the_map()
    {
        var pipeline = Path.Combine(RepoPaths.Root, "pipeline");
        var missing = new List<string>();
        var checkedFolders = 0;
        foreach (var project in Directory.GetDirectories(pipeline))
        {
            if (!Map.Contains($"`pipeline/{Path.GetFileName(project)}/`", StringComparison.Ordinal)) missing.Add(Path.GetFileName(project));
            foreach (var folder in Directory.EnumerateDirectories(project, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(project, folder).Replace(Path.DirectorySeparatorChar, '/');
                var parts = relative.Split('/');
                if (parts[0] is "bin" or "obj" || parts.Length > 2) continue;   // Extensions/<Feature>/ are named by their parent
                checkedFolders++;
                // Named by its path from the project (`Rendering/Pdf/`) or, inside its parent's entry, by its own name.
                if (!Map.Contains($"`{relative}/", StringComparison.Ordinal) && !Map.Contains($"`{parts[^1]}/", StringComparison.Ordinal))
                    missing.Add($"{Path.GetFileName(project)}/{relative}/");
            }
        }
        checkedFolders.ShouldBeGreaterThan(20);
        missing.ShouldBeEmpty("folders docs/architecture.md does not name");
    }

    [Fact]
    public void Every_command_is_on_the_map()
    {
        var help = PublishingCommand.Run("--help");
        var commands = Regex.Matches(help.Stdout + help.Stderr, @"^\s+publishing (?<command>[a-z]+)\b", RegexOptions.Multiline)
            .Select(m => m.Groups["command"].Value).Distinct().ToList();
        commands.ShouldContain("build");
        commands.ShouldContain("nightly");
        commands.Where(c => !Map.Contains($"`publishing {c}`", StringComparison.Ordinal)).ShouldBeEmpty("commands docs/architecture.md does not name");
    }

    [Fact]
    public void The_stage_list_is_the_builders_sequence_with_each_stages_types()
    {
        var rows = Regex.Matches(Map, @"^\| `(?<stage>\w+Stage)` \| (?<from>[^|]+) → (?<to>[^|]+) \|", RegexOptions.Multiline).ToList();
        var builder = File.ReadAllText(Path.Combine(RepoPaths.Root, "pipeline", "Publishing.Core", "Build", "DocumentBuilder.cs"));
        var stageOfField = Regex.Matches(builder, @"private readonly (?<type>\w+Stage) (?<field>_\w+);")
            .ToDictionary(m => m.Groups["field"].Value, m => m.Groups["type"].Value);
        // The order they run in: the first call of each stage's Run in the builder (Render, then Write).
        var sequence = Regex.Matches(builder, @"(?<field>_\w+)\.Run\(").Select(m => stageOfField[m.Groups["field"].Value]).Distinct().ToList();
        sequence.Count.ShouldBeGreaterThanOrEqualTo(5);

        rows.Select(r => r.Groups["stage"].Value).ShouldBe(sequence, "docs/architecture.md's stages, in the order DocumentBuilder runs them");
        foreach (var row in rows)
        {
            var stage = typeof(global::Publishing.Build.DocumentBuilder).Assembly.GetType("Publishing.Build.Stages." + row.Groups["stage"].Value).ShouldNotBeNull();
            var run = stage.GetMethod("Run").ShouldNotBeNull();
            var typed = new[] { typeof(string), typeof(bool), typeof(global::Publishing.Diagnostics.DiagnosticBag), typeof(CancellationToken) };
            foreach (var input in run.GetParameters().Select(p => p.ParameterType).Except(typed))
                row.Groups["from"].Value.ShouldContain($"`{input.Name}`", Case.Sensitive, $"{stage.Name}.Run takes {input.Name}");
            if (!typed.Contains(run.ReturnType))
                row.Groups["to"].Value.ShouldContain($"`{run.ReturnType.Name}`", Case.Sensitive, $"{stage.Name}.Run gives {run.ReturnType.Name}");
        }
    }

    [Fact]
    public void The_order_of_the_namespaces_is_the_enforced_one()
    {
        var chain = Regex.Match(Map, @"`\w+`(?:,\s*`\w+`)*(?:\s*←\s*`\w+`(?:,\s*`\w+`)*)+");
        chain.Success.ShouldBeTrue("docs/architecture.md shows the namespaces' order as `A`, `B` ← `C` ← …");

        var layers = chain.Value.Split('←').Select(layer => Regex.Matches(layer, @"`(\w+)`").Select(m => m.Groups[1].Value).ToArray()).ToList();

        layers.ShouldBe(NamespaceLayers.Order);
    }
}
