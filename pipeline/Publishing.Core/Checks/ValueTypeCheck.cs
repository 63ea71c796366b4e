using Publishing.Diagnostics;
using Publishing.Model;

namespace Publishing.Checks;

/// <summary>
/// PUB2035: the value-type column (role: value-type) says what the row's value must be. A quantitative type
/// (form.yaml quantitative: [定量]) needs a number; a qualitative one (qualitative: [定性]) a value without a
/// number, and no unit in the unit column.
/// </summary>
public sealed class ValueTypeCheck : IContentCheck
{
    public string Name => CheckRegistry.ValueType;

    public void Check(PublishingDocument document, CheckContext context, DiagnosticBag diagnostics)
    {
        foreach (var indicator in document.Indicators)
        {
            if (indicator.Table.WithRole(ColumnRole.ValueType) is not { } typeColumn) continue;
            if (indicator.Columns.GetValueOrDefault(typeColumn.Name) is not string { Length: > 0 } type) continue;
            var quantitative = typeColumn.Quantitative.Contains(type);
            var qualitative = typeColumn.Qualitative.Contains(type);
            if (!quantitative && !qualitative) continue;
            foreach (var valueColumn in indicator.Table.AllWithRole(ColumnRole.Value))
            {
                if (indicator.Columns.GetValueOrDefault(valueColumn.Name) is not IndicatorValue { Text.Length: > 0 } value) continue;
                var at = indicator.At(valueColumn.Name);
                if (quantitative && !value.IsQuantitative)
                    diagnostics.Add(DiagnosticCatalog.ValueTypeMismatch["not-a-number"].At(at.Path, at.Line, at.Column, ("typeColumn", typeColumn.Name),
                        ("type", type), ("valueColumn", valueColumn.Name), ("value", value.Text), ("qualitative", typeColumn.Qualitative)));
                else if (qualitative && value.IsQuantitative && !value.IsPeriod)
                    diagnostics.Add(DiagnosticCatalog.ValueTypeMismatch["a-number"].At(at.Path, at.Line, at.Column, ("typeColumn", typeColumn.Name),
                        ("type", type), ("valueColumn", valueColumn.Name), ("value", value.Text), ("quantitative", typeColumn.Quantitative)));
            }
            if (qualitative && indicator.Table.WithRole(ColumnRole.Unit) is { } unitColumn
                && indicator.Cells.TryGetValue(unitColumn.Name, out var unit) && unit.Text.Length > 0)
                diagnostics.Add(DiagnosticCatalog.ValueTypeMismatch["unit"].At(unit.Path, unit.Line, unit.Column, ("typeColumn", typeColumn.Name),
                    ("type", type), ("unitColumn", unitColumn.Name), ("unit", unit.Text), ("quantitative", typeColumn.Quantitative)));
        }
    }
}
