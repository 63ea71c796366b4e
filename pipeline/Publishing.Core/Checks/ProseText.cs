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

    /// <summary>The CSV columns whose cells are prose, per table.</summary>
    public static readonly string[] ProjectTextColumns = { "项目名称", "单位名称", "资金用途", "绩效目标" };
    public static readonly string[] IndicatorTextColumns = { "三级指标", "绩效指标描述", "指标值确定依据" };

    /// <summary>Every prose text of the document: the narrative's blocks, then the projects' and indicators' text cells.</summary>
    public static IEnumerable<ProseText> Of(PublishingDocument document)
    {
        foreach (var section in document.Sections)
            foreach (var block in section.TextBlocks)
                yield return new ProseText(block.Text, block.At);

        foreach (var project in document.Projects)
        {
            foreach (var column in ProjectTextColumns)
                if (project.Cells.TryGetValue(column, out var cell))
                    yield return new ProseText(cell.Text, cell.At);
            foreach (var indicator in project.Indicators)
                foreach (var column in IndicatorTextColumns)
                    if (indicator.Cells.TryGetValue(column, out var cell))
                        yield return new ProseText(cell.Text, cell.At);
        }
    }
}
