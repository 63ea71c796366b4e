using System.Text.RegularExpressions;
using Publishing.Tests.Support;
using Shouldly;

namespace Publishing.Tests.Architecture;

/// <summary>
/// No cycles between the Publishing.* namespaces of Publishing.Core: each stage uses only the ones below it.
/// Read from the sources: a file in Publishing.A depends on Publishing.B when it has `using Publishing.B`, names
/// `Publishing.B.Something`, or names `B.Type` for a type declared in Publishing.B.
/// </summary>
public partial class NamespaceCycleTests
{
    [Fact]
    public void Publishing_Core_namespaces_form_no_cycle()
    {
        var graph = DependencyGraph(Path.Combine(RepoPaths.Root, "pipeline", "Publishing.Core"));
        graph.Keys.ShouldContain("Publishing.Model");
        var cycle = FindCycle(graph.ToDictionary(e => e.Key, e => e.Value.Keys.ToHashSet()));
        cycle.ShouldBeNull(cycle is null ? null : "cycle: " + string.Join(" → ", cycle) + "\n" + Evidence(graph, cycle));
    }

    [Fact]
    public void The_scan_sees_using_lines_qualified_names_and_relative_names()
    {
        var root = RepoPaths.NewTempDirectory("namespaces");
        File.WriteAllText(Path.Combine(root, "A.cs"), "using Publishing.B;\nnamespace Publishing.A;\npublic class One { }");
        File.WriteAllText(Path.Combine(root, "B.cs"), "namespace Publishing.B;\npublic class Two { int x = C.Three.Value; }");
        File.WriteAllText(Path.Combine(root, "C.cs"), "namespace Publishing.C.Inner;\npublic class Three { public const int Value = 1; object o = typeof(Publishing.A.One); }");

        var graph = DependencyGraph(root);

        var cycle = FindCycle(graph.ToDictionary(e => e.Key, e => e.Value.Keys.ToHashSet()));
        cycle.ShouldNotBeNull();
        cycle.Distinct().OrderBy(n => n).ShouldBe(["Publishing.A", "Publishing.B", "Publishing.C"]);
    }

    /// <summary>Top-level namespace (Publishing.X) → the namespaces it uses → the files that use them.</summary>
    private static Dictionary<string, Dictionary<string, SortedSet<string>>> DependencyGraph(string sourceRoot)
    {
        var files = Directory.GetFiles(sourceRoot, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Select(f => (Path: f, Text: File.ReadAllText(f)))
            .Select(f => (f.Path, f.Text, Namespace: NamespaceLine().Match(f.Text) is { Success: true } m ? m.Groups[1].Value : null))
            .Where(f => f.Namespace is not null)
            .ToList();
        var typesByNamespace = files
            .GroupBy(f => Top(f.Namespace!))
            .ToDictionary(g => g.Key, g => g.SelectMany(f => TypeDeclaration().Matches(f.Text).Select(m => m.Groups[1].Value)).ToHashSet());

        var graph = typesByNamespace.Keys.ToDictionary(k => k, _ => new Dictionary<string, SortedSet<string>>());
        foreach (var (path, text, ns) in files)
        {
            var from = Top(ns!);
            var used = new HashSet<string>();
            foreach (Match m in QualifiedName().Matches(text)) used.Add(Top(m.Groups[1].Value));
            foreach (Match m in RelativeName().Matches(text))
            {
                var target = "Publishing." + m.Groups[1].Value;
                if (typesByNamespace.TryGetValue(target, out var types) && types.Contains(m.Groups[2].Value)) used.Add(target);
            }
            foreach (var to in used.Where(u => u != from && graph.ContainsKey(u)))
            {
                if (!graph[from].TryGetValue(to, out var evidence)) graph[from][to] = evidence = new SortedSet<string>(StringComparer.Ordinal);
                evidence.Add(Path.GetRelativePath(sourceRoot, path));
            }
        }
        return graph;
    }

    /// <summary>A cycle as the list of its namespaces (first repeated at the end), or null.</summary>
    private static List<string>? FindCycle(Dictionary<string, HashSet<string>> graph)
    {
        var state = new Dictionary<string, int>(); // 1 on the path, 2 done
        var path = new List<string>();
        List<string>? Visit(string node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (var next in graph[node].Order(StringComparer.Ordinal))
            {
                if (state.GetValueOrDefault(next) == 1) return [.. path.SkipWhile(n => n != next), next];
                if (state.GetValueOrDefault(next) == 0 && Visit(next) is { } found) return found;
            }
            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }
        foreach (var node in graph.Keys.Order(StringComparer.Ordinal))
            if (state.GetValueOrDefault(node) == 0 && Visit(node) is { } cycle) return cycle;
        return null;
    }

    private static string Evidence(Dictionary<string, Dictionary<string, SortedSet<string>>> graph, List<string> cycle) =>
        string.Join("\n", cycle.Zip(cycle.Skip(1)).Select(e => $"{e.First} → {e.Second}: {string.Join(", ", graph[e.First][e.Second])}"));

    private static string Top(string ns) => string.Join('.', ns.Split('.').Take(2));

    [GeneratedRegex(@"^namespace\s+([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();

    [GeneratedRegex(@"\b(?:class|record|struct|enum|interface)\s+(?:struct\s+|class\s+)?([A-Z]\w*)")]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"(?<![\w.])(?:global::)?(Publishing\.[A-Z]\w*)")]
    private static partial Regex QualifiedName();

    [GeneratedRegex(@"(?<![\w.])([A-Z]\w*)\.([A-Z]\w*)")]
    private static partial Regex RelativeName();
}
