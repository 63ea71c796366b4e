using System.Reflection;
using System.Text.RegularExpressions;
using Publishing.Diagnostics;
using Publishing.Tests.Support;

namespace Publishing.Tests.Docs;

/// <summary>
/// The diagnostic catalog (Diagnostics/DiagnosticCatalog*.cs) is the one source of every code's title, severity and
/// wording; docs/diagnostics.md explains each and cannot drift from it: every entry has its heading there with the
/// same title and severity, every code the page names is in the catalog, and every example message on the page is
/// one of its entry's templates filled in (parameters and the page's … match anything).
/// </summary>
public sealed partial class DiagnosticCatalogTests
{
    private static readonly string[] Doc = File.ReadAllLines(Path.Combine(RepoPaths.Root, "docs", "diagnostics.md"));

    private static IReadOnlyList<(string Name, DiagnosticKind Kind)> Catalog() =>
        typeof(DiagnosticCatalog).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticKind))
            .Select(f => (f.Name, (DiagnosticKind)f.GetValue(null)!)).ToList();

    private static IReadOnlyList<(string Name, string Code)> Codes() =>
        typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (f.Name, (string)f.GetRawConstantValue()!)).ToList();

    public static IEnumerable<object[]> Kinds() => Catalog().Select(k => new object[] { k.Kind.Code });

    private static DiagnosticKind Kind(string code) => Catalog().Single(k => k.Kind.Code == code).Kind;

    [Fact]
    public void Every_code_has_one_catalog_entry_of_the_same_name()
    {
        Codes().Select(c => c.Code).ShouldBeUnique();
        Catalog().Select(k => (k.Name, k.Kind.Code)).OrderBy(k => k.Code, StringComparer.Ordinal)
            .ShouldBe(Codes().OrderBy(c => c.Code, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_entry_has_its_heading_in_docs_with_its_title_and_severity(string code)
    {
        var kind = Kind(code);
        var heading = Doc.SingleOrDefault(l => HeadingCode(l) == code);
        heading.ShouldNotBeNull($"docs/diagnostics.md has no heading for {code}");
        var severity = kind.Severity == Severity.Error ? "错误" : "警告";
        heading.ShouldEndWith($" {code} {kind.Title}（{severity}）", customMessage: "the heading's title and severity are the catalog's");
        var after = Array.IndexOf(Doc, heading);
        var section = string.Join('\n', Doc.Skip(after + 1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal)).Take(40));
        section.Trim().Length.ShouldBeGreaterThan(20, $"{code}: the heading is followed by an example and the fix");
    }

    [Fact]
    public void Every_entry_has_its_words_and_every_wording_name_used_exists()
    {
        Catalog().Where(k => !Words(k.Kind).Any()).Select(k => k.Kind.Code).ShouldBeEmpty("entries without a message template");
        // kind["wording"] at a call site: a misspelt name would only fail when that line runs.
        var missing = new List<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "pipeline"), "*.cs", SearchOption.AllDirectories))
            foreach (Match use in WordingUse().Matches(File.ReadAllText(file)))
                if (Catalog().FirstOrDefault(k => k.Name == use.Groups["kind"].Value).Kind is { } kind
                    && kind.Templates.All(t => t.Variant != use.Groups["wording"].Value))
                    missing.Add($"{Path.GetFileName(file)}: {use.Value}");
        missing.ShouldBeEmpty();
    }

    [Fact]
    public void Every_code_the_page_names_is_in_the_catalog()
    {
        var catalog = Catalog().Select(k => k.Kind.Code).ToHashSet();
        Doc.Select(HeadingCode).OfType<string>().Where(c => !catalog.Contains(c)).ShouldBeEmpty();
        Doc.SelectMany(l => CodeMention().Matches(l)).Select(m => m.Value).Where(c => !catalog.Contains(c)).Distinct().ShouldBeEmpty();
    }

    [Fact]
    public void Every_example_on_the_page_is_one_of_its_entry_s_templates()
    {
        var wrong = new List<string>();
        var examples = 0;
        foreach (var line in Doc)
        {
            if (ExampleLine().Match(line) is not { Success: true } example) continue;
            examples++;
            var kind = Kind(example.Groups["code"].Value);
            var severity = kind.Severity == Severity.Error ? "error" : "warning";
            if (example.Groups["severity"].Value != severity)
                wrong.Add($"{line}\n  is {example.Groups["severity"].Value}, the catalog says {severity}");
            else if (!Words(kind).Any(t => Matches(example.Groups["message"].Value, t)))
                wrong.Add($"{line}\n  matches none of: {string.Join(" | ", Words(kind).Select(t => t.Text))}");
        }
        examples.ShouldBeGreaterThan(80);
        wrong.ShouldBeEmpty();
    }

    [Fact]
    public void A_missing_or_an_extra_argument_fails_loudly()
    {
        var kind = new DiagnosticKind("PUB0000", Severity.Error, "t", ("one", "找不到“{file}”，共 {count:N0} 个。"), ("two", "{{不是参数}}"));
        kind["one"].Format(("file", "a.md"), ("count", 12345)).ShouldBe("找不到“a.md”，共 12,345 个。");
        kind["two"].Format().ShouldBe("{不是参数}");
        Should.Throw<ArgumentException>(() => kind["one"].Format(("file", "a.md"))).Message.ShouldContain("{count}");
        Should.Throw<ArgumentException>(() => kind["one"].Format(("file", "a"), ("count", 1), ("files", 2))).Message.ShouldContain("{files}");
        Should.Throw<KeyNotFoundException>(() => kind["three"]);
        Should.Throw<InvalidOperationException>(() => kind.Message);
        Should.Throw<FormatException>(() => new DiagnosticKind("PUB0000", Severity.Error, "t", "未闭合 {file"));
        var located = new DiagnosticKind("PUB0000", Severity.Warning, "t", "列“{names}”").At("a.csv", 2, 3, ("names", new[] { "甲", "乙" }));
        located.ToString().ShouldBe("a.csv(2,3): warning PUB0000: 列“甲、乙”");
    }

    /// <summary>What a kind's messages can say: its own templates and, for a settings file's code, the shared wordings.</summary>
    private static IEnumerable<MessageTemplate> Words(DiagnosticKind kind) => kind.Templates.Concat(SettingsWordingsOf(kind.Code));

    /// <summary>A settings file's code (document.yaml's, a form's, the theme's) also prints the reading layer's shared wordings.</summary>
    private static IEnumerable<MessageTemplate> SettingsWordingsOf(string code) =>
        new[] { Publishing.Content.ManifestReader.FileKind, Publishing.Forms.FormReader.FileKind }
            .Any(k => code == k.SyntaxCode || code == k.MissingKeyCode || code == k.UnknownKeyCode || code == k.BadValueCode)
            ? SettingsFileWordings.Templates
            : [];

    /// <summary>Whether some text fits both the example (… = anything) and the template (a parameter = anything).</summary>
    internal static bool Matches(string example, MessageTemplate template)
    {
        const char Any = '\uFFFF';
        var a = example.Replace("…", Any.ToString(), StringComparison.Ordinal);
        var b = string.Concat(template.Pieces.Select(p => p.Name is null ? p.Text.Replace("…", Any.ToString(), StringComparison.Ordinal) : Any.ToString()));
        // Two patterns with wildcards intersect when a walk through both reaches both ends.
        var reach = new bool[a.Length + 1, b.Length + 1];
        reach[0, 0] = true;
        for (var i = 0; i <= a.Length; i++)
            for (var j = 0; j <= b.Length; j++)
            {
                if (!reach[i, j]) continue;
                if (i < a.Length && a[i] == Any) { reach[i + 1, j] = true; if (j < b.Length) reach[i, j + 1] = true; }
                if (j < b.Length && b[j] == Any) { reach[i, j + 1] = true; if (i < a.Length) reach[i + 1, j] = true; }
                if (i < a.Length && j < b.Length && a[i] == b[j]) reach[i + 1, j + 1] = true;
            }
        return reach[a.Length, b.Length];
    }

    private static string? HeadingCode(string line) => HeadingLine().Match(line) is { Success: true } m ? m.Groups["code"].Value : null;

    [GeneratedRegex("^#{2,3} (?<code>PUB\\d{4}) ")]
    private static partial Regex HeadingLine();

    [GeneratedRegex("DiagnosticCatalog\\.(?<kind>\\w+)\\[\"(?<wording>[^\"]+)\"\\]")]
    private static partial Regex WordingUse();

    [GeneratedRegex("PUB\\d{4}")]
    private static partial Regex CodeMention();

    [GeneratedRegex(": (?<severity>error|warning) (?<code>PUB\\d{4}): (?<message>.*)$")]
    private static partial Regex ExampleLine();
}
