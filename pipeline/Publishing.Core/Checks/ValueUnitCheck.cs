using Publishing.Diagnostics;
using Publishing.Model;

namespace Publishing.Checks;

/// <summary>
/// PUB2034: in a table with a unit column (role: unit), a value that carries its own unit must carry that one:
/// "28.8万元" with 计量单位 "%" is a slip in one of the two cells. A value without a unit takes the column's.
/// </summary>
public sealed class ValueUnitCheck : IContentCheck
{
    public string Name => CheckRegistry.ValueUnit;

    public void Check(PublishingDocument document, CheckContext context, DiagnosticBag diagnostics)
    {
        foreach (var indicator in document.Indicators)
        {
            if (indicator.Table.WithRole(ColumnRole.Unit) is not { } unitColumn) continue;
            var unit = indicator.Cells.TryGetValue(unitColumn.Name, out var cell) ? cell.Text : "";
            if (unit.Length == 0) continue;
            foreach (var valueColumn in indicator.Table.AllWithRole(ColumnRole.Value))
            {
                if (indicator.Columns.GetValueOrDefault(valueColumn.Name) is not IndicatorValue { Unit: { } own } value) continue;
                if (value.IsPeriod || Units.Same(own, unit)) continue;
                var at = indicator.At(valueColumn.Name);
                diagnostics.Add(DiagnosticCatalog.ValueUnitMismatch.At(at.Path, at.Line, at.Column, ("valueColumn", valueColumn.Name), ("value", value.Text),
                    ("own", own.Trim()), ("unitColumn", unitColumn.Name), ("unit", unit), ("operator", value.Operator), ("number", value.Number)));
            }
        }
    }
}

/// <summary>Units as editors type them: spaces and full-width forms do not make another unit.</summary>
internal static class Units
{
    public static bool Same(string a, string b) => Normal(a) == Normal(b);

    private static string Normal(string unit) =>
        new string(unit.Where(c => !char.IsWhiteSpace(c)).ToArray()).Normalize(System.Text.NormalizationForm.FormKC);
}
