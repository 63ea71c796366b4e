using Publishing.Site;
using Shouldly;
using Xunit;

namespace Publishing.Tests.Site;

public class PreviewPageTests
{
    private static readonly PreviewInputs Inputs = new(
        "某部门 2025 年部门预算绩效文本", "草案", new DateOnly(2025, 1, 15), null,
        new Dictionary<string, int>(), null, [], null);

    [Fact]
    public void A_template_without_a_charset_declaration_still_gives_a_page_that_declares_utf8_first()
    {
        // A bureau's own form template written without <head>: an internal error before this fix.
        var diagnostics = new Publishing.Diagnostics.DiagnosticBag();
        var page = PreviewPage.Render("<body><h1 id=\"t\">绩效目标表</h1><p>正文</p></body>", Inputs,
            new SiteTemplates(Publishing.Tests.Support.RepoPaths.Templates), diagnostics);
        diagnostics.Items.ShouldBeEmpty();
        page.ShouldNotBeNull();

        var head = page[page.IndexOf("<head>", StringComparison.Ordinal)..page.IndexOf("</head>", StringComparison.Ordinal)];
        head.ShouldStartWith("<head>\n<meta charset=\"utf-8\">");
        head.ShouldContain("Content-Security-Policy");
        page.ShouldContain("<main id=\"main\">");
        page.ShouldContain("正文");
    }

    [Fact]
    public void A_document_without_a_toc_gets_no_empty_sidebar_and_one_with_a_toc_gets_it_as_navigation()
    {
        var templates = new SiteTemplates(Publishing.Tests.Support.RepoPaths.Templates);
        var diagnostics = new Publishing.Diagnostics.DiagnosticBag();

        var form = PreviewPage.Render("<body><h1 id=\"t\">绩效目标申报表</h1><table><tr><td>项目名称</td></tr></table></body>", Inputs, templates, diagnostics)!;
        form.ShouldNotContain("site-sidebar");
        form.ShouldContain("<div class=\"site-layout no-sidebar\">");

        var text = PreviewPage.Render("<body><nav class=\"toc\"><ol><li><a href=\"#s1\">一、总体目标</a></li></ol></nav><h1 id=\"s1\">一、总体目标</h1></body>", Inputs, templates, diagnostics)!;
        text.ShouldContain("<aside class=\"site-sidebar\" aria-label=\"目录导航\">");
        text[text.IndexOf("<aside", StringComparison.Ordinal)..].ShouldContain("一、总体目标");
        diagnostics.Items.ShouldBeEmpty();
    }
}
