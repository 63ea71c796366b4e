using Publishing.Build;
using Publishing.Cli.Serve;
using Publishing.Diagnostics;
using Publishing.Tests.Support;

namespace Publishing.Tests.Safety;

/// <summary>
/// A bug of ours met in one document is the same PUB9001 at its document.yaml whoever builds it: the batch
/// (build), the live preview (serve) and the combined volume; never a stack trace, and the command exits 3 as the README says.
/// </summary>
public sealed class InternalErrorTests
{
    [Fact]
    public void A_document_that_throws_gives_the_batchs_PUB9001_in_build_serve_and_volume()
    {
        var content = RepoPaths.NewTempDirectory("content");
        foreach (var slug in new[] { "a", "b" }) RepoPaths.CopyDirectory(RepoPaths.Sample, Path.Combine(content, slug));
        var failing = Path.Combine(content, "b");
        DocumentIsolation.FailingDocuments[failing] = new InvalidOperationException("boom in b");
        try
        {
            var batch = new BatchBuilder(new BuildOptions(content, RepoPaths.NewTempDirectory(), RepoPaths.Templates, OutputFormats.Html))
                .Build([Path.Combine(content, "a"), failing]);
            var expected = batch.Documents.Single(d => d.Slug == "b").Diagnostics.ShouldHaveSingleItem();
            expected.Code.ShouldBe(DiagnosticCodes.InternalError);
            expected.Path.ShouldEndWith("b/document.yaml");
            var line = expected.ToString();
            line.ShouldContain("boom in b");

            // build, as the command prints it.
            var build = PublishingCommand.Run("build", content, "--format", "html", "--templates", RepoPaths.Templates, "--out", RepoPaths.NewTempDirectory());
            build.ExitCode.ShouldBe(3, build.Stderr); // the README's "internal error", though document a was built
            build.DiagnosticLines.ShouldContain(line);
            NoStackTrace(build.Stdout + build.Stderr);

            // The volume: the same line, no volume written, a non-zero exit.
            var volumeOutput = RepoPaths.NewTempDirectory();
            var volume = PublishingCommand.Run("volume", content, "--templates", RepoPaths.Templates, "--out", volumeOutput);
            volume.ExitCode.ShouldBe(3, volume.Stderr);
            volume.DiagnosticLines.ShouldContain(line);
            NoStackTrace(volume.Stdout + volume.Stderr);
            File.Exists(Path.Combine(volumeOutput, VolumeBuilder.FileName)).ShouldBeFalse();

            // The live preview: the same line in the server's log and on the page's banner; the other document is built.
            var log = new StringWriter();
            var serveOutput = RepoPaths.NewTempDirectory();
            var live = new LiveBuilder(content, RepoPaths.Templates, serveOutput, log);
            live.BuildHtml(["a", "b"]).ShouldBe([("a", true), ("b", false)]);
            live.Problems("b").ShouldBe([line]);
            log.ToString().ShouldContain("  " + line);
            NoStackTrace(log.ToString());
            File.Exists(Path.Combine(serveOutput, "a", "index.html")).ShouldBeTrue();
            File.Exists(Path.Combine(serveOutput, "b", "index.html")).ShouldBeFalse();
        }
        finally
        {
            DocumentIsolation.FailingDocuments.TryRemove(failing, out _);
        }
    }

    private static void NoStackTrace(string printed)
    {
        printed.ShouldNotContain("   at ");
        printed.ShouldNotContain(".cs:line");
    }
}
