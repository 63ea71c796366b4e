using System.Text.RegularExpressions;
using Publishing.Tests.Support;

namespace Publishing.Tests.Docs;

/// <summary>
/// docs/architecture.md is the map a newcomer reads first: it cannot drift from the code. Every folder of every
/// project under pipeline/ and every command `publishing --help` lists must be named in it.
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
}
