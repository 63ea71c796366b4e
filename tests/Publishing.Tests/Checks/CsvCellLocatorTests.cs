using Publishing.Checks;

namespace Publishing.Tests.Checks;

public sealed class CsvCellLocatorTests
{
    [Fact]
    public void Cells_know_where_each_character_was_written_through_quotes_and_line_breaks()
    {
        var path = Path.Combine(Path.GetTempPath(), $"locator-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "\n编码,名称,目标\nA1,\"甲,\"\"乙\"\"\",\"第一行\n第二行明感\"\nA2,丙,丁\n");
        try
        {
            var locator = new CsvCellLocator();
            var name = locator.Find(path, 3, "名称").ShouldNotBeNull();
            name.Text.ShouldBe("甲,\"乙\"");
            (name.At(0).Line, name.At(0).Column).ShouldBe((3, 5));
            (name.At(3).Line, name.At(3).Column).ShouldBe((3, 9)); // 乙, after the doubled quote

            var goal = locator.Find(path, 3, "目标").ShouldNotBeNull();
            var index = goal.Text.IndexOf("明感", StringComparison.Ordinal);
            (goal.At(index).Line, goal.At(index).Column).ShouldBe((4, 4));

            locator.Find(path, 5, "目标")!.Text.ShouldBe("丁");
            locator.Find(path, 4, "目标").ShouldBeNull(); // line 4 continues the record of line 3
            locator.Find(path, 3, "没有这列").ShouldBeNull();
        }
        finally
        {
            File.Delete(path);
        }
    }
}
