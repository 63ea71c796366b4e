using AngleSharp.Html.Parser;
using Publishing.Tests.Support;

namespace Publishing.Tests.Site;

/// <summary>
/// What changed since the previous draft: in a copy of the sample, one indicator value and one sentence
/// change between two builds into the same output folder; the change page lists exactly those two.
/// </summary>
public sealed class ChangePageTests
{
    private const string Sentence = "为营造良好的社会环境，确保社会和谐稳定";
    private const string NewSentence = "为营造安定有序的社会环境，确保社会和谐稳定";

    [Fact]
    public void The_change_page_lists_exactly_the_changed_sentence_and_indicator_value()
    {
        var (content, document) = RepoPaths.CopyOfSample();
        var output = RepoPaths.NewTempDirectory("site");
        Build(content, output);
        var first = Parse(Path.Combine(output, "doc", "changes.html"));
        first.QuerySelector(".draft-stamp")!.TextContent.ShouldContain("第一稿");

        Edit(Path.Combine(document, "sections", "03-safeguards.md"), Sentence, NewSentence);
        Edit(Path.Combine(document, "data", "indicators.csv"), "服务对象满意度指标,≥90 百分比", "服务对象满意度指标,≥95 百分比");
        Build(content, output);

        var page = Parse(Path.Combine(output, "doc", "changes.html"));
        var sections = page.QuerySelectorAll("article.section-change");
        sections.Select(s => s.Id).ShouldBe(new[] { "change-三工作保障措施" });
        var diff = sections[0].QuerySelectorAll("p.diff").ShouldHaveSingleItem();
        diff.QuerySelectorAll("del").Select(d => d.TextContent).ShouldBe(new[] { "良好" });
        diff.QuerySelectorAll("ins").Select(i => i.TextContent).ShouldBe(new[] { "安定有序" });
        diff.TextContent.ShouldContain("社会环境，确保社会和谐稳定");

        var value = page.QuerySelectorAll("tr.value-change").ShouldHaveSingleItem();
        value.QuerySelectorAll("th, td").Select(c => c.TextContent).ShouldBe(new[]
        {
            "信访维稳公用经费", "满意度指标 / 服务对象满意度指标 / 服务对象满意度", "指标值", "≥90 百分比", "≥95 百分比",
        });
        page.QuerySelector("section.added-removed").ShouldBeNull();
        page.QuerySelector(".draft-stamp")!.TextContent.ShouldContain("2 处变化");

        // The document page marks the changed section and project, nothing else; the index marks the document.
        var html = Parse(Path.Combine(output, "doc", "index.html"));
        html.QuerySelectorAll(".changed").Select(e => e.Id).ShouldBe(new[] { "三工作保障措施", "project-13082121P45WZGGZ5EGH4" });
        Parse(Path.Combine(output, "index.html")).QuerySelector("a.change-mark")!.TextContent.ShouldBe("● 2 处");
    }

    [Fact]
    public void Rebuilding_unchanged_content_keeps_showing_the_changes_since_the_draft_before()
    {
        var (content, document) = RepoPaths.CopyOfSample();
        var output = RepoPaths.NewTempDirectory("site");
        Build(content, output);
        Edit(Path.Combine(document, "sections", "03-safeguards.md"), Sentence, NewSentence);
        Build(content, output);
        Build(content, output);
        Parse(Path.Combine(output, "doc", "changes.html")).QuerySelectorAll("article.section-change").Length.ShouldBe(1);
    }

    [Fact]
    public void Since_compares_with_the_content_at_a_git_revision()
    {
        var (content, document) = RepoPaths.CopyOfSample();
        GitCommand.Run(content, "init", "-q");
        GitCommand.Run(content, "add", ".");
        GitCommand.Run(content, "commit", "-q", "-m", "first draft");
        Edit(Path.Combine(document, "data", "indicators.csv"), "服务对象满意度指标,≥90 百分比", "服务对象满意度指标,≥95 百分比");
        var output = RepoPaths.NewTempDirectory("site");

        var result = PublishingCommand.Run("build", content, "--out", output, "--format", "html", "--templates", RepoPaths.Templates, "--since", "HEAD");
        result.ExitCode.ShouldBe(0, result.Stderr);
        var page = Parse(Path.Combine(output, "doc", "changes.html"));
        page.QuerySelectorAll("tr.value-change").Length.ShouldBe(1);
        page.QuerySelector(".draft-stamp")!.TextContent.ShouldContain("修订 HEAD");
        Parse(Path.Combine(output, "doc", "index.html")).QuerySelector(".draft-stamp")!.TextContent.ShouldMatch(@".*修订 [0-9a-f]{7,}\+.*");

        var unknown = PublishingCommand.Run("build", content, "--out", output, "--format", "html", "--templates", RepoPaths.Templates, "--since", "no-such-rev");
        unknown.ExitCode.ShouldBe(1);
        unknown.DiagnosticLines.Where(l => l.Contains(": error ")).ShouldHaveSingleItem().ShouldContain("error PUB5002: --since no-such-rev：git 中没有修订“no-such-rev”");
    }

    private static void Build(string content, string output)
    {
        var result = PublishingCommand.Run("build", content, "--out", output, "--format", "html", "--templates", RepoPaths.Templates);
        result.ExitCode.ShouldBe(0, result.Stderr);
    }

    private static void Edit(string path, string from, string to)
    {
        var text = File.ReadAllText(path);
        text.ShouldContain(from);
        File.WriteAllText(path, text.Replace(from, to));
    }

    private static AngleSharp.Html.Dom.IHtmlDocument Parse(string path) => new HtmlParser().ParseDocument(File.ReadAllText(path));
}

/// <summary>The comparison works from the form's columns, whatever they are.</summary>
public sealed class ChangeDetectorTests
{
    [Fact]
    public void A_column_only_some_forms_have_is_compared_and_located_by_project_and_indicator()
    {
        static Publishing.Changes.DocumentSnapshot Draft(string standard, string unit) => new("t", null,
            Array.Empty<Publishing.Changes.SectionSnapshot>(),
            new[]
            {
                new Publishing.Changes.ProjectSnapshot("P1", "project-P1", "项目一", new Dictionary<string, string> { ["预算数"] = "10.00" },
                    new[]
                    {
                        new Publishing.Changes.IndicatorSnapshot("产出指标", "数量指标", "培训人次",
                            new Dictionary<string, string> { ["指标值"] = "≥100", ["绩效标准"] = standard, ["计量单位"] = unit }),
                    }),
            });

        var changes = Publishing.Changes.ChangeDetector.Compare(Draft("计划标准", "人次"), Draft("行业标准", "人次"), "上一稿");

        var change = changes.Values.ShouldHaveSingleItem();
        change.ShouldBe(new Publishing.Changes.ValueChange("project-P1", "项目一", "产出指标 / 数量指标 / 培训人次", "绩效标准", "计划标准", "行业标准"));
        changes.Sections.ShouldBeEmpty();
        changes.AddedOrRemoved.ShouldBeEmpty();
    }
}
