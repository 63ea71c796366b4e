using Publishing.Diagnostics;

namespace Publishing.Tests.Checks;

public sealed class NumberingCheckTests
{
    private static IReadOnlyList<Diagnostic> Numbering(string markdown)
    {
        using var document = new TinyDocument(new Dictionary<string, string> { ["sections/01.md"] = markdown });
        return document.Validate().Where(d => d.Code is "PUB3002" or "PUB3003").ToList();
    }

    [Fact]
    public void A_gap_is_reported_at_the_number_after_it_naming_what_is_missing()
    {
        var found = Numbering("# 一、标题\n\n（一）甲。\n\n（二）乙。\n\n（五）丙。\n").ShouldHaveSingleItem();
        found.Code.ShouldBe("PUB3002");
        (found.Path, found.Line, found.Column).ShouldBe(("sections/01.md", 7, 1));
        found.Message.ShouldContain("缺少 （三）（四）");
    }

    [Fact]
    public void A_repeat_is_reported()
    {
        var found = Numbering("# 一、标题\n\n1.甲。\n\n2.乙。\n\n2.丙。\n").ShouldHaveSingleItem();
        (found.Code, found.Line).ShouldBe(("PUB3003", 7));
        found.Message.ShouldContain("应为 3.");
    }

    [Fact]
    public void Headings_and_paragraphs_of_one_level_are_one_sequence()
    {
        Numbering("# 一、标题\n\n## （一）甲\n\n正文。\n\n（二）乙。\n\n## （三）丙\n\n正文。\n").ShouldBeEmpty();
        Numbering("# 一、标题\n\n## （一）甲\n\n（三）乙。\n").ShouldHaveSingleItem().Code.ShouldBe("PUB3002");
    }

    [Fact]
    public void A_higher_level_number_starts_the_lower_levels_afresh()
    {
        Numbering("# 一、标题\n\n## 一、甲\n\n（一）a。\n\n（二）b。\n\n## 二、乙\n\n（一）c。\n\n1.d。\n\n2.e。\n\n（二）f。\n\n1.g。\n")
            .ShouldBeEmpty();
    }

    [Fact]
    public void A_heading_without_a_number_starts_afresh_the_numbers_below_it()
    {
        Numbering("# 一、标题\n\n## 工作职责\n\n1.甲。\n\n2.乙。\n\n## 工作要求\n\n1.丙。\n").ShouldBeEmpty();
    }

    [Fact]
    public void Numbers_restarting_under_a_heading_of_the_same_level_are_a_hierarchy_slip()
    {
        var found = Numbering("# 一、标题\n\n## （一）信访事项复查\n\n## （二）联合接访中心\n\n（一）严把受理关。\n\n（二）严把法律关。\n").ShouldHaveSingleItem();
        (found.Code, found.Line).ShouldBe(("PUB3003", 7));
        found.Message.ShouldContain("1. 2.");
    }

    [Fact]
    public void A_section_title_is_not_part_of_the_numbering_inside_its_file()
    {
        // The seed's 三、工作保障措施 has sub-headings 一、…六、: the title is numbered with the other sections' titles.
        Numbering("# 一、工作保障措施\n\n## 工作保障措施\n\n正文。\n\n## 一、总体思路\n\n## 二、重要意义\n").ShouldBeEmpty();
    }

    [Fact]
    public void Each_section_file_is_its_own_scope_and_titles_are_numbered_across_the_part()
    {
        using var document = new TinyDocument(new Dictionary<string, string>
        {
            ["document.yaml"] = File.ReadAllText(Path.Combine(Support.RepoPaths.Root, "tests/Publishing.Tests/Corpus/_base/document.yaml"))
                .Replace("      - sections/01.md\n", "      - sections/01.md\n      - sections/02.md\n      - sections/03.md\n"),
            ["sections/02.md"] = "# 二、分项\n\n（一）甲。\n",
            ["sections/03.md"] = "# 二、保障\n\n（一）乙。\n",
        });
        var found = document.Validate().Where(d => d.Code is "PUB3002" or "PUB3003").ShouldHaveSingleItem();
        (found.Code, found.Path, found.Line).ShouldBe(("PUB3003", "sections/03.md", 1));
    }

    [Fact]
    public void Markdown_ordered_lists_count_with_the_numbers_as_written()
    {
        var found = Numbering("# 一、标题\n\n1. 甲\n2. 乙\n4. 丙\n").ShouldHaveSingleItem();
        (found.Code, found.Line, found.Column).ShouldBe(("PUB3002", 5, 1));
    }

    [Fact]
    public void Numbers_in_tables_and_nested_lists_are_not_part_of_the_sequence()
    {
        Numbering("# 一、标题\n\n1. 甲\n   1. 子项\n   3. 子项\n2. 乙\n\n| 序号 | 事项 |\n|---|---|\n| 3. | 丙 |\n").ShouldBeEmpty();
    }
}
