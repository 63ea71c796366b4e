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
                        diagnostics.Add(DiagnosticCatalog.ExpectedCellEmpty["no-column"].At(source.Path, 1, 1,
                            ("column", column.Name), ("form", document.Form.SourcePath), ("line", column.Line)));
                    continue;
                }
                if (cell.Text.Length == 0)
                    diagnostics.Add(DiagnosticCatalog.ExpectedCellEmpty["empty"].At(cell.Path, cell.Line, cell.Column,
                        ("column", column.Name), ("form", document.Form.SourcePath), ("line", column.Line)));
            }
    }
}
