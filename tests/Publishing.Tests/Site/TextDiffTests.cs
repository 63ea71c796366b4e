using System.Text;
using Publishing.Changes;
using Publishing.Tests.Support;

namespace Publishing.Tests.Site;

/// <summary>
/// The change page's text diff is bounded by the text's length: paragraphs, then sentences, then the characters of
/// the sentences that changed, within a budget; a paragraph rewritten throughout is shown whole ("段落已改写").
/// A 1 MB paragraph with a previous draft took over ten minutes with a character diff of whole paragraphs.
/// </summary>
public sealed class TextDiffTests
{
    private const string Sentence = "为营造良好的社会环境，确保社会和谐稳定。";
    private const string Changed = "为营造安定有序的社会环境，确保社会和谐稳定。";

    /// <summary>A paragraph of about <paramref name="characters"/> characters: numbered sentences, the one at <paramref name="middle"/> given.</summary>
    private static string Paragraph(int characters, string middle, int seed = 0)
    {
        var text = new StringBuilder();
        var count = characters / 24;
        for (var i = 0; i < count; i++) text.Append(i == count / 2 ? middle : $"第{i + seed}项工作按计划推进并完成。");
        return text.ToString();
    }

    [Theory]
    [InlineData(200_000)]
    [InlineData(512 * 1024)]
    [InlineData(1024 * 1024)]
    public void One_changed_sentence_in_a_huge_paragraph_is_marked_character_by_character(int characters)
    {
        var before = Paragraph(characters, Sentence);
        var after = Paragraph(characters, Changed);

        var paragraph = TextDiff.Paragraphs(before, after).ShouldHaveSingleItem();

        paragraph.Rewritten.ShouldBeFalse();
        paragraph.Runs.Select(r => r.Kind).ShouldBe(new[] { RunKind.Same, RunKind.Deleted, RunKind.Inserted, RunKind.Same });
        paragraph.Runs[1].Text.ShouldBe("良好");
        paragraph.Runs[2].Text.ShouldBe("安定有序");
        Old(paragraph).ShouldBe(before);
        New(paragraph).ShouldBe(after);
    }

    [Fact]
    public void A_huge_paragraph_rewritten_throughout_is_shown_whole_old_and_new()
    {
        var before = Paragraph(1024 * 1024, Sentence);
        var after = Paragraph(1024 * 1024, Sentence, seed: 1_000_000);   // every sentence differs

        var paragraph = TextDiff.Paragraphs("第一段。\n" + before, "第一段。\n" + after).ShouldHaveSingleItem();

        paragraph.Rewritten.ShouldBeTrue();
        paragraph.Runs.ShouldBe(new[] { new DiffRun(RunKind.Deleted, before), new DiffRun(RunKind.Inserted, after) });
    }

    [Fact]
    public void A_long_paragraph_without_punctuation_is_still_compared_in_pieces_that_an_insertion_does_not_shift()
    {
        var random = new Random(7);
        var before = new string(Enumerable.Range(0, 200_000).Select(_ => (char)('一' + random.Next(3000))).ToArray());
        var after = before[..100] + "新增" + before[100..150_000] + before[150_003..];

        var paragraph = TextDiff.Paragraphs(before, after).ShouldHaveSingleItem();

        paragraph.Rewritten.ShouldBeFalse();
        paragraph.Runs.Where(r => r.Kind == RunKind.Inserted).Select(r => r.Text).ShouldBe(new[] { "新增" });
        paragraph.Runs.Where(r => r.Kind == RunKind.Deleted).Select(r => r.Text).ShouldBe(new[] { before[150_000..150_003] });
        Old(paragraph).ShouldBe(before);
        New(paragraph).ShouldBe(after);
    }

    [Fact]
    public void Thousands_of_changed_paragraphs_in_a_section_are_each_shown_and_the_rest_left_out()
    {
        var before = Enumerable.Range(0, 20_000).Select(i => $"第{i}段，负责接待群众来访。").ToList();
        var after = before.Select((p, i) => i % 10 == 0 ? p.Replace("接待", "接待和办理") : p).ToList();

        var paragraphs = TextDiff.Paragraphs(string.Join('\n', before), string.Join('\n', after));

        paragraphs.Count.ShouldBe(2_000);
        paragraphs.ShouldAllBe(p => !p.Rewritten && p.Runs.Count(r => r.Kind == RunKind.Inserted) == 1);
        paragraphs.Select(p => p.Runs.Single(r => r.Kind == RunKind.Inserted).Text).Distinct().ShouldBe(new[] { "和办理" });
    }

    /// <summary>
    /// Ordinary edits of the sample's paragraphs (a word replaced, added, removed in one or two sentences) are marked
    /// as the character diff of whole paragraphs (DiffPlex) marked them before: the same characters deleted and
    /// inserted, none more (both are minimal; where two places are equally short, the marks may sit at either).
    /// </summary>
    [Fact]
    public void Ordinary_edits_are_marked_as_the_whole_paragraph_character_diff_marked_them()
    {
        var paragraphs = Directory.GetFiles(Path.Combine(RepoPaths.Sample, "sections"), "*.md")
            .SelectMany(File.ReadAllLines).Where(l => l.Length > 30 && !l.StartsWith('#')).ToList();
        paragraphs.Count.ShouldBeGreaterThan(10);
        var random = new Random(19);
        var compared = 0;
        var same = 0;
        foreach (var paragraph in paragraphs)
            for (var edit = 0; edit < 5; edit++)
            {
                var changed = paragraph;
                for (var n = 0; n <= edit % 2; n++)
                {
                    var at = random.Next(changed.Length - 4);
                    changed = (edit % 3) switch
                    {
                        0 => changed[..at] + "有关" + changed[(at + 2)..],
                        1 => changed[..at] + "进一步" + changed[at..],
                        _ => changed[..at] + changed[(at + 3)..],
                    };
                }
                if (changed == paragraph) continue;
                var runs = TextDiff.Paragraphs(paragraph, changed).ShouldHaveSingleItem().Runs;
                var before = DiffPlexRuns(paragraph, changed);
                foreach (var kind in new[] { RunKind.Deleted, RunKind.Inserted })
                    runs.Where(r => r.Kind == kind).Sum(r => r.Text.Length).ShouldBe(before.Where(r => r.Kind == kind).Sum(r => r.Text.Length), $"{paragraph} → {changed}");
                string.Concat(runs.Where(r => r.Kind != RunKind.Inserted).Select(r => r.Text)).ShouldBe(paragraph);
                string.Concat(runs.Where(r => r.Kind != RunKind.Deleted).Select(r => r.Text)).ShouldBe(changed);
                if (runs.SequenceEqual(before)) same++;
                compared++;
            }
        compared.ShouldBeGreaterThan(50);
        same.ShouldBeGreaterThan(compared * 8 / 10, "most edits are marked at the very same places");
    }

    [Fact]
    public void A_rewritten_paragraph_shows_on_the_change_page_as_rewritten_with_its_old_and_new_text_whole()
    {
        var changes = new ChangeSet("上一稿", [new SectionChange("s1", "一、总体目标", ChangeKind.Modified,
            [new DiffParagraph([new DiffRun(RunKind.Deleted, "旧的<段落>。"), new DiffRun(RunKind.Inserted, "新的段落。")], Rewritten: true)])], [], []);
        var diagnostics = new Publishing.Diagnostics.DiagnosticBag();

        var html = Publishing.Site.ChangePage.Render("标题", changes, new Publishing.Site.SiteTemplates(RepoPaths.Templates), diagnostics);

        diagnostics.Items.ShouldBeEmpty();
        var paragraph = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html!).QuerySelector("article.section-change p.diff")!;
        paragraph.Children.Select(c => (c.LocalName, c.TextContent)).ShouldBe(new[] { ("span", "段落已改写"), ("del", "旧的<段落>。"), ("ins", "新的段落。") });
        paragraph.Children[0].ClassName.ShouldBe("diff-note");
    }

    [Fact]
    public void A_build_with_a_previous_draft_marks_one_edit_in_a_200000_character_paragraph()
    {
        var content = RepoPaths.NewTempDirectory("content");
        var document = Path.Combine(content, "doc");
        RepoPaths.CopyDirectory(Path.Combine(RepoPaths.Root, "tests", "Publishing.Tests", "Corpus", "_base"), document);
        var section = Path.Combine(document, "sections", "01.md");
        File.AppendAllText(section, "\n" + Paragraph(200_000, Sentence) + "\n");
        var output = RepoPaths.NewTempDirectory("out");
        Build();
        File.WriteAllText(section, File.ReadAllText(section).Replace(Sentence, Changed));
        Build();

        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(output, "doc", "changes.html")));
        var paragraph = page.QuerySelectorAll("p.diff").ShouldHaveSingleItem();
        paragraph.QuerySelectorAll("del").Select(d => d.TextContent).ShouldBe(new[] { "良好" });
        paragraph.QuerySelectorAll("ins").Select(d => d.TextContent).ShouldBe(new[] { "安定有序" });
        paragraph.QuerySelector(".diff-note").ShouldBeNull();

        void Build()
        {
            var run = PublishingCommand.Run("build", content, "--out", output, "--format", "html", "--templates", RepoPaths.Templates);
            run.ExitCode.ShouldBe(0, run.Stderr);
        }
    }

    private static List<DiffRun> DiffPlexRuns(string before, string after)
    {
        var runs = new List<DiffRun>();
        var a = 0;
        foreach (var block in DiffPlex.Differ.Instance.CreateCharacterDiffs(before, after, false).DiffBlocks)
        {
            Add(RunKind.Same, before[a..block.DeleteStartA]);
            Add(RunKind.Deleted, before.Substring(block.DeleteStartA, block.DeleteCountA));
            Add(RunKind.Inserted, after.Substring(block.InsertStartB, block.InsertCountB));
            a = block.DeleteStartA + block.DeleteCountA;
        }
        Add(RunKind.Same, before[a..]);
        return runs;

        void Add(RunKind kind, string text)
        {
            if (text.Length > 0) runs.Add(new DiffRun(kind, text));
        }
    }

    private static string Old(DiffParagraph paragraph) => string.Concat(paragraph.Runs.Where(r => r.Kind != RunKind.Inserted).Select(r => r.Text));

    private static string New(DiffParagraph paragraph) => string.Concat(paragraph.Runs.Where(r => r.Kind != RunKind.Deleted).Select(r => r.Text));
}
