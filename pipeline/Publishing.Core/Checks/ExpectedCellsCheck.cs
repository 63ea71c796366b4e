using Publishing.Diagnostics;
using Publishing.Model;

namespace Publishing.Checks;

/// <summary>
/// PUB2036: a column the form marks required: expected should be filled: each empty cell is a warning at its
/// place (never blocks the draft), and a file without the column one warning at its header.
/// </summary>
public sealed class ExpectedCellsCheck : IContentCheck
{
    public string Name => CheckRegistry.ExpectedCells;

    public void Check(PublishingDocument document, CheckContext context, DiagnosticBag diagnostics)
    {
        var rows = document.Projects.Select(p => (p.Table, p.Cells, p.Source))
            .Concat(document.Indicators.Select(i => (i.Table, i.Cells, i.Source)));
        var missingReported = new HashSet<(string Path, string Column)>();
        foreach (var (table, cells, source) in rows)
            foreach (var column in table.Columns.Where(c => c.Expected))
            {
                if (!cells.TryGetValue(column.Name, out var cell))
                {
                    if (missingReported.Add((source.Path, column.Name)))
                        diagnostics.Warning(DiagnosticCodes.ExpectedCellEmpty, source.Path, 1, 1,
                            $"表中没有“{column.Name}”列：表单（{document.Form.SourcePath} 第 {column.Line} 行）要求应填这一列。");
                    continue;
                }
                if (cell.Text.Length == 0)
                    diagnostics.Warning(DiagnosticCodes.ExpectedCellEmpty, cell.Path, cell.Line, cell.Column,
                        $"“{column.Name}”空着：表单（{document.Form.SourcePath} 第 {column.Line} 行）要求应填这一列（required: expected）。");
            }
    }
}
