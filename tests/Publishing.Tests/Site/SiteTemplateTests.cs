using AngleSharp.Html.Parser;
using Publishing.Tests.Support;

namespace Publishing.Tests.Site;

/// <summary>
/// The site's pages (document page frame, index, change page) come from templates/site/*.html.sbn: a bureau's
/// edit there shows at the next build without recompiling, values are escaped as in the document's templates,
/// and a broken site template is a located error, not a crash or a half-written site.
/// </summary>
public sealed class SiteTemplateTests
{
    [Fact]
    public void An_edit_of_the_site_templates_shows_in_every_page_without_recompiling()
    {
        var templates = RepoPaths.NewTempDirectory("templates");
        RepoPaths.CopyDirectory(RepoPaths.Templates, templates);
        Edit(templates, "site/document-page.html.sbn", "<main id=\"main\">", "<main id=\"main\">\n<p class=\"bureau-note\">承德县财政局 预览稿 {{ page.status }}</p>");
        Edit(templates, "site/index.html.sbn", "<main id=\"main\">", "<main id=\"main\">\n<p class=\"bureau-note\">共 {{ page.documents }} 份</p>");
        Edit(templates, "site/changes.html.sbn", "<main id=\"main\" class=\"change-list\">", "<main id=\"main\" class=\"change-list\">\n<p class=\"bureau-note\">比对：{{ page.title }}</p>");
        Edit(templates, "site/head.html.sbn", "<meta name=\"generator\" content=\"Publishing\">", "<meta name=\"generator\" content=\"Publishing 承德县\">");
        var (content, _) = RepoPaths.CopyOfSample("a");
        var output = RepoPaths.NewTempDirectory("site");

        var result = PublishingCommand.Run("build", content, "--out", output, "--format", "html", "--templates", templates);
        result.ExitCode.ShouldBe(0, result.Stderr);

        Note(output, "a/index.html").ShouldBe("承德县财政局 预览稿 草案");
        Note(output, "index.html").ShouldBe("共 1 份");
        Note(output, "a/changes.html").ShouldBe("比对：承德县信访局部门 2021 年部门预算绩效文本");
        Parse(output, "index.html").QuerySelector("meta[name=generator]")!.GetAttribute("content").ShouldBe("Publishing 承德县");
        // No mark of where a template wrote a row (the PDF's diagnostics use them) reaches the site's pages.
        foreach (var page in new[] { "index.html", "a/index.html", "a/changes.html" })
            File.ReadAllText(Path.Combine(output, page)).ShouldNotContain("data-template");
        // The templates are not published with the site's shared files.
        Directory.GetFiles(Path.Combine(output, "_site")).Select(Path.GetFileName).Order().ShouldBe(new[] { "site.css", "site.js" });
    }

    [Fact]
    public void Values_printed_by_a_site_template_are_escaped_unless_marked_raw()
    {
        var templates = RepoPaths.NewTempDirectory("templates");
        RepoPaths.CopyDirectory(RepoPaths.Templates, templates);
        Edit(templates, "site/document-page.html.sbn", "<main id=\"main\">", "<main id=\"main\">\n<p class=\"bureau-note\">{{ page.title }}</p>");
        var (content, document) = RepoPaths.CopyOfSample("a");
        var manifest = Path.Combine(document, "document.yaml");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("title: 承德县信访局部门 2021 年部门预算绩效文本", "title: '<img src=x onerror=alert(1)>'"));
        var output = RepoPaths.NewTempDirectory("site");

        PublishingCommand.Run("build", content, "--out", output, "--format", "html", "--templates", templates).ExitCode.ShouldBe(0);

        var page = Parse(output, "a/index.html");
        page.QuerySelector(".bureau-note")!.TextContent.ShouldBe("<img src=x onerror=alert(1)>");
        page.QuerySelector(".site-title")!.TextContent.ShouldBe("<img src=x onerror=alert(1)>");
        page.QuerySelectorAll("img").ShouldBeEmpty();
        Parse(output, "index.html").QuerySelectorAll("img").ShouldBeEmpty();
        Parse(output, "a/changes.html").QuerySelectorAll("img").ShouldBeEmpty();
    }

    [Fact]
    public void A_broken_site_template_is_a_located_error_and_the_last_good_page_stays()
    {
        var templates = RepoPaths.NewTempDirectory("templates");
        RepoPaths.CopyDirectory(RepoPaths.Templates, templates);
        var (content, _) = RepoPaths.CopyOfSample("a");
        var output = RepoPaths.NewTempDirectory("site");
        PublishingCommand.Run("build", content, "--out", output, "--format", "html", "--templates", templates).ExitCode.ShouldBe(0);
        var before = File.ReadAllText(Path.Combine(output, "a", "index.html"));

        Edit(templates, "site/document-page.html.sbn", "<main id=\"main\">", "<main id=\"main\">\n{{ if page.title }}");
        var result = PublishingCommand.Run("build", content, "--out", output, "--format", "html", "--templates", templates);

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldMatch(@"site/document-page\.html\.sbn\(\d+,\d+\): error PUB4101: ");
        result.Stderr.ShouldNotContain("   at ");
        File.ReadAllText(Path.Combine(output, "a", "index.html")).ShouldBe(before);
    }

    private static void Edit(string templates, string file, string find, string replacement)
    {
        var path = Path.Combine(templates, file);
        var text = File.ReadAllText(path);
        text.ShouldContain(find);
        File.WriteAllText(path, text.Replace(find, replacement));
    }

    private static AngleSharp.Html.Dom.IHtmlDocument Parse(string output, string file) =>
        new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(output, file)));

    private static string Note(string output, string file) => Parse(output, file).QuerySelector(".bureau-note")!.TextContent;
}
