using System.Diagnostics;
using Xunit.Abstractions;

namespace Publishing.Tests.Pdf;

/// <summary>
/// Not a timed test: prints how long the seed's PDF takes (first render in the process, then warm).
/// Runs only with PUBLISHING_BENCH=1; docs/benchmarks.md records the figures.
/// </summary>
public class PdfBenchmark(ITestOutputHelper output)
{
    [Fact]
    public void Seed_pdf_timings()
    {
        if (Environment.GetEnvironmentVariable("PUBLISHING_BENCH") != "1") return;
        var html = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "tests", "Publishing.Tests", "Pdf", "Fixtures", "seed.html"));
        var watch = Stopwatch.StartNew();
        var (pdf, _) = PdfEndToEndTests.Render(html);
        var first = watch.Elapsed.TotalMilliseconds;
        var warm = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            watch.Restart();
            PdfEndToEndTests.Render(html);
            warm.Add(watch.Elapsed.TotalMilliseconds);
        }
        warm.Sort();
        var line = $"BENCH seed PDF: {pdf.Length / 1024.0:0} KB, first {first:0} ms, warm median {warm[10]:0.0} ms, min {warm[0]:0.0} ms";
        output.WriteLine(line);
        Console.WriteLine(line);
    }
}
