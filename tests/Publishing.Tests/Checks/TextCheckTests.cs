using Publishing.Checks;
using Publishing.Diagnostics;
using Publishing.Tests.Support;

namespace Publishing.Tests.Checks;

public sealed class TextCheckTests
{
    private static IReadOnlyList<Diagnostic> Check(string paragraph, params string[] codes)
    {
        using var document = new TinyDocument(new Dictionary<string, string> { ["sections/01.md"] = "# 一、标题\n\n" + paragraph + "\n" });
        return document.Validate().Where(d => codes.Contains(d.Code)).ToList();
    }

    [Theory]
    [InlineData("既使困难也要完成。", "既使", "即使")]
    [InlineData("要按步就班推进。", "按步就班", "按部就班")]
    [InlineData("再接再励，争取更好成绩。", "再接再励", "再接再厉")]
    [InlineData("精心布署各项工作。", "布署", "部署")]
    [InlineData("凡是设法涉诉的信访问题。", "设法涉诉", "涉法涉诉")]
    public void Typos_from_the_list_are_reported_with_the_right_form(string text, string wrong, string right)
    {
        var found = Check(text, "PUB3010").ShouldHaveSingleItem();
        found.Message.ShouldContain($"“{wrong}”应为“{right}”");
        found.Column.ShouldBe(text.IndexOf(wrong, StringComparison.Ordinal) + 1);
    }

    [Theory]
    [InlineData("全县工作已强化隐患排查化解为基础，以接访为抓手。", "已强化隐患排查化解为基础，以", "以强化隐患排查化解为基础，以")]
    [InlineData("要认真负责的处理好群众来访。", "认真负责的处理", "认真负责地处理")]
    [InlineData("案件办结率到 100%，息访率达到 80%。", "率到 100%", "率达到 100%")]
    [InlineData("确保不稳定因素的发生。", "确保不稳定因素的发生", "防止不稳定因素的发生")]
    [InlineData("确保在重大时期不出现越级访的发生。", "不出现越级访的发生", "不出现越级访")]
    [InlineData("通过接访、下发、督查等办法。", "接访、下发", "接访、下访")]
    public void Phrasing_slips_are_reported_at_their_first_character_with_the_suggestion(string text, string found, string suggested)
    {
        var diagnostic = Check(text, "PUB3014").ShouldHaveSingleItem();
        diagnostic.Severity.ShouldBe(Severity.Warning);
        diagnostic.Message.ShouldStartWith($"疑似语病：“{found}”宜改为“{suggested}”");
        (diagnostic.Line, diagnostic.Column).ShouldBe((3, text.IndexOf(found, StringComparison.Ordinal) + 1));
    }

    [Theory]
    [InlineData("以强化隐患排查化解为基础，以接访为抓手。")]            // 以…为基础 is right
    [InlineData("该站已成为基础设施，以后继续维护。")]                  // 已成为: 为 belongs to 成为
    [InlineData("已强化排查。以接访为基础，以督查为抓手。")]            // 已 in another sentence
    [InlineData("认真负责的处理态度值得肯定。")]
    [InlineData("确保不发生安全事故，防止不稳定因素的发生。")]
    [InlineData("确保杜绝集体访的发生。")]
    [InlineData("效率到位，办结率达到 100%。")]
    [InlineData("完成率到年底达到 95%。")]
    [InlineData("及时下发文件，做好接访工作。")]
    public void Right_phrasings_near_the_slips_are_not_reported(string text) => Check(text, "PUB3014").ShouldBeEmpty();

    [Fact]
    public void A_gap_does_not_reach_over_a_clause()
    {
        Check("确保安全。不稳定因素的发生要防止。", "PUB3014").ShouldBeEmpty();
        Check("确保" + new string('甲', CheckData.TypoEntry.MaxGap + 1) + "的发生。", "PUB3014").ShouldBeEmpty();
        Check("确保" + new string('甲', CheckData.TypoEntry.MaxGap) + "的发生。", "PUB3014").ShouldHaveSingleItem();
    }

    [Fact]
    public void A_typo_split_over_two_source_lines_is_found_at_its_first_character()
    {
        var found = Check("做好敏感时期和各个明\n感时期的工作。", "PUB3010").ShouldHaveSingleItem();
        (found.Line, found.Column).ShouldBe((3, 10));
    }

    [Fact]
    public void Editors_extend_the_typo_list_and_a_bad_line_is_reported_where_it_is()
    {
        var templates = RepoPaths.NewTempDirectory("publishing-templates");
        try
        {
            RepoPaths.CopyDirectory(RepoPaths.Templates, templates);
            File.AppendAllText(Path.Combine(templates, "checks", "typos.txt"), "\n信防 → 信访\n这一行没有箭头\n");
            using var document = new TinyDocument(new Dictionary<string, string> { ["sections/01.md"] = "# 一、标题\n\n做好信防工作。\n" });
            var diagnostics = document.Validate(templates);
            diagnostics.ShouldContain(d => d.Code == "PUB3010" && d.Message.Contains("“信防”应为“信访”") && d.Line == 3 && d.Column == 3);
            var lines = File.ReadAllLines(Path.Combine(templates, "checks", "typos.txt")).Length;
            diagnostics.ShouldContain(d => d.Code == "PUB4106" && d.Path.EndsWith("/checks/typos.txt", StringComparison.Ordinal) && d.Line == lines);
        }
        finally
        {
            Directory.Delete(templates, recursive: true);
        }
    }

    [Theory]
    [InlineData("督导检查 and 通报工作。", "and", 6)]
    [InlineData("协调or督办。", "or", 3)]
    public void A_lower_case_latin_word_between_chinese_is_reported_at_the_word(string text, string word, int column)
    {
        var found = Check(text, "PUB3011").ShouldHaveSingleItem();
        found.Message.ShouldContain($"“{word}”");
        found.Column.ShouldBe(column);
    }

    [Theory]
    [InlineData("全县 GDP 增长。")]
    [InlineData("开发微信 App 一个。")]
    [InlineData("道路长 10 km，宽 8 m。")]
    [InlineData("详见 `config` 配置。")]
    [InlineData("访问 https://example.com 了解。")]
    public void Acronyms_units_code_and_links_are_not_stray_words(string text) => Check(text, "PUB3011").ShouldBeEmpty();

    [Theory]
    [InlineData("依据《信访条例规定。", "《", 3)]
    [InlineData("坚持“稳字当头。", "“", 3)]
    [InlineData("负责来访（含来信工作。", "（", 5)]
    [InlineData("负责来访含来信）工作。", "）", 8)]
    [InlineData("依据《信访条例”规定。", "《", 3)]
    public void Unbalanced_paired_punctuation_is_reported_where_it_is(string text, string mark, int column)
    {
        Check(text, "PUB3012").ShouldContain(d => d.Column == column && d.Message.Contains(mark));
    }

    [Theory]
    [InlineData("依据《信访条例》（2005年）和“三率”要求。")]
    [InlineData("1）第一项工作。")]
    [InlineData("a) 第一项工作。")]
    public void Balanced_text_and_enumerators_pass(string text) => Check(text, "PUB3012").ShouldBeEmpty();

    [Theory]
    [InlineData("省,市,县", ',', 2)]
    [InlineData("要求;做到", ';', 3)]
    [InlineData("联系人:张三", ':', 4)]
    [InlineData("群众来访(含来信)的接待", '(', 5)]
    public void Half_width_punctuation_between_chinese_is_reported(string text, char mark, int column)
    {
        Check(text, "PUB3013").ShouldContain(d => d.Column == column && d.Message.Contains($"“{mark}”"));
    }

    [Theory]
    [InlineData("上午 10:30 开会。")]
    [InlineData("金额 1,000 万元。")]
    [InlineData("英文 (English) 说明。")]
    public void Half_width_punctuation_next_to_digits_or_latin_passes(string text) => Check(text, "PUB3013").ShouldBeEmpty();

    [Fact]
    public void Csv_text_cells_are_checked_at_their_own_line_and_column()
    {
        using var document = new TinyDocument();
        // The cell is quoted so its comma is text.
        File.WriteAllText(Path.Combine(document.Directory, "data", "indicators.csv"),
            TinyDocument.BaseIndicators.Replace("全年接待群众来访批次", "\"全年接待明感时期,包括 and 来信\""));
        var diagnostics = document.Validate();
        var line = File.ReadAllLines(Path.Combine(document.Directory, "data", "indicators.csv"))[1];
        diagnostics.ShouldContain(d => d.Code == "PUB3010" && d.Path == "data/indicators.csv" && d.Line == 2 && d.Column == line.IndexOf("明感", StringComparison.Ordinal) + 1);
        diagnostics.ShouldContain(d => d.Code == "PUB3011" && d.Line == 2 && d.Column == line.IndexOf("and", StringComparison.Ordinal) + 1);
        diagnostics.ShouldContain(d => d.Code == "PUB3013" && d.Line == 2 && d.Column == line.IndexOf(",包括", StringComparison.Ordinal) + 1);
    }
}

public sealed class TypoExceptionTests
{
    [Theory]
    [InlineData("加强预防犯罪工作。")]
    [InlineData("引进一部分社会资金。")]
    [InlineData("按排名先后顺序办理。")]
    [InlineData("提高财政透明感。")]
    [InlineData("既便于管理，又便于监督。")]
    public void Right_words_that_contain_a_listed_typo_pass(string text)
    {
        using var document = new TinyDocument(new Dictionary<string, string> { ["sections/01.md"] = "# 一、标题\n\n" + text + "\n" });
        document.Validate().Where(d => d.Code == "PUB3010").ShouldBeEmpty();
    }

    [Fact]
    public void The_same_typo_beside_an_exception_is_still_found()
    {
        using var document = new TinyDocument(new Dictionary<string, string> { ["sections/01.md"] = "# 一、标题\n\n预防犯罪，防犯风险。\n" });
        document.Validate().Where(d => d.Code == "PUB3010").ShouldHaveSingleItem().Column.ShouldBe(6);
    }
}
