using Publishing.Model;

namespace Publishing.Checks;

/// <summary>
/// A piece of prose the text checks read: one Markdown block or one CSV cell, with the source position
/// of each character.
/// </summary>
public sealed class ProseText
{
    private readonly Func<int, SourceLocation> _at;

    public ProseText(string text, Func<int, SourceLocation> at)
    {
        Text = text;
        _at = at;
    }

    public string Text { get; }
    public SourceLocation At(int index) => _at(index);

    /// <summary>Every prose text of the document: the narrative's blocks, then the CSV cells of the columns the
    /// form declares as text (项目名称, 资金用途, 三级指标, 指标解释 …), table by table.</summary>
    public static IEnumerable<ProseText> Of(PublishingDocument document)
    {
        foreach (var section in document.Sections)
            foreach (var block in section.TextBlocks)
                yield return new ProseText(block.Text, block.At);

        var form = document.Form;
        foreach (var part in document.Parts)
        {
            foreach (var project in part.Projects)
            {
                foreach (var text in Prose(project.Cells, form.Table(Form.Projects))) yield return text;
                foreach (var indicator in project.Indicators)
                    foreach (var text in Prose(indicator.Cells, form.Table(Form.Indicators))) yield return text;
            }
            if (part.Department is not { } department) continue;
            foreach (var text in Prose(department.Cells, form.Table(Form.Department))) yield return text;
            foreach (var indicator in department.Indicators)
                foreach (var text in Prose(indicator.Cells, form.Table(Form.DepartmentIndicators))) yield return text;
        }
    }

    private static IEnumerable<ProseText> Prose(IReadOnlyDictionary<string, Cell> cells, FormTable? table)
    {
        if (table is null) yield break;
        foreach (var column in table.Columns.Where(c => c.IsProse))
            if (cells.TryGetValue(column.Name, out var cell) && cell.Text.Length > 0)
                yield return new ProseText(cell.Text, cell.At);
    }
}
