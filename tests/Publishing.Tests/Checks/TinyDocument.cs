using Publishing.Build;
using Publishing.Diagnostics;
using Publishing.Tests.Support;

namespace Publishing.Tests.Checks;

/// <summary>
/// The corpus's tiny valid document (tests/Publishing.Tests/Corpus/_base) in a temp folder, with some of
/// its files replaced, validated or built in-process.
/// </summary>
public sealed class TinyDocument : IDisposable
{
    private readonly string _root = RepoPaths.NewTempDirectory("publishing-tiny");

    public TinyDocument(IReadOnlyDictionary<string, string>? files = null)
    {
        Directory = Path.Combine(_root, "doc");
        RepoPaths.CopyDirectory(Path.Combine(RepoPaths.Root, "tests", "Publishing.Tests", "Corpus", "_base"), Directory);
        foreach (var (relative, text) in files ?? new Dictionary<string, string>()) Write(relative, text);
    }

    public string Directory { get; }
    public string OutputRoot => Path.Combine(_root, "out");

    public static string BaseMarkdown => File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "Publishing.Tests", "Corpus", "_base", "sections", "01.md"));
    public static string BaseIndicators => File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "Publishing.Tests", "Corpus", "_base", "data", "indicators.csv"));
    public static string BaseProjects => File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "Publishing.Tests", "Corpus", "_base", "data", "projects.csv"));

    public void Write(string relative, string text)
    {
        var path = Path.Combine(Directory, relative);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>Validates; returns the diagnostics sorted, with paths relative to the document.</summary>
    public IReadOnlyList<Diagnostic> Validate(string? templates = null)
    {
        var diagnostics = new DiagnosticBag();
        new DocumentBuilder(Options(templates)).Validate(Directory, diagnostics);
        return Relative(diagnostics);
    }

    public (bool Built, IReadOnlyList<Diagnostic> Diagnostics) Build(string? templates = null)
    {
        var diagnostics = new DiagnosticBag();
        var built = new DocumentBuilder(Options(templates)).Build(Directory, diagnostics);
        return (built, Relative(diagnostics));
    }

    public string Html => File.ReadAllText(Path.Combine(OutputRoot, "doc", "index.html"));

    private BuildOptions Options(string? templates) =>
        new(Directory, OutputRoot, templates ?? RepoPaths.Templates, OutputFormats.Html);

    private IReadOnlyList<Diagnostic> Relative(DiagnosticBag diagnostics)
    {
        var prefix = Directory.Replace('\\', '/') + "/";
        return diagnostics.Sorted()
            .Select(d => d.Path.StartsWith(prefix, StringComparison.Ordinal) ? d with { Path = d.Path[prefix.Length..] } : d)
            .ToList();
    }

    public void Dispose()
    {
        try { System.IO.Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}
