using Publishing.Tests.Support;

namespace Publishing.Tests.Foundation;

public class EndToEndTests
{
    [Fact]
    public void Build_writes_the_HTML_preview_of_the_sample()
    {
        var output = RepoPaths.NewTempDirectory("artifacts");
        var result = PublishingCommand.Run("build", RepoPaths.Content, "--out", output, "--format", "html");
        result.ExitCode.ShouldBe(0, result.Stderr);
        var index = Path.Combine(output, "chengde-xinfang-2021", "index.html");
        File.Exists(index).ShouldBeTrue();
        File.Exists(Path.Combine(output, "chengde-xinfang-2021", "theme.css")).ShouldBeTrue();
        File.ReadAllText(index).ShouldContain("信访维稳公用经费绩效目标表");
        result.Stdout.ShouldContain("chengde-xinfang-2021");
        result.Stderr.ShouldContain("0 个错误");
    }

    [Fact]
    public void Build_writes_the_PDF_draft_with_the_manifest_metadata_and_the_same_bytes_each_time()
    {
        var first = RepoPaths.NewTempDirectory("artifacts");
        var second = RepoPaths.NewTempDirectory("artifacts");
        PublishingCommand.Run("build", RepoPaths.Content, "--out", first).ExitCode.ShouldBe(0);
        PublishingCommand.Run("build", RepoPaths.Content, "--out", second).ExitCode.ShouldBe(0);

        var pdf = File.ReadAllBytes(Path.Combine(first, "chengde-xinfang-2021", "chengde-xinfang-2021.pdf"));
        pdf.ShouldBe(File.ReadAllBytes(Path.Combine(second, "chengde-xinfang-2021", "chengde-xinfang-2021.pdf")));
        File.ReadAllBytes(Path.Combine(first, "chengde-xinfang-2021", "index.html"))
            .ShouldBe(File.ReadAllBytes(Path.Combine(second, "chengde-xinfang-2021", "index.html")));

        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        document.NumberOfPages.ShouldBeGreaterThan(10);
        document.Information.Title.ShouldBe("承德县信访局部门 2021 年部门预算绩效文本（草案）");
        document.Information.Author.ShouldBe("承德县信访局部门编制");
        document.Information.Keywords!.ShouldContain("信访维稳公用经费");
        document.Information.CreationDate!.ShouldStartWith("D:20210115");
        document.GetPage(1).Text.ShouldContain("承德县信访局部门");
    }

    [Fact]
    public void The_stylesheet_is_generated_from_the_theme()
    {
        var output = RepoPaths.NewTempDirectory("artifacts");
        PublishingCommand.Run("build", RepoPaths.Sample, "--out", output, "--format", "html").ExitCode.ShouldBe(0);
        var css = File.ReadAllText(Path.Combine(output, "chengde-xinfang-2021", "theme.css"));
        css.ShouldContain("font-size: 16pt");                 // body.size_pt
        css.ShouldContain("line-height: 28.95pt");            // body.line_pitch_pt
        css.ShouldContain("text-indent: 2em");                // first_line_indent_em
        css.ShouldContain("size: A4");
    }

    [Fact]
    public void A_template_change_shows_without_recompiling()
    {
        var templates = RepoPaths.NewTempDirectory("templates");
        RepoPaths.CopyDirectory(RepoPaths.Templates, templates);
        var cover = Path.Combine(templates, "partials", "cover.html.sbn");
        File.WriteAllText(cover, File.ReadAllText(cover).Replace("年部门预算绩效文本", "年部门预算绩效说明"));
        var output = RepoPaths.NewTempDirectory("artifacts");
        var result = PublishingCommand.Run("build", RepoPaths.Sample, "--out", output, "--format", "html", "--templates", templates);
        result.ExitCode.ShouldBe(0, result.Stderr);
        File.ReadAllText(Path.Combine(output, "chengde-xinfang-2021", "index.html")).ShouldContain("2021 年部门预算绩效说明");
    }

    [Fact]
    public void Validate_reads_everything_and_writes_nothing()
    {
        var before = Directory.GetFiles(RepoPaths.Sample, "*", SearchOption.AllDirectories).Length;
        var result = PublishingCommand.Run("validate", RepoPaths.Content);
        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Stderr.ShouldContain("0 个错误");
        Directory.GetFiles(RepoPaths.Sample, "*", SearchOption.AllDirectories).Length.ShouldBe(before);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("build", "--format", "docx")]
    [InlineData("build", "--out")]
    [InlineData("build", "--bogus")]
    [InlineData()]
    public void Usage_errors_exit_2_with_a_message(params string[] args)
    {
        var result = PublishingCommand.Run(args);
        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldStartWith("publishing: ");
        result.Stderr.ShouldNotContain("   at ");
    }

    [Fact]
    public void Help_exits_0_and_explains_the_commands()
    {
        var result = PublishingCommand.Run("--help");
        result.ExitCode.ShouldBe(0);
        result.Stdout.ShouldContain("publishing build");
        result.Stdout.ShouldContain("publishing validate");
    }

    [Fact]
    public void A_folder_without_documents_is_a_located_error()
    {
        var empty = RepoPaths.NewTempDirectory("empty");
        var result = PublishingCommand.Run("validate", empty);
        result.ExitCode.ShouldBe(1);
        result.DiagnosticLines.ShouldHaveSingleItem().ShouldContain("error PUB1006");
    }

    [Fact]
    public void A_content_error_exits_1_and_writes_no_output()
    {
        var (content, document) = RepoPaths.CopyOfSample("bad");
        var csv = Path.Combine(document, "data", "projects.csv");
        File.WriteAllText(csv, File.ReadAllText(csv).Replace(",60.00,60.00,0,", ",70.00,60.00,0,"));
        var output = RepoPaths.NewTempDirectory("artifacts");

        var result = PublishingCommand.Run("build", content, "--out", output, "--format", "html", "--templates", RepoPaths.Templates);

        result.ExitCode.ShouldBe(1);
        result.DiagnosticLines.ShouldContain(l => l.Contains("projects.csv(2,") && l.Contains("error PUB2013") &&
                                                  l.Contains("预算数 70.00 不等于 财政资金 60.00 + 其他资金 0.00"));
        Directory.Exists(Path.Combine(output, "bad")).ShouldBeFalse();
    }
}
