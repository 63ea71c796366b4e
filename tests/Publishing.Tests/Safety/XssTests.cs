using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Publishing.Tests.Checks;

namespace Publishing.Tests.Safety;

/// <summary>
/// Classic XSS payloads placed everywhere an editor writes (Markdown paragraphs, headings, link and
/// image URLs, CSV cells, the manifest's titles): none may survive into the built index.html as markup.
/// </summary>
public sealed class XssTests
{
    public static readonly string[] Payloads =
    {
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<a href=\"javascript:alert(1)\">点我</a>",
        "<body onload=alert(1)>",
        "\"><script>alert(1)</script>",
        "'><img src=x onerror=alert(1)>",
        "<scr<script>ipt>alert(1)</script>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<details open ontoggle=alert(1)>",
        "<object data=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<form action=\"javascript:alert(1)\"><input type=submit></form>",
        "<input autofocus onfocus=alert(1)>",
        "<video><source onerror=alert(1)></video>",
        "<marquee onstart=alert(1)>x</marquee>",
        "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
        "<a href=\"&#106;avascript:alert(1)\">x</a>",
        "<style>@import 'javascript:alert(1)';</style>",
        "</p><script>alert(1)</script><p>",
    };

    public static readonly string[] LinkUrls =
    {
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "vbscript:msgbox(1)",
        "&#106;avascript:alert(1)",
        "java%0ascript:alert(1)",
        "<javascript:alert(1)>",
        "\" onmouseover=\"alert(1)",
    };

    [Fact]
    public void No_payload_survives_as_markup_from_markdown_csv_or_manifest()
    {
        var markdown = new StringBuilder("# 一、总体绩效目标\n\n");
        for (var i = 0; i < Payloads.Length; i++)
        {
            markdown.Append($"## 标题{i} {Payloads[i]}\n\n");
            markdown.Append($"正文{i}：{Payloads[i]} 结束。\n\n");
            markdown.Append($"> 引用 {Payloads[i]}\n\n");
            markdown.Append($"- 列表 {Payloads[i]}\n\n");
        }
        foreach (var url in LinkUrls)
        {
            markdown.Append($"链接[文字]({url})，图片![图]({url})，引用式[文字][r{url.Length}]。\n\n");
            markdown.Append($"[r{url.Length}]: {url}\n\n");
        }
        markdown.Append("<javascript:alert(1)> 与 <data:text/html,x> 与 `<script>alert(1)</script>`\n\n");
        markdown.Append("# 标题 {#x onclick=\"alert(1)\"}\n\n| 表头 <script>alert(1)</script> | b |\n|---|---|\n| <img src=x onerror=alert(1)> | [x](javascript:alert(1)) |\n");

        var projects = new StringBuilder(TinyDocument.BaseProjects.Split('\n')[0] + "\n");
        var indicators = new StringBuilder(TinyDocument.BaseIndicators.Split('\n')[0] + "\n");
        for (var i = 0; i < Payloads.Length; i++)
        {
            var p = Csv(Payloads[i]);
            projects.Append($"X{i:00},{Csv("项目" + Payloads[i])},1.00,1.00,0,{p},25,50,75,{Csv("1. " + Payloads[i] + "\n2. 目标")}\n");
            indicators.Append($"X{i:00},产出指标,数量指标,{p},{p},{Csv("≥1 " + Payloads[i])},{p}\n");
            indicators.Append($"X{i:00},效益指标,社会效益指标,{p},{p},≥90%,{p}\n");
            indicators.Append($"X{i:00},满意度指标,服务对象满意度指标,{p},{p},≥90%,{p}\n");
        }

        var manifest = File.ReadAllText(Path.Combine(Support.RepoPaths.Root, "tests/Publishing.Tests/Corpus/_base/document.yaml"))
            .Replace("title: 测试局 2021 年部门预算绩效文本", "title: '测试局<script>alert(1)</script>'")
            .Replace("department: 测试局", "department: '<img src=x onerror=alert(1)>'")
            .Replace("prepared_by: 测试局编制", "prepared_by: '\"><svg onload=alert(1)>'")
            .Replace("title: 部门整体绩效目标", "title: '<iframe src=javascript:alert(1)>'");

        using var document = new TinyDocument(new Dictionary<string, string>
        {
            ["sections/01.md"] = markdown.ToString(),
            ["data/projects.csv"] = projects.ToString(),
            ["data/indicators.csv"] = indicators.ToString(),
            ["document.yaml"] = manifest,
        });
        var (built, diagnostics) = document.Build();
        built.ShouldBeTrue(string.Join("\n", diagnostics.Where(d => d.IsError)));

        var html = document.Html;
        var dom = new HtmlParser().ParseDocument(html);
        AssertNoLiveMarkup(dom, html);

        // Escaped, not silently dropped: the editor sees what they wrote.
        dom.Body!.TextContent.ShouldContain("<script>alert(1)</script>");
        dom.Title!.ShouldContain("<script>");
        dom.QuerySelectorAll("td").ShouldContain(td => td.TextContent.Contains("<img src=x onerror=alert(1)>"));
    }

    internal static void AssertNoLiveMarkup(IDocument dom, string html)
    {
        // The site's own script file is the only script a page has; its 目录 sidebar and folded warnings panel the
        // only details elements (the panel, one at most, directly in main).
        dom.QuerySelectorAll("details.warnings-panel").Select(e => e.ParentElement?.LocalName).ShouldBeSubsetOf(["main"]);
        dom.QuerySelectorAll("details.warnings-panel").Length.ShouldBeLessThanOrEqualTo(1);
        var forbidden = "script:not([src='../_site/site.js']), details:not(.site-toc):not(.warnings-panel), iframe, frame, object, embed, applet, base, form, input, button, textarea, svg, math, video, audio, source, " +
                        "marquee, img, style, link:not([rel=stylesheet]), meta[http-equiv]:not([http-equiv=Content-Security-Policy])";
        dom.QuerySelectorAll(forbidden).Select(e => e.OuterHtml).ShouldBeEmpty();
        // The page's own policy: no script runs in the preview but the site's own file, whatever slipped through.
        // The assembled document allows no script at all; the site's page only its own file.
        dom.QuerySelectorAll("meta[http-equiv=Content-Security-Policy]").ShouldHaveSingleItem()
            .GetAttribute("content")!.ShouldMatch(@"^script-src '(none|self)'; object-src 'none'.*");
        dom.QuerySelectorAll("link").Select(l => l.GetAttribute("href")).ShouldAllBe(h => h == "theme.css" || h == "../_site/site.css");
        dom.QuerySelectorAll("script").Select(l => l.GetAttribute("src")).ShouldAllBe(src => src == "../_site/site.js");

        foreach (var element in dom.All)
        {
            foreach (var attribute in element.Attributes)
            {
                attribute.Name.ShouldNotStartWith("on", customMessage: element.OuterHtml);
                var value = new string(attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()).ToLowerInvariant();
                if (attribute.Name is "href" or "src" or "action" or "formaction" or "data" or "xlink:href" or "poster" or "background")
                {
                    value.ShouldNotStartWith("javascript:", customMessage: element.OuterHtml);
                    value.ShouldNotStartWith("data:", customMessage: element.OuterHtml);
                    value.ShouldNotStartWith("vbscript:", customMessage: element.OuterHtml);
                }
                if (attribute.Name == "style")
                {
                    value.ShouldNotContain("javascript", customMessage: element.OuterHtml);
                    value.ShouldNotContain("url(", customMessage: element.OuterHtml);
                }
            }
        }
        html.Replace("<script src=\"../_site/site.js\" defer=\"\"></script>", "").ShouldNotContain("<script", Case.Insensitive);
    }

    private static string Csv(string value) => "\"" + value.Replace("\"", "\"\"") + "\"";
}
