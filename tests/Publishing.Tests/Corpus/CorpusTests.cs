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
/// A case about the theme or the templates (a maintainer's mistake) changes a copy of templates/: its own
/// `templates/` files are laid over the copy, and `theme.replace` lines (<c>old ⇒ new</c>) edit the copy's
/// theme/default.yaml; their diagnostics are named templates/… as the repository's are.
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
        var templates = TemplatesFor(caseDirectory, Path.GetDirectoryName(document)!);
        try
        {
            var result = PublishingCommand.Run("validate", document, "--templates", templates);
            var output = result.Stdout + result.Stderr;

            output.ShouldNotContain("   at ", customMessage: output);
            output.ShouldNotContain("Exception", customMessage: output);
            output.ShouldNotContain(DiagnosticCodesInternal, customMessage: output);

            var actual = result.DiagnosticLines.Select(line => Parse(line, document, templates)).Order(StringComparer.Ordinal).ToList();
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
            if (relative is "expected.txt" or ThemeReplacements || relative.StartsWith(TemplatesOverlay + Path.DirectorySeparatorChar, StringComparison.Ordinal)) continue;
            var target = Path.Combine(document, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
        return document;
    }

    private const string ThemeReplacements = "theme.replace";
    private const string TemplatesOverlay = "templates";

    /// <summary>The repository's templates/, or for a case that changes them a copy (fonts linked, not copied) with the case's changes.</summary>
    private static string TemplatesFor(string caseDirectory, string work)
    {
        var overlay = Path.Combine(caseDirectory, TemplatesOverlay);
        var replacements = Path.Combine(caseDirectory, ThemeReplacements);
        if (!Directory.Exists(overlay) && !File.Exists(replacements)) return RepoPaths.Templates;

        var templates = Path.Combine(work, "templates");
        foreach (var file in Directory.GetFiles(RepoPaths.Templates, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(RepoPaths.Templates, file);
            var target = Path.Combine(templates, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (relative.StartsWith("fonts" + Path.DirectorySeparatorChar, StringComparison.Ordinal)) File.CreateSymbolicLink(target, file);
            else File.Copy(file, target);
        }
        if (Directory.Exists(overlay))
            foreach (var file in Directory.GetFiles(overlay, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(templates, Path.GetRelativePath(overlay, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Delete(target);
                File.Copy(file, target);
            }
        if (File.Exists(replacements))
        {
            var theme = Path.Combine(templates, "theme", "default.yaml");
            var yaml = File.ReadAllText(theme);
            foreach (var line in File.ReadAllLines(replacements).Where(l => l.Trim().Length > 0 && !l.StartsWith('#')))
            {
                var parts = line.Split(" ⇒ ");
                parts.Length.ShouldBe(2, $"{replacements}: each line is “old ⇒ new”: {line}");
                yaml.ShouldContain(parts[0], customMessage: $"{replacements}: templates/theme/default.yaml no longer has “{parts[0]}”: update the case");
                yaml = yaml.Replace(parts[0], parts[1].Replace("\\n", "\n"));
            }
            File.WriteAllText(theme, yaml);
        }
        return templates;
    }

    [GeneratedRegex(@"^(?<path>.*)\((?<line>\d+),(?<column>\d+)\): (?:error|warning) (?<code>PUB\d{4}): ")]
    private static partial Regex Located();

    [GeneratedRegex(@"^(?<path>.*): (?:error|warning) (?<code>PUB\d{4}): ")]
    private static partial Regex Unlocated();

    /// <summary>"…/doc/data/projects.csv(2,7): error PUB2013: …" → "PUB2013 data/projects.csv 2".</summary>
    private static string Parse(string line, string document, string templates)
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
        var copy = Path.GetDirectoryName(templates)!.Replace('\\', '/') + "/";   // a case's copy of templates/
        if (path.StartsWith(copy, StringComparison.Ordinal)) path = path[copy.Length..];
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
