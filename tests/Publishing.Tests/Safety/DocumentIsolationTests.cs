using Publishing.Build;
using Publishing.Diagnostics;
using Publishing.Tests.Support;

namespace Publishing.Tests.Safety;

/// <summary>A bug that throws while one document is built is reported against that document and stops nothing else.</summary>
public sealed class DocumentIsolationTests
{
    [Fact]
    public void An_exception_becomes_PUB9001_at_that_document_keeping_what_was_found_before()
    {
        var diagnostics = new DiagnosticBag();
        var document = Path.Combine(RepoPaths.NewTempDirectory("content"), "broken");

        var result = DocumentBuilder.Isolated<object>(document, diagnostics, local =>
        {
            local.Warning(DiagnosticCodes.Typo, "broken/sections/01.md", 3, 4, "先发现的问题");
            throw new InvalidOperationException("boom");
        });

        result.ShouldBeNull();
        diagnostics.Items.Count.ShouldBe(2);
        diagnostics.Items[0].Message.ShouldBe("先发现的问题");
        var error = diagnostics.Items[1];
        error.Code.ShouldBe(DiagnosticCodes.InternalError);
        error.Path.ShouldBe(Publishing.Content.DisplayPaths.For(Path.Combine(document, "document.yaml")));
        error.Message.ShouldContain("InvalidOperationException: boom");
    }

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
