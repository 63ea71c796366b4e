using AngleSharp.Html.Parser;
using Publishing.Assembly;
using Publishing.Diagnostics;
using Publishing.Model;
using Publishing.Tests.Support;
using Publishing.Theming;

namespace Publishing.Tests.Safety;

/// <summary>
/// Every value the templates write from content goes through html.escape: a model whose every string
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
}
