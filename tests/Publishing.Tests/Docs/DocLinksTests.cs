using System.Text.RegularExpressions;
using Publishing.Tests.Support;
using Shouldly;

namespace Publishing.Tests.Docs;

/// <summary>
/// The docs users read stand on the repository alone: no link leaves it, no link points at a file that is not
/// there, and no text names a path outside it (a ../ path that climbs out of it, the build machine's /work).
/// </summary>
public partial class DocLinksTests
{
    [Fact]
    public void Readme_docs_and_content_readmes_link_only_to_files_in_the_repository()
    {
        var problems = ReadDocs(RepoPaths.Root).SelectMany(file => Problems(RepoPaths.Root, file)).ToList();
        problems.ShouldBeEmpty(string.Join("\n", problems));
    }

    [Fact]
    public void The_scan_finds_a_missing_file_a_link_out_of_the_repository_and_a_path_outside_it()
    {
        var root = RepoPaths.NewTempDirectory("docs");
        Directory.CreateDirectory(Path.Combine(root, "docs"));
        File.WriteAllText(Path.Combine(root, "docs", "here.md"), "x");
        File.WriteAllText(Path.Combine(root, "README.md"), """
            [fine](docs/here.md#part) [web](https://example.org/a.md) [anchor](#top)
            [gone](docs/missing.md)
            ![out](../elsewhere/picture.png)
            see `../../team/STYLE.md` and /work/team/seed/x.txt

            ```text
            [in code](not/checked.md)
            ```
            """);

        var problems = ReadDocs(root).SelectMany(file => Problems(root, file)).ToList();

        problems.Count.ShouldBe(4, string.Join("\n", problems));
        problems.ShouldContain(p => p.Contains("README.md:2") && p.Contains("docs/missing.md"));
        problems.ShouldContain(p => p.Contains("README.md:3") && p.Contains("../elsewhere/picture.png"));
        problems.ShouldContain(p => p.Contains("README.md:4") && p.Contains("../../team/STYLE.md"));
        problems.ShouldContain(p => p.Contains("README.md:4") && p.Contains("/work/"));
    }

    /// <summary>README.md, docs/**/*.md and content/**/README.md under <paramref name="root"/>.</summary>
    private static IEnumerable<string> ReadDocs(string root)
    {
        var readme = Path.Combine(root, "README.md");
        if (File.Exists(readme)) yield return readme;
        foreach (var (folder, pattern) in new[] { ("docs", "*.md"), ("content", "README.md") })
        {
            var directory = Path.Combine(root, folder);
            if (!Directory.Exists(directory)) continue;
            foreach (var file in Directory.GetFiles(directory, pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                yield return file;
        }
    }

    private static IEnumerable<string> Problems(string root, string file)
    {
        var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
        var lines = File.ReadAllLines(file);
        var inFence = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var where = $"{relative}:{i + 1}";
            // Paths written as text (links are checked below): a ../ path that climbs out, or the machine's /work.
            foreach (Match named in NamedPath().Matches(Link().Replace(line, "")))
                if (named.Value.StartsWith('/') || !Inside(root, Path.Combine(Path.GetDirectoryName(file)!, named.Value)))
                    yield return $"{where}: names a path outside the repository: {named.Value}";
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal)) { inFence = !inFence; continue; }
            if (inFence) continue;
            foreach (Match link in Link().Matches(line))
            {
                var target = link.Groups["target"].Value;
                if (target.StartsWith('#') || UriScheme().IsMatch(target)) continue;
                var path = target.Split('#')[0];
                var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, Uri.UnescapeDataString(path)));
                if (!Inside(root, full))
                    yield return $"{where}: link leaves the repository: {target}";
                else if (!File.Exists(full) && !Directory.Exists(full))
                    yield return $"{where}: link to a file that does not exist: {target}";
            }
        }
    }

    private static bool Inside(string root, string path) =>
        Path.GetFullPath(path).StartsWith(Path.GetFullPath(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)(\s+""[^""]*"")?\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex UriScheme();

    [GeneratedRegex(@"(?<![\w./])(\.\./)+[\w.-][\w./-]*|(?<![\w.])/work/[^\s`)]*")]
    private static partial Regex NamedPath();
}
