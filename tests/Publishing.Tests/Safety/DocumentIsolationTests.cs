using Publishing.Tests.Support;

namespace Publishing.Tests.Safety;

/// <summary>
/// One document that cannot be built stops nothing else: the others are built and every diagnostic printed.
/// (An exception inside one document, PUB9001 at its manifest, is tested in Scale/BatchBuilderTests.)
/// </summary>
public sealed class DocumentIsolationTests
{
    [Fact]
    public void The_other_documents_are_built_when_one_fails_and_the_exit_code_says_so()
    {
        var (content, _) = RepoPaths.CopyOfSample("a");
        RepoPaths.CopyDirectory(Path.Combine(content, "a"), Path.Combine(content, "b"));
        // Document a names a section that is a folder.
        Directory.CreateDirectory(Path.Combine(content, "a", "sections", "99.md"));
        var manifest = Path.Combine(content, "a", "document.yaml");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("      - sections/03-safeguards.md\n", "      - sections/03-safeguards.md\n      - sections/99.md\n"));
        var output = RepoPaths.NewTempDirectory("artifacts");

        var result = PublishingCommand.Run("build", content, "--out", output, "--format", "html", "--templates", RepoPaths.Templates);

        result.ExitCode.ShouldBe(1, result.Stderr);
        result.Stderr.ShouldNotContain("PUB9001");
        result.DiagnosticLines.ShouldContain(l => l.Contains("/a/document.yaml(") && l.Contains("error PUB1007"), result.Stderr);
        result.DiagnosticLines.ShouldContain(l => l.Contains("b/sections/") && l.Contains("warning PUB3010"));
        File.Exists(Path.Combine(output, "b", "index.html")).ShouldBeTrue();
        File.Exists(Path.Combine(output, "a", "index.html")).ShouldBeFalse();
    }
}
