using System.Text.RegularExpressions;
using Publishing.Tests.Support;
using Shouldly;

namespace Publishing.Tests.Architecture;

/// <summary>
/// The dependency direction of the product (Publishing.Core and the command, Publishing.Cli): each namespace uses
/// only namespaces below it in <see cref="NamespaceLayers.Order"/>, so no cycle is possible either. Checked twice,
/// since each reading sees what the other does not:
/// - in the compiled code (<see cref="CompiledReferences"/>: signatures, fields, attributes and method bodies,
///   lambdas included), which names the offending type, the type it uses and where;
/// - in the sources, which also see constants, nameof, using directives and documentation comments: a file in
///   Publishing.A uses Publishing.B when it has `using Publishing.B`, names `Publishing.B.Something`, or names
///   `B.Type` for a type declared in Publishing.B.
/// The layout engine (Publishing.Layout) is its own project, which cannot reference the others.
/// </summary>
public partial class NamespaceLayerTests
{
    private static readonly System.Reflection.Assembly[] Product =
        [typeof(global::Publishing.Build.DocumentBuilder).Assembly, typeof(global::Publishing.Cli.PublishingCli).Assembly];

    private static readonly string[] SourceRoots =
        [Path.Combine(RepoPaths.Root, "pipeline", "Publishing.Core"), Path.Combine(RepoPaths.Root, "pipeline", "Publishing.Cli")];

    [Fact]
    public void Compiled_code_uses_only_lower_layers()
    {
        var references = Product.SelectMany(CompiledReferences.Of).ToList();
        // The reading sees a stage's use of the layer it runs, in a method body (RenderHtmlStage calls DocumentPages.Add).
        references.ShouldContain(r => r.From == typeof(global::Publishing.Build.Stages.RenderHtmlStage) && r.To == typeof(global::Publishing.Site.DocumentPages));

        var backEdges = BackEdges(references, NamespaceLayers.NameOf, NamespaceLayers.IsBackEdge);

        backEdges.ShouldBeEmpty("uses against the order of NamespaceLayers (docs/architecture.md): move the type, or pass what it needs in from above");
    }

    [Fact]
    public void Sources_use_only_lower_layers()
    {
        var graph = DependencyGraph(SourceRoots);
        graph.Keys.ShouldContain("Publishing.Model");
        graph["Publishing.Build"].Keys.ShouldContain("Publishing.Site");

        var backEdges = graph
            .SelectMany(from => from.Value.Select(to => (From: from.Key, To: to.Key, Files: to.Value)))
            .Where(e => NamespaceLayers.IsBackEdge(NamespaceLayers.NameOf(e.From)!, NamespaceLayers.NameOf(e.To)!))
            .Select(e => $"{e.From} → {e.To}: {string.Join(", ", e.Files)}")
            .ToList();

        backEdges.ShouldBeEmpty("uses against the order of NamespaceLayers (docs/architecture.md), by file");
    }

    [Fact]
    public void Every_namespace_has_its_place_in_the_order()
    {
        var compiled = Product.SelectMany(a => a.GetTypes()).Select(t => NamespaceLayers.NameOf(t.Namespace));
        var written = DependencyGraph(SourceRoots).Keys.Select(NamespaceLayers.NameOf);

        var unplaced = compiled.Concat(written).OfType<string>().Distinct().Where(n => NamespaceLayers.LayerOf(n) is null).Order().ToList();

        unplaced.ShouldBeEmpty("namespaces to place in NamespaceLayers.Order and in docs/architecture.md");
    }

    [Fact]
    public void The_compiled_reading_sees_signatures_fields_bodies_and_lambdas()
    {
        var references = typeof(LayerFixture.Low.Base).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith(typeof(LayerFixture.Low.Base).Namespace![..^3], StringComparison.Ordinal) == true)
            .SelectMany(CompiledReferences.Of).ToList();

        var backEdges = BackEdges(references, ns => ns?.Split('.')[^1], (from, to) => from == "Low" && to == "High");

        backEdges.Select(e => e.Split(' ')[0]).Distinct().Order().ShouldBe(new[]
        {
            "Publishing.Tests.Architecture.LayerFixture.Low.ViaAsyncBody",
            "Publishing.Tests.Architecture.LayerFixture.Low.ViaAttribute",
            "Publishing.Tests.Architecture.LayerFixture.Low.ViaBody",
            "Publishing.Tests.Architecture.LayerFixture.Low.ViaField",
            "Publishing.Tests.Architecture.LayerFixture.Low.ViaGenericArgument",
            "Publishing.Tests.Architecture.LayerFixture.Low.ViaLambda",
            "Publishing.Tests.Architecture.LayerFixture.Low.ViaSignature",
        }.Order());
        // The message names the type used and where.
        backEdges.ShouldContain("Publishing.Tests.Architecture.LayerFixture.Low.ViaField → Publishing.Tests.Architecture.LayerFixture.High.Top (field _top)");
        backEdges.ShouldContain(e => e.StartsWith("Publishing.Tests.Architecture.LayerFixture.Low.ViaLambda → Publishing.Tests.Architecture.LayerFixture.High.Top (method <", StringComparison.Ordinal));
    }

    [Fact]
    public void The_source_scan_sees_using_lines_qualified_names_and_relative_names()
    {
        var root = RepoPaths.NewTempDirectory("namespaces");
        File.WriteAllText(Path.Combine(root, "A.cs"), "using Publishing.B;\nnamespace Publishing.A;\npublic class One { }");
        File.WriteAllText(Path.Combine(root, "B.cs"), "namespace Publishing.B;\npublic class Two { int x = C.Three.Value; }");
        File.WriteAllText(Path.Combine(root, "C.cs"), "namespace Publishing.C.Inner;\npublic class Three { public const int Value = 1; object o = typeof(Publishing.A.One); }");

        var graph = DependencyGraph([root]);

        graph["Publishing.A"].Keys.ShouldBe(["Publishing.B"]);
        graph["Publishing.B"].Keys.ShouldBe(["Publishing.C"]);
        graph["Publishing.C"].Keys.ShouldBe(["Publishing.A"]);
        graph["Publishing.B"]["Publishing.C"].ShouldBe(["B.cs"]);
    }

    /// <summary>"From → To (where)" for each reference against the order, one line per type pair and place.</summary>
    private static List<string> BackEdges(IEnumerable<CompiledReferences.Reference> references, Func<string?, string?> nameOf,
        Func<string, string, bool> isBackEdge) =>
        references
            .Where(r => nameOf(r.From.Namespace) is { } from && nameOf(r.To.Namespace) is { } to && isBackEdge(from, to))
            .Select(r => $"{r.From.FullName} → {r.To.FullName} ({r.Where})")
            .Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>Top-level namespace (Publishing.X) → the namespaces it uses → the files that use them.</summary>
    private static Dictionary<string, Dictionary<string, SortedSet<string>>> DependencyGraph(string[] sourceRoots)
    {
        var files = sourceRoots
            .SelectMany(root => Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")
                            && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
                .Select(f => (Root: root, Path: f, Text: File.ReadAllText(f))))
            .Select(f => (f.Root, f.Path, f.Text, Namespace: NamespaceLine().Match(f.Text) is { Success: true } m ? m.Groups[1].Value : null))
            .Where(f => f.Namespace is not null)
            .ToList();
        var typesByNamespace = files
            .GroupBy(f => Top(f.Namespace!))
            .ToDictionary(g => g.Key, g => g.SelectMany(f => TypeDeclaration().Matches(f.Text).Select(m => m.Groups[1].Value)).ToHashSet());

        var graph = typesByNamespace.Keys.ToDictionary(k => k, _ => new Dictionary<string, SortedSet<string>>());
        foreach (var (root, path, text, ns) in files)
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
                evidence.Add(Path.GetRelativePath(root, path));
            }
        }
        return graph;
    }

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
