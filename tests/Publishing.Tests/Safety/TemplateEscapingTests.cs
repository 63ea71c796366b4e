using AngleSharp.Html.Parser;
using Publishing.Assembly;
using Publishing.Diagnostics;
using Publishing.Model;
using Publishing.Tests.Support;
using Publishing.Theming;
using Scriban.Runtime;

namespace Publishing.Tests.Safety;

/// <summary>
/// Every value a template prints is HTML-escaped unless the template marks it raw: a model whose every string
/// (titles, codes, ids, labels, cells, even source paths) is a markup payload is assembled directly,
/// bypassing the checks that would refuse some of it, and the HTML must hold none of it as markup.
/// </summary>
public sealed class TemplateEscapingTests
{
    private const string Payload = "\"'><script>alert(1)</script><img src=x onerror=alert(1)><a href=javascript:alert(1)>x</a>";

    [Fact]
    public void Every_template_value_path_is_escaped()
    {
        var source = new SourceLocation(Payload, 2, 1);
        var indicator = new Indicator(Payload, Payload, Payload, Payload, Payload, IndicatorValue.Parse(Payload), Payload, source);
        var project = new Project(Payload, Payload, Payload, Payload, 1m, 1m, 0m, Payload,
            new[] { new SpendingMilestone(Payload, 25m), new SpendingMilestone(Payload + "2", 50m) },
            new[] { Payload, Payload + "2" }, new[] { indicator, indicator with { Level2 = Payload + "2" } }, source);
        var section = new NarrativeSection(Payload, Payload, "<p>正文</p>", source,
            new[] { new SectionHeading(3, Payload, Payload, source) });
        var metadata = new DocumentMetadata(Payload, Payload, 2021, Payload, Payload, Payload, Payload, Payload, Payload,
            "classic", "default", new DateOnly(2021, 1, 15));
        var document = new PublishingDocument(Payload, Payload, metadata, new[]
        {
            new Part(Payload, Payload, Payload, new[] { section }, Array.Empty<Project>()),
            new Part(Payload + "2", Payload, Payload, Array.Empty<NarrativeSection>(), new[] { project }),
        });

        var diagnostics = new DiagnosticBag();
        var html = new DocumentAssembler(RepoPaths.Templates).AssembleHtml(document, ThemeLoader.Load(RepoPaths.Templates), diagnostics);

        html.ShouldNotBeNull(string.Join("\n", diagnostics.Sorted()));
        var dom = new HtmlParser().ParseDocument(html);
        XssTests.AssertNoLiveMarkup(dom, html);
        dom.QuerySelectorAll("a").Select(a => a.GetAttribute("href") ?? "").ShouldAllBe(href => href.StartsWith('#'));
        dom.Body!.TextContent.ShouldContain("<script>alert(1)</script>");
    }

    private static (string? Output, DiagnosticBag Diagnostics) Render(string text, object value, string name = "t.html.sbn")
    {
        var templates = RepoPaths.NewTempDirectory("templates");
        File.WriteAllText(Path.Combine(templates, name), text);
        File.WriteAllText(Path.Combine(templates, "part.html.sbn"), "<i>{{ value }}</i>");
        var diagnostics = new DiagnosticBag();
        var output = new DocumentAssembler(templates).Render(name, new ScriptObject { ["value"] = value }, diagnostics);
        return (output, diagnostics);
    }

    [Fact]
    public void A_value_printed_without_any_filter_is_escaped()
    {
        var (output, diagnostics) = Render("<p title=\"{{ value }}\">{{ value }}</p>", Payload);
        diagnostics.Items.ShouldBeEmpty();
        var dom = new HtmlParser().ParseDocument(output!);
        dom.QuerySelectorAll("script, img, a").ShouldBeEmpty();
        var p = dom.QuerySelector("p").ShouldNotBeNull();
        p.TextContent.ShouldBe(Payload);
        p.GetAttribute("title").ShouldBe(Payload);
    }

    [Fact]
    public void Raw_prints_markup_and_is_the_only_way_to()
    {
        var (output, _) = Render("{{ value | raw }}|{{ value }}", "<b>x</b>");
        output.ShouldBe("<b>x</b>|&lt;b&gt;x&lt;/b&gt;");
    }

    [Fact]
    public void Html_escape_in_an_older_template_does_not_escape_twice()
    {
        var (output, _) = Render("{{ value | html.escape }}", "a&b<c>");
        output.ShouldBe("a&amp;b&lt;c&gt;");
    }

    [Fact]
    public void An_included_template_is_inserted_as_markup_with_its_own_values_escaped()
    {
        var (output, diagnostics) = Render("<div>{{ include 'part.html.sbn' }}</div>", "<b>");
        diagnostics.Items.ShouldBeEmpty();
        output.ShouldBe("<div><i>&lt;b&gt;</i></div>");
    }

    [Fact]
    public void A_template_cannot_print_the_absolute_content_directory()
    {
        var (output, diagnostics) = Render("{{ value.content_directory }}", SampleDocument.Document);
        output.ShouldBeNull();
        var diagnostic = diagnostics.Items.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe(DiagnosticCodes.TemplateRuntime);
        diagnostic.Message.ShouldContain("content_directory");
        diagnostic.Message.ShouldNotContain(SampleDocument.Document.ContentDirectory);
    }

    [Fact]
    public void The_stylesheet_refuses_a_value_that_would_leave_its_declaration()
    {
        var (output, diagnostics) = Render("a {\n  color: {{ value }};\n}", "red; } body { display: none", "t.css.sbn");
        output.ShouldBeNull();
        diagnostics.Items.ShouldHaveSingleItem().ToString().ShouldContain("/t.css.sbn(2,13): error PUB4102:");   // at the printed value, not the file's start

        Render("a { font-family: {{ value }}; }", "\"Noto Serif SC\", serif", "t.css.sbn").Output
            .ShouldBe("a { font-family: \"Noto Serif SC\", serif; }");
    }

    [Fact]
    public void The_shipped_templates_mark_only_the_section_html_raw()
    {
        var uses = Directory.EnumerateFiles(RepoPaths.Templates, "*.sbn", SearchOption.AllDirectories)
            .SelectMany(file => File.ReadLines(file).Where(line => line.Contains("| raw", StringComparison.Ordinal)).Select(line => line.Trim()))
            .ToList();
        uses.Distinct().ShouldBe(new[] { "{{ section.html | raw }}" });
        uses.Count.ShouldBe(2); // the shared part.html.sbn and the city form's own page
    }
}
