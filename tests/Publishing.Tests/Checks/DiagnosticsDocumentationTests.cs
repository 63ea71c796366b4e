using System.Reflection;
using Publishing.Diagnostics;
using Publishing.Tests.Support;

namespace Publishing.Tests.Checks;

/// <summary>docs/diagnostics.md explains every code with an example and the fix.</summary>
public sealed class DiagnosticsDocumentationTests
{
    public static IEnumerable<object[]> Codes() =>
        typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => new object[] { (string)f.GetRawConstantValue()! });

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_code_has_a_heading_and_an_example(string code)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "diagnostics.md"));
        var lines = text.Split('\n');
        var heading = Array.FindIndex(lines, l => l.StartsWith("### " + code + " ", StringComparison.Ordinal) || l.StartsWith("## " + code + " ", StringComparison.Ordinal));
        heading.ShouldBeGreaterThanOrEqualTo(0, $"docs/diagnostics.md has no heading for {code}");
        // The example (a diagnostic line with the code) or, for a group of headings, the explanation follows.
        var section = string.Join('\n', lines.Skip(heading + 1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal)).Take(40));
        section.Trim().Length.ShouldBeGreaterThan(20);
    }

    [Fact]
    public void Codes_are_unique() => Codes().Select(c => (string)c[0]).ShouldBeUnique();
}
