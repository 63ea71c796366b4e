using Publishing.Diagnostics;
using Publishing.Text;

namespace Publishing.Content;

/// <summary>
/// The columns a CSV file must or may have, matched against its header: missing, unknown (with the
/// nearest known name suggested) and duplicate columns are reported at the header line.
/// </summary>
public sealed class CsvColumns
{
    private readonly string[] _required;
    private readonly string[] _optional;

    public CsvColumns(string[] required, string[]? optional = null)
    {
        _required = required;
        _optional = optional ?? Array.Empty<string>();
    }

    public IEnumerable<string> Known => _required.Concat(_optional);

    /// <summary>What requires a column, said after "缺少必需的列" (the form.yaml line); nothing when null.</summary>
    public Func<string, (string Form, int Line)?>? RequiredBy { get; init; }

    /// <summary>Maps each known column name to its field index; null when a required column is missing.</summary>
    public IReadOnlyDictionary<string, int>? Match(CsvTable table, DiagnosticBag diagnostics)
    {
        var map = new Dictionary<string, int>();
        foreach (var cell in table.Header)
        {
            if (cell.Name.Length == 0) continue;
            if (map.ContainsKey(cell.Name))
            {
                diagnostics.Add(DiagnosticCatalog.CsvDuplicateColumn.At(table.Path, cell.Line, cell.Column, ("column", cell.Name)));
                continue;
            }
            if (!Known.Contains(cell.Name))
            {
                var nearest = Nearest(cell.Name);
                diagnostics.Add(nearest is null
                    ? DiagnosticCatalog.CsvUnknownColumn["listed"].At(table.Path, cell.Line, cell.Column, ("column", cell.Name), ("known", Known))
                    : DiagnosticCatalog.CsvUnknownColumn["near"].At(table.Path, cell.Line, cell.Column, ("column", cell.Name), ("nearest", nearest)));
                continue;
            }
            map[cell.Name] = cell.Index;
        }

        var complete = true;
        foreach (var name in _required.Where(n => !map.ContainsKey(n)))
        {
            diagnostics.Add(RequiredBy?.Invoke(name) is { } by
                ? DiagnosticCatalog.CsvMissingColumn["column-of-form"].At(table.Path, 1, 1, ("column", name), ("form", by.Form), ("line", by.Line))
                : DiagnosticCatalog.CsvMissingColumn["column"].At(table.Path, 1, 1, ("column", name)));
            complete = false;
        }
        return complete ? map : null;
    }

    private string? Nearest(string name)
    {
        var best = Known.Select(k => (Name: k, Distance: EditDistance.Between(name, k))).MinBy(x => x.Distance);
        return best.Name is not null && best.Distance <= Math.Max(2, best.Name.Length / 2) ? best.Name : null;
    }
}
