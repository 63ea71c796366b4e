using System.Text.RegularExpressions;
using Publishing.Tests.Support;

namespace Publishing.Tests.Corpus;

/// <summary>
/// The bad-input corpus: each folder here is one mutation of the tiny valid document in _base/ (the
/// folder holds only the files that differ) and an expected.txt:
/// <code>
/// exit 1
/// PUB2013 data/projects.csv 2      ← code, file (relative to the document), line; one line per diagnostic
/// </code>
/// Every case runs through `publishing validate`; the diagnostics printed must be exactly those
/// expected (no more, no fewer), the exit code must match, and nothing may look like a stack trace.
/// </summary>
public sealed partial class CorpusTests
{
    private static string CorpusDirectory => Path.Combine(RepoPaths.Root, "tests", "Publishing.Tests", "Corpus");

    public static IEnumerable<object[]> Cases() =>
        Directory.GetDirectories(CorpusDirectory)
            .Select(Path.GetFileName)
            .Where(name => name is not null && !name.StartsWith('_'))
            .Order(StringComparer.Ordinal)
            .Select(name => new object[] { name! });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validate_reports_exactly_the_expected_diagnostics(string name)
    {
        var caseDirectory = Path.Combine(CorpusDirectory, name);
        var expected = Expected.Read(Path.Combine(caseDirectory, "expected.txt"));
        var document = Materialize(caseDirectory);
        try
        {
            var result = PublishingCommand.Run("validate", document, "--templates", RepoPaths.Templates);
            var output = result.Stdout + result.Stderr;

            output.ShouldNotContain("   at ", customMessage: output);
            output.ShouldNotContain("Exception", customMessage: output);
            output.ShouldNotContain(DiagnosticCodesInternal, customMessage: output);

            var actual = result.DiagnosticLines.Select(line => Parse(line, document)).Order(StringComparer.Ordinal).ToList();
            actual.ShouldBe(expected.Diagnostics.Order(StringComparer.Ordinal).ToList(), customMessage: output);
            result.ExitCode.ShouldBe(expected.ExitCode, customMessage: output);
            result.Stderr.ShouldContain("个错误，");
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(document)!, recursive: true);
        }
    }

    private const string DiagnosticCodesInternal = "PUB9001";

    /// <summary>_base/ copied to a fresh folder, with the case's files laid over it.</summary>
    internal static string Materialize(string caseDirectory)
    {
        var document = Path.Combine(RepoPaths.NewTempDirectory("publishing-corpus"), "doc");
        RepoPaths.CopyDirectory(Path.Combine(CorpusDirectory, "_base"), document);
        foreach (var file in Directory.GetFiles(caseDirectory, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(caseDirectory, file);
            if (relative == "expected.txt") continue;
            var target = Path.Combine(document, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
        return document;
    }

    [GeneratedRegex(@"^(?<path>.*)\((?<line>\d+),(?<column>\d+)\): (?:error|warning) (?<code>PUB\d{4}): ")]
    private static partial Regex Located();

    [GeneratedRegex(@"^(?<path>.*): (?:error|warning) (?<code>PUB\d{4}): ")]
    private static partial Regex Unlocated();

    /// <summary>"…/doc/data/projects.csv(2,7): error PUB2013: …" → "PUB2013 data/projects.csv 2".</summary>
    private static string Parse(string line, string document)
    {
        var match = Located().Match(line);
        var (path, number) = match.Success
            ? (match.Groups["path"].Value, match.Groups["line"].Value)
            : (Unlocated().Match(line).Groups["path"].Value, "0");
        var code = match.Success ? match.Groups["code"].Value : Unlocated().Match(line).Groups["code"].Value;
        var prefix = document.Replace('\\', '/') + "/";
        if (path.StartsWith(prefix, StringComparison.Ordinal)) path = path[prefix.Length..];
        var repository = RepoPaths.Root.Replace('\\', '/') + "/";   // templates/… are named from where the tool runs
        if (path.StartsWith(repository, StringComparison.Ordinal)) path = path[repository.Length..];
        return $"{code} {path} {number}";
    }

    private sealed record Expected(int ExitCode, IReadOnlyList<string> Diagnostics)
    {
        public static Expected Read(string path)
        {
            var exit = -1;
            var diagnostics = new List<string>();
            foreach (var raw in File.ReadAllLines(path))
            {
                var line = raw.Trim();
                if (line.Length == 0 || line.StartsWith('#')) continue;
                if (line.StartsWith("exit ", StringComparison.Ordinal)) exit = int.Parse(line[5..]);
                else diagnostics.Add(string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
            }
            exit.ShouldBeOneOf(new[] { 0, 1 }, $"{path}: needs a line 'exit 0' or 'exit 1'");
            return new Expected(exit, diagnostics);
        }
    }
}
