using System.Text.RegularExpressions;
using Publishing.Tests.Support;

namespace Publishing.Tests.Architecture;

/// <summary>
/// Every diagnostic's words come from the catalog (pipeline/Publishing.Core/Diagnostics/DiagnosticCatalog*.cs), the one
/// source docs/diagnostics.md is checked against: no code under pipeline/ builds a diagnostic from text of its own.
/// Diagnostic has no factory that takes a message, so a diagnostic is made by a catalog entry or, in the few places
/// listed here, by its constructor; and no statement that names a code (DiagnosticCodes.X) carries Chinese text.
/// </summary>
public sealed partial class DiagnosticTextTests
{
    /// <summary>Where a Diagnostic is constructed directly, and why its message is still the catalog's.</summary>
    private static readonly Dictionary<string, string> Constructed = new(StringComparer.Ordinal)
    {
        ["pipeline/Publishing.Core/Yaml/YamlFile.cs"] = "the settings layer reports SettingsFileWordings / a file kind's catalog wordings under that kind's code",
        ["pipeline/Publishing.Core/Nightly/BuildReport.cs"] = "prints a diagnostic read back from report.json",
    };

    [Fact]
    public void No_diagnostic_under_pipeline_is_worded_outside_the_catalog()
    {
        var inline = new List<string>();
        var constructedSeen = new HashSet<string>();
        var catalogUses = 0;
        foreach (var (relative, source) in PipelineSources())
        {
            catalogUses += Regex.Count(source, @"DiagnosticCatalog\.\w+");
            if (relative.StartsWith("pipeline/Publishing.Core/Diagnostics/", StringComparison.Ordinal)) continue;
            foreach (Match made in DiagnosticMade().Matches(source))
            {
                if (made.Value.StartsWith("new", StringComparison.Ordinal))
                {
                    if (Constructed.ContainsKey(relative)) constructedSeen.Add(relative);
                    else inline.Add($"{relative}({Line(source, made.Index)}): new Diagnostic(…) outside the catalog");
                    continue;
                }
                var statement = Statement(source, made.Index);
                if (CSharpStringLiterals.In(statement).Any(l => l.Text.Any(IsChinese)))
                    inline.Add($"{relative}({Line(source, made.Index)}): {statement.Trim()}");
            }
        }
        inline.ShouldBeEmpty("diagnostics worded at the call site; add a wording to the catalog entry instead:\n" + string.Join("\n", inline));
        Constructed.Keys.Where(k => !constructedSeen.Contains(k)).ShouldBeEmpty("an allowance no longer needed");
        catalogUses.ShouldBeGreaterThan(150);
    }

    [Fact]
    public void The_scan_sees_an_inline_message()
    {
        const string source = """
            diagnostics.Add(DiagnosticCatalog.FileNotFound.At(p, 1, 1, ("file", f)));
            bag.Add(new Diagnostic(p, 1, 1, Severity.Error, DiagnosticCodes.FileNotFound,
                $"找不到文件“{f}”"));
            """;
        var statement = Statement(source, source.IndexOf("DiagnosticCodes", StringComparison.Ordinal));
        CSharpStringLiterals.In(statement).Any(l => l.Text.Any(IsChinese)).ShouldBeTrue();
        DiagnosticMade().Matches(source).Count.ShouldBe(2);
    }

    private static IEnumerable<(string Relative, string Source)> PipelineSources() =>
        Directory.GetFiles(Path.Combine(RepoPaths.Root, "pipeline"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(RepoPaths.Root, f).Replace('\\', '/'), File.ReadAllText(f)));

    /// <summary>The statement around a position: from the previous ; { or } to the next ;.</summary>
    private static string Statement(string source, int at)
    {
        var start = source.LastIndexOfAny(new[] { ';', '{', '}' }, at) + 1;
        var end = source.IndexOf(';', at);
        return source[start..(end < 0 ? source.Length : end)];
    }

    private static int Line(string source, int index) => source.AsSpan(0, index).Count('\n') + 1;

    private static bool IsChinese(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3000' and <= '\u303f' or >= '\uff00' and <= '\uffef';

    [GeneratedRegex(@"new Diagnostic\(|DiagnosticCodes\.\w+")]
    private static partial Regex DiagnosticMade();
}
