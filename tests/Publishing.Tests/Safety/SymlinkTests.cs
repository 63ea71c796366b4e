using Publishing.Assembly;
using Publishing.Diagnostics;
using Publishing.Tests.Support;
using Scriban.Runtime;

namespace Publishing.Tests.Safety;

/// <summary>A link inside a document's or the templates' folder must not lead a build to files outside it.</summary>
public class SymlinkTests
{
    [Fact]
    public void A_section_reached_through_a_linked_folder_is_refused()
    {
        var secret = RepoPaths.NewTempDirectory("secret");
        File.WriteAllText(Path.Combine(secret, "s.md"), "# 秘密\n\nSECRETDATA\n");
        var (content, document) = RepoPaths.CopyOfSample();
        Directory.CreateSymbolicLink(Path.Combine(document, "sec"), secret);
        var manifest = Path.Combine(document, "document.yaml");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace(
            "      - sections/03-safeguards.md\n", "      - sections/03-safeguards.md\n      - sec/s.md\n"));
        var output = RepoPaths.NewTempDirectory("artifacts");

        var result = PublishingCommand.Run("build", content, "--out", output, "--templates", RepoPaths.Templates, "--format", "html");

        result.ExitCode.ShouldBe(1);
        result.DiagnosticLines.ShouldContain(l => l.Contains("document.yaml(") && l.Contains("error PUB1004"));
        Directory.Exists(Path.Combine(output, "doc")).ShouldBeFalse();
    }

    [Fact]
    public void A_data_file_in_a_linked_folder_is_refused()
    {
        var outside = RepoPaths.NewTempDirectory("outside");
        RepoPaths.CopyDirectory(Path.Combine(RepoPaths.Sample, "data"), outside);
        var (content, document) = RepoPaths.CopyOfSample();
        Directory.Delete(Path.Combine(document, "data"), recursive: true);
        Directory.CreateSymbolicLink(Path.Combine(document, "data"), outside);

        var result = PublishingCommand.Run("validate", content, "--templates", RepoPaths.Templates);

        result.ExitCode.ShouldBe(1);
        result.DiagnosticLines.Count(l => l.Contains("error PUB1004")).ShouldBe(2);
    }

    [Fact]
    public void An_include_through_a_linked_folder_is_refused()
    {
        var outside = RepoPaths.NewTempDirectory("outside");
        File.WriteAllText(Path.Combine(outside, "x.sbn"), "leaked");
        var templates = RepoPaths.NewTempDirectory("templates");
        Directory.CreateSymbolicLink(Path.Combine(templates, "partials"), outside);
        File.WriteAllText(Path.Combine(templates, "t.sbn"), "{{ include 'partials/x.sbn' }}");
        var diagnostics = new DiagnosticBag();

        new DocumentAssembler(templates).Render("t.sbn", new ScriptObject(), diagnostics).ShouldBeNull();

        diagnostics.Items.ShouldHaveSingleItem().Code.ShouldBe(DiagnosticCodes.TemplateIncludeRefused);
    }
}
