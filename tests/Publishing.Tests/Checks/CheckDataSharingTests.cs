using Publishing.Checks;
using Publishing.Diagnostics;
using Publishing.Tests.Support;

namespace Publishing.Tests.Checks;

/// <summary>A run over many documents reads the checks' data files once, and each document still hears of their problems.</summary>
public class CheckDataSharingTests
{
    [Fact]
    public void The_typo_list_is_read_once_and_its_problems_reach_every_document()
    {
        var templates = RepoPaths.NewTempDirectory("templates");
        Directory.CreateDirectory(Path.Combine(templates, "checks"));
        var typos = Path.Combine(templates, "checks", "typos.txt");
        File.WriteAllText(typos, "明感 → 敏感\n这一行没有箭头\n");
        var data = new CheckData(templates);

        var first = new DiagnosticBag();
        data.Typos(first).Select(t => t.Wrong).ShouldBe(new[] { "明感" });
        File.WriteAllText(typos, "提动 → 推动\n");   // changed after the run began: the run keeps what it read
        var second = new DiagnosticBag();
        data.Typos(second).Select(t => t.Wrong).ShouldBe(new[] { "明感" });

        first.Items.ShouldHaveSingleItem().Line.ShouldBe(2);
        second.Items.ShouldBe(first.Items);
        new CheckData(templates).Typos(new DiagnosticBag()).Select(t => t.Wrong).ShouldBe(new[] { "提动" });
    }
}
