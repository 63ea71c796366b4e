using BenchmarkDotNet.Attributes;
using Publishing.Build;
using Publishing.Diagnostics;

namespace Publishing.Benchmarks;

/// <summary>
/// The sample document built in process, warm: everything a build does except writing the files
/// (load, checks, assemble, render). Targets (issue 3): HTML + PDF ≤ 50 ms on a 2-core machine.
/// </summary>
[MemoryDiagnoser]
public class SampleBuildBenchmarks
{
    private DocumentBuilder _htmlOnly = null!;
    private DocumentBuilder _htmlAndPdf = null!;
    private string _sample = "";

    [GlobalSetup]
    public void Setup()
    {
        var root = RepositoryRoot();
        _sample = Path.Combine(root, "content", "chengde-xinfang-2021");
        var templates = Path.Combine(root, "templates");
        var output = Directory.CreateTempSubdirectory("publishing-bench-").FullName;
        _htmlOnly = new DocumentBuilder(new BuildOptions(Path.Combine(root, "content"), output, templates, OutputFormats.Html));
        _htmlAndPdf = new DocumentBuilder(new BuildOptions(Path.Combine(root, "content"), output, templates, OutputFormats.All));
    }

    [Benchmark]
    public int Html() => Build(_htmlOnly);

    [Benchmark]
    public int HtmlAndPdf() => Build(_htmlAndPdf);

    private int Build(DocumentBuilder builder)
    {
        var diagnostics = new DiagnosticBag();
        var rendered = builder.Render(_sample, diagnostics)
            ?? throw new InvalidOperationException(string.Join("\n", diagnostics.Sorted()));
        return rendered.Files.Sum(f => f.Value.Length);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Publishing.sln"))) return directory.FullName;
        throw new InvalidOperationException("run from inside the repository");
    }
}
