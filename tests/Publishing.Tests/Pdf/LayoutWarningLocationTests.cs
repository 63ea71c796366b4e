using System.Globalization;
using System.Text;
using Publishing.Tests.Support;

namespace Publishing.Tests.Pdf;

/// <summary>
/// Every layout warning is located where the block it is about came from, from the blocks' sources alone (no file is
/// read again): a character no font has (PUB4001), a cell's value with no place to break (PUB4211), a row taller than
/// a page (PUB4212) and a 目录 line whose target is nowhere (PUB4210), each at the character or cell in a Markdown or
/// CSV file (both saved as GB18030, as Excel exports them: the columns are still right), or at the template line that
/// wrote the block.
/// </summary>
public sealed class LayoutWarningLocationTests
{
    private static Encoding Gb18030
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030");
        }
    }

    private const string Missing = "🩰";                                          // in no font we ship
    private const string Unbreakable = "2023070120240101123456789012345678901234";    // no allowed break
    private static readonly string Long = string.Concat(Enumerable.Repeat("信访工作目标管理责任制，", 260));  // taller than a page in a cell

    /// <summary>The column an editor sees (characters, 𠮷 one) where <paramref name="text"/> starts on <paramref name="line"/>.</summary>
    private static int ColumnOf(string line, string text)
    {
        var at = line.IndexOf(text, StringComparison.Ordinal);
        at.ShouldBeGreaterThanOrEqualTo(0, $"“{text}” in “{line}”");
        return new StringInfo(line[..at]).LengthInTextElements + 1;
    }

    private static List<string> Build(string content, string templates)
    {
        var result = PublishingCommand.Run("build", content, "--out", RepoPaths.NewTempDirectory("artifacts"), "--templates", templates, "--format", "pdf");
        result.ExitCode.ShouldBe(0, result.Stderr);
        return result.DiagnosticLines.Where(l => l.Contains(": warning PUB4", StringComparison.Ordinal) && !l.Contains("PUB4201")).ToList();
    }

    private static void ShouldHave(List<string> warnings, string location, string code, string? text = null) =>
        warnings.ShouldContain(l => l.Contains($"{location}: warning {code}", StringComparison.Ordinal) && (text == null || l.Contains(text, StringComparison.Ordinal)),
            $"{location} {code} {text}\n{string.Join("\n", warnings)}");

    [Fact]
    public void Warnings_about_Markdown_blocks_point_at_the_character_or_cell_in_a_GB18030_file()
    {
        var (content, document) = RepoPaths.CopyOfSample();
        var section = Path.Combine(document, "sections", "02-itemized-goals.md");
        var lines = File.ReadAllLines(section).ToList();
        lines[4] = lines[4].Replace("抓好信访工作，努力", "抓好信访工作𠮷，努力" + Missing);      // a paragraph, 𠮷 one column before it
        var unbreakable = string.Concat(Enumerable.Repeat(Unbreakable, 3));                   // wider than the text block
        lines.AddRange(["", "| 项目 | 说明 |", "| --- | --- |", $"| 期限 | {unbreakable} |", $"| 内容 | {Long} |"]);
        File.WriteAllBytes(section, Gb18030.GetBytes(string.Join("\n", lines) + "\n"));
        var path = Diagnostics.DisplayPaths.For(section);

        var warnings = Build(content, RepoPaths.Templates);

        ShouldHave(warnings, $"{path}(5,{ColumnOf(lines[4], Missing)})", "PUB4001", "U+1FA70");
        var cut = lines.FindIndex(l => l.Contains(unbreakable, StringComparison.Ordinal));
        ShouldHave(warnings, $"{path}({cut + 1},{ColumnOf(lines[cut], unbreakable)})", "PUB4211", Unbreakable[..20]);
        var tall = lines.FindIndex(l => l.Contains(Long, StringComparison.Ordinal));
        ShouldHave(warnings, $"{path}({tall + 1},{ColumnOf(lines[tall], Long)})", "PUB4212", Long[..10]);
        warnings.ShouldAllBe(l => !l.StartsWith("index.html", StringComparison.Ordinal) && !l.Contains("(0,", StringComparison.Ordinal));
    }

    [Fact]
    public void Warnings_about_CSV_cells_point_at_the_cell_or_character_in_a_GB18030_file()
    {
        var (content, document) = RepoPaths.CopyOfSample();
        var csv = Path.Combine(document, "data", "indicators.csv");
        var lines = File.ReadAllLines(csv).ToList();
        lines[2] = lines[2].Replace("年度工作计划", Unbreakable);                            // row 3: a value with no break
        lines[3] = lines[3].Replace("在活动期间", "在活动𠮷期间" + Missing);                   // row 4: a character no font has
        lines[4] = lines[4].Replace("年度工作计划", Long);                                   // row 5: a cell taller than a page
        File.WriteAllBytes(csv, Gb18030.GetBytes(string.Join("\r\n", lines) + "\r\n"));
        var path = Diagnostics.DisplayPaths.For(csv);

        var warnings = Build(content, RepoPaths.Templates);

        ShouldHave(warnings, $"{path}(3,{ColumnOf(lines[2], Unbreakable)})", "PUB4211", Unbreakable[..20]);
        ShouldHave(warnings, $"{path}(4,{ColumnOf(lines[3], Missing)})", "PUB4001", "U+1FA70");
        ShouldHave(warnings, $"{path}(5,{ColumnOf(lines[4], Long)})", "PUB4212", Long[..10]);
    }

    [Fact]
    public void Warnings_about_what_a_template_wrote_point_at_its_line()
    {
        var templates = RepoPaths.TemplatesWithThemeLine("theme", "theme");
        var table = Path.Combine(templates, "partials", "indicator-table.html.sbn");
        var tableLines = File.ReadAllLines(table).ToList();
        var header = tableLines.FindIndex(l => l.StartsWith("<tr><th>一级指标</th>", StringComparison.Ordinal));
        tableLines[header] = tableLines[header].Replace("<th>一级指标</th>", $"<th>一级指标{Missing}</th>").Replace("<th>指标值</th>", $"<th>指标值{Unbreakable}</th>");
        File.WriteAllLines(table, tableLines);
        var toc = Path.Combine(templates, "partials", "toc.html.sbn");
        var tocLines = File.ReadAllLines(toc).ToList();
        var entry = tocLines.FindIndex(l => l.Contains("<a href=\"#{{ section.id }}\">", StringComparison.Ordinal));
        tocLines[entry] = tocLines[entry].Replace("#{{ section.id }}", "#gone-{{ section.id }}");
        File.WriteAllLines(toc, tocLines);
        var cover = Path.Combine(templates, "partials", "cover.html.sbn");
        File.WriteAllText(cover, File.ReadAllText(cover).Replace("{{ meta.department }}</p>", "{{ meta.department }}{{ for i in 1..200 }}以及所属的各个单位{{ end }}</p>"));
        var (content, _) = RepoPaths.CopyOfSample();

        var warnings = Build(content, templates);

        ShouldHave(warnings, $"{Diagnostics.DisplayPaths.For(table)}({header + 1},1)", "PUB4001", "U+1FA70");
        ShouldHave(warnings, $"{Diagnostics.DisplayPaths.For(table)}({header + 1},1)", "PUB4211", Unbreakable[..20]);
        ShouldHave(warnings, $"{Diagnostics.DisplayPaths.For(toc)}({entry + 1},1)", "PUB4210", "#gone-");
        ShouldHave(warnings, $"{Diagnostics.DisplayPaths.For(cover)}(1,1)", "PUB4212", "封面");
    }
}
