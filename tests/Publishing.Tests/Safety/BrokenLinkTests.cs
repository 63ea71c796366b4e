using System.Diagnostics;
using Publishing.Diagnostics;
using Publishing.Tests.Support;

namespace Publishing.Tests.Safety;

/// <summary>
/// A symbolic link in a document's folder or in templates/ that dangles, loops or leads out of its folder is a
/// PUB1009 error at the link (exit 1): never an internal error (PUB9001, exit 3), never a walk of the machine
/// through a link to /, and the other documents are still built when the link is in one document's folder.
/// </summary>
public sealed class BrokenLinkTests
{
    private static (string Content, string Broken) TwoDocuments()
    {
        var (content, _) = RepoPaths.CopyOfSample("a");
        RepoPaths.CopyDirectory(Path.Combine(content, "a"), Path.Combine(content, "b"));
        return (content, Path.Combine(content, "a"));
    }

    private static PublishingCommand.Result Build(string content, string output, string? templates = null) =>
        PublishingCommand.Run("build", content, "--out", output, "--format", "html", "--templates", templates ?? RepoPaths.Templates);

    [Fact]
    public void A_dangling_link_in_a_document_folder_is_an_error_at_the_link_and_the_other_document_builds()
    {
        var (content, broken) = TwoDocuments();
        var link = Path.Combine(broken, "data", "old-projects.csv");
        File.CreateSymbolicLink(link, Path.Combine(broken, "data", "gone.csv"));
        var output = RepoPaths.NewTempDirectory("artifacts");

        var build = Build(content, output);

        build.ExitCode.ShouldBe(1, build.Stderr);
        build.Stderr.ShouldNotContain("PUB9001");
        build.DiagnosticLines.ShouldContain(l => l.StartsWith($"{DisplayPaths.For(link)}: error PUB1009: 符号链接 old-projects.csv 指向的", StringComparison.Ordinal)
            && l.Contains("不存在"), build.Stderr);
        File.Exists(Path.Combine(output, "b", "index.html")).ShouldBeTrue();
        File.Exists(Path.Combine(output, "a", "index.html")).ShouldBeFalse();

        var validate = PublishingCommand.Run("validate", content, "--templates", RepoPaths.Templates);
        validate.ExitCode.ShouldBe(1, validate.Stderr);
        validate.DiagnosticLines.ShouldContain(l => l.Contains("error PUB1009"), validate.Stderr);
    }

    [Fact]
    public void A_link_to_the_root_in_content_is_refused_without_walking_the_machine()
    {
        var (content, broken) = TwoDocuments();
        var link = Path.Combine(broken, "sections", "everything");
        Directory.CreateSymbolicLink(link, "/");
        var output = RepoPaths.NewTempDirectory("artifacts");
        var clock = Stopwatch.StartNew();

        var build = Build(content, output);

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60), "the build must not walk / through the link");
        build.ExitCode.ShouldBe(1, build.Stderr);
        build.Stderr.ShouldNotContain("PUB9001");
        build.DiagnosticLines.ShouldContain(l => l.StartsWith($"{DisplayPaths.For(link)}: error PUB1009:", StringComparison.Ordinal)
            && l.Contains("文件夹之外"), build.Stderr);
        File.Exists(Path.Combine(output, "b", "index.html")).ShouldBeTrue();
    }

    [Fact]
    public void A_loop_of_links_in_templates_is_an_error_at_the_link_not_an_internal_error()
    {
        var (content, _) = TwoDocuments();
        var templates = ThemeTemplates.With(ThemeTemplates.DefaultTheme);
        var first = Path.Combine(templates, "partials", "loop-a.html.sbn");
        File.CreateSymbolicLink(first, "loop-b.html.sbn");
        File.CreateSymbolicLink(Path.Combine(templates, "partials", "loop-b.html.sbn"), "loop-a.html.sbn");
        var output = RepoPaths.NewTempDirectory("artifacts");

        var build = Build(content, output, templates);

        build.ExitCode.ShouldBe(1, build.Stderr);
        build.Stderr.ShouldNotContain("PUB9001");
        build.DiagnosticLines.ShouldContain(l => l.StartsWith($"{DisplayPaths.For(first)}: error PUB1009: 符号链接 loop-a.html.sbn 绕成了一个圈", StringComparison.Ordinal), build.Stderr);
    }

    [Fact]
    public void A_dangling_link_in_templates_is_an_error_at_the_link_not_an_internal_error()
    {
        var (content, _) = TwoDocuments();
        var templates = ThemeTemplates.With(ThemeTemplates.DefaultTheme);
        var link = Path.Combine(templates, "site", "old.css");
        File.CreateSymbolicLink(link, "/nonexistent/old.css");

        var build = Build(content, RepoPaths.NewTempDirectory("artifacts"), templates);

        build.ExitCode.ShouldBe(1, build.Stderr);
        build.Stderr.ShouldNotContain("PUB9001");
        build.DiagnosticLines.ShouldContain(l => l.StartsWith($"{DisplayPaths.For(link)}: error PUB1009:", StringComparison.Ordinal), build.Stderr);
    }

    [Fact]
    public void A_font_file_linked_from_outside_templates_is_allowed()
    {
        var (content, _) = TwoDocuments();
        var templates = ThemeTemplates.With(ThemeTemplates.DefaultTheme); // its fonts are links to the repository's files

        var build = Build(content, RepoPaths.NewTempDirectory("artifacts"), templates);

        build.ExitCode.ShouldBe(0, build.Stderr);
    }
}
