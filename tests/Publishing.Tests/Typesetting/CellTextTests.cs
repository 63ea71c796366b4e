using Publishing.Layout.Frames;

namespace Publishing.Tests.Typesetting;

/// <summary>
/// Text in table cells as the PDF prints it: a line break typed in a CSV cell stays a line break (the example
/// 整体绩效目标表's 年度绩效目标: 1./2./3. each on its own line), and a header label never breaks inside a word
/// (计量单/位) — on every shipped example and the stress document.
/// </summary>
public class CellTextTests
{
    private static LaidOutDocument Document(string name) => LaidOutDocument.All.Single(d => d.Name == name);

    [Fact]
    public void Line_breaks_typed_in_a_csv_cell_stay_line_breaks()
    {
        var runs = Document("example-department-goals").Layout.Pages.SelectMany(p => p.Runs).ToList();
        var points = new[] { "1. 公共文化场馆", "2. 完成 3 处", "3. 接待游客" }
            .Select(start => runs.SingleOrDefault(r => r.Text.StartsWith(start, StringComparison.Ordinal))).ToList();
        points.ShouldAllBe(r => r != null, "each point starts a line of its own");
        points.Select(r => r!.X).Distinct().Count().ShouldBe(1, "at the cell's left edge");
        points.Select(r => r!.Baseline).ShouldBeInOrder();
        // The stress document's 绩效目标 are typed on two lines of one CSV cell as well.
        Document(LaidOutDocument.All[0].Name).Layout.Pages.SelectMany(p => p.Runs).ShouldContain(r => r.Text == "2. 群众满意度不低于 90%。");
    }

    [Fact]
    public void No_header_label_breaks_inside_a_word()
    {
        var labels = 0;
        foreach (var document in LaidOutDocument.All)
            foreach (var page in document.Layout.Pages)
            {
                // Header labels are the bold runs at the table's size; one wrapped so that a line holds a single character
                // (计量单/位, 指标值类/型) broke inside a word while a two-and-two split (计量/单位) was to be had.
                var header = page.Runs.Where(r => r.Size is > 10 and < 11 && r.Face.Path.Contains("Bold", StringComparison.Ordinal)).ToList();
                labels += header.Count;
                header.ShouldAllBe(r => r.Text.Length > 1 || !char.IsLetter(r.Text[0]),
                    $"{document.Name} page {page.Number}: {string.Join(" | ", header.Select(r => r.Text))}");
            }
        labels.ShouldBeGreaterThan(100);
    }
}
