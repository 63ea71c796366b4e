using Publishing.Tests.Support;

namespace Publishing.Tests.Scale;

/// <summary>--timings: where a run's time went, per stage, summed over its documents.</summary>
public sealed class StageTimesTests
{
    [Fact]
    public void Timings_print_every_stage_of_a_document_build_with_its_count_and_times()
    {
        var (content, _) = RepoPaths.CopyOfSample("a");
        RepoPaths.CopyDirectory(Path.Combine(content, "a"), Path.Combine(content, "b"));
        var output = RepoPaths.NewTempDirectory();

        var run = PublishingCommand.Run("build", content, "--templates", RepoPaths.Templates, "--out", output, "--timings");

        run.ExitCode.ShouldBe(0, run.Stderr);
        var rows = run.Stderr.Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(c => c.Length == 5 && int.TryParse(c[1], out _)).ToDictionary(c => c[0], c => c);
        // Each document passes every stage once (other tests in this process may add to the counts).
        foreach (var stage in new[] { "document", "load", "checks", "assemble", "pdf", "layout", "write", "fonts", "pages", "objects", "site", "webfonts", "files", "index" })
        {
            rows.ShouldContainKey(stage);
            int.Parse(rows[stage][1]).ShouldBeGreaterThanOrEqualTo(stage == "index" ? 1 : 2, stage);
        }
        double.Parse(rows["document"][3], System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        run.Stderr.ShouldContain("runtime: JIT");
        run.Stderr.ShouldContain("process CPU");
    }
}
