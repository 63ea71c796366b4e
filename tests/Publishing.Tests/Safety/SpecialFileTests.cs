using System.Diagnostics;
using Publishing.Diagnostics;
using Publishing.Tests.Support;

namespace Publishing.Tests.Safety;

/// <summary>
/// A named pipe, a folder or a device where a content file should be is refused with a located error,
/// never opened: reading a pipe without a writer waits forever.
/// </summary>
public sealed class SpecialFileTests
{
    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo") { ArgumentList = { path }, UseShellExecute = false })!;
        mkfifo.WaitForExit();
        mkfifo.ExitCode.ShouldBe(0);
    }

    /// <summary>Runs the command on another thread so that a regression fails the test instead of hanging the suite.</summary>
    private static PublishingCommand.Result RunBounded(params string[] args)
    {
        var run = Task.Run(() => PublishingCommand.Run(args));
        run.Wait(TimeSpan.FromMinutes(2)).ShouldBeTrue("the command hangs");
        return run.Result;
    }

    [Theory]
    [InlineData("fifo")]
    [InlineData("directory")]
    public void A_section_that_is_not_a_regular_file_is_a_located_error(string kind)
    {
        var (content, document) = RepoPaths.CopyOfSample();
        var section = Path.Combine(document, "sections", "02-itemized-goals.md");
        File.Delete(section);
        if (kind == "fifo") MakeFifo(section); else Directory.CreateDirectory(section);
        File.AppendAllText(Path.Combine(document, "sections", "03-safeguards.md"), "\n见[说明](javascript:alert(1))。\n");

        var result = RunBounded("validate", content, "--templates", RepoPaths.Templates);

        result.ExitCode.ShouldBe(1, result.Stderr);
        var manifest = Publishing.Diagnostics.DisplayPaths.For(Path.Combine(document, "document.yaml"));
        var line = File.ReadAllLines(Path.Combine(document, "document.yaml")).ToList().FindIndex(l => l.Contains("02-itemized-goals.md")) + 1;
        result.DiagnosticLines.ShouldContain(l => l.StartsWith($"{manifest}({line},9): error {DiagnosticCodes.NotARegularFile}:", StringComparison.Ordinal), result.Stderr);
        // The rest of the document is still read.
        result.DiagnosticLines.ShouldContain(l => l.Contains("03-safeguards.md") && l.Contains(DiagnosticCodes.UnsafeLink));
    }

    [Fact]
    public void A_manifest_that_is_a_fifo_is_refused_too()
    {
        var (content, document) = RepoPaths.CopyOfSample();
        var manifest = Path.Combine(document, "document.yaml");
        File.Delete(manifest);
        MakeFifo(manifest);

        var result = RunBounded("build", content, "--out", RepoPaths.NewTempDirectory("artifacts"), "--templates", RepoPaths.Templates);

        result.ExitCode.ShouldBe(1, result.Stderr);
        result.DiagnosticLines.ShouldContain(l => l.StartsWith($"{Publishing.Diagnostics.DisplayPaths.For(manifest)}: error {DiagnosticCodes.NotARegularFile}:", StringComparison.Ordinal), result.Stderr);
    }
}
