using Publishing.Content;
using Publishing.Diagnostics;

namespace Publishing.Tests.Checks;

/// <summary>Each CSV is parsed once (CsvTableReader); every cell keeps where each of its characters was written.</summary>
public sealed class CsvCellPositionTests
{
    [Fact]
    public void Cells_know_where_each_character_was_written_through_quotes_and_line_breaks()
    {
        var diagnostics = new DiagnosticBag();
        var table = CsvTableReader.Read("\n编码,名称,目标\nA1,\"甲,\"\"乙\"\"\",\"第一行\n第二行明感\"\nA2,丙,丁\n", "t.csv", diagnostics).ShouldNotBeNull();
        diagnostics.Items.ShouldBeEmpty();
        (table.Header[2].Name, table.Header[2].Line, table.Header[2].Column).ShouldBe(("目标", 2, 7));

        var name = table.Rows[0].Cells[1];
        name.Text.ShouldBe("甲,\"乙\"");
        (name.At(0).Line, name.At(0).Column).ShouldBe((3, 5));
        (name.At(3).Line, name.At(3).Column).ShouldBe((3, 9)); // 乙, after the doubled quote

        var goal = table.Rows[0].Cells[2];
        var index = goal.Text.IndexOf("明感", StringComparison.Ordinal);
        (goal.At(index).Line, goal.At(index).Column).ShouldBe((4, 4));

        table.Rows[1].Line.ShouldBe(5); // line 4 continues the record of line 3
        (table.Rows[1].Cells[2].Text, table.Rows[1].Cells[2].Column).ShouldBe(("丁", 6));
    }

    [Fact]
    public void Leading_spaces_are_trimmed_from_the_text_but_not_from_the_positions()
    {
        var table = CsvTableReader.Read("a,b\n1,  错字\n", "t.csv", new DiagnosticBag()).ShouldNotBeNull();
        var cell = table.Rows[0].Cells[1];
        cell.Text.ShouldBe("错字");
        cell.At(0).Column.ShouldBe(5);
    }

    [Fact]
    public void An_unclosed_quote_is_located_at_the_cell_where_the_quote_opens()
    {
        var diagnostics = new DiagnosticBag();
        CsvTableReader.Read("编码,名称,目标\nA1,甲,乙\nA2,\"丙,丁\nA3,戊,己\n", "t.csv", diagnostics);
        var error = diagnostics.Items.ShouldHaveSingleItem();
        error.Code.ShouldBe(DiagnosticCodes.CsvMalformedQuote);
        (error.Line, error.Column).ShouldBe((3, 4));
    }

    [Fact]
    public void Checks_read_positions_from_the_model_not_from_the_file()
    {
        // The document is loaded, then its CSV is deleted: a typo in a cell is still found at its column.
        using var document = new TinyDocument(new Dictionary<string, string>
        {
            ["data/indicators.csv"] = TinyDocument.BaseIndicators.Replace("全年接待群众来访批次", "全年接待明感来访批次"),
        });
        var diagnostics = new DiagnosticBag();
        var loaded = Publishing.Content.DocumentLoader.Load(document.Directory, new Publishing.Forms.FormCatalog(Support.RepoPaths.Templates), diagnostics).ShouldNotBeNull();
        File.Delete(Path.Combine(document.Directory, "data", "indicators.csv"));
        Publishing.Checks.ContentChecks.Run(loaded, new Publishing.Checks.CheckContext(Support.RepoPaths.Templates), diagnostics);
        var typo = diagnostics.Items.Single(d => d.Code == DiagnosticCodes.Typo);
        (typo.Line, typo.Column).ShouldBe((2, 27)); // P001,产出指标,数量指标,接待来访批次, is 22 characters; 明 is the 5th of its cell
    }
}
