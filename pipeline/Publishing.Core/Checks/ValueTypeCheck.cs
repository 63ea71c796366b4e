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
                    diagnostics.Error(DiagnosticCodes.ValueTypeMismatch, at.Path, at.Line, at.Column,
                        $"{typeColumn.Name}为“{type}”，{valueColumn.Name}“{value.Text}”却没有数字：应写成 比较符号+数字（如 ≥95、≤30），" +
                        $"或把{typeColumn.Name}改为 {string.Join("、", typeColumn.Qualitative)}。");
                else if (qualitative && value.IsQuantitative && !value.IsPeriod)
                    diagnostics.Error(DiagnosticCodes.ValueTypeMismatch, at.Path, at.Line, at.Column,
                        $"{typeColumn.Name}为“{type}”，{valueColumn.Name}“{value.Text}”却是数值：应写不以数字表示的值（如 达标、持续改善；期间如 2024.03-2024.10 也可以），" +
                        $"或把{typeColumn.Name}改为 {string.Join("、", typeColumn.Quantitative)}。");
            }
            if (qualitative && indicator.Table.WithRole(ColumnRole.Unit) is { } unitColumn
                && indicator.Cells.TryGetValue(unitColumn.Name, out var unit) && unit.Text.Length > 0)
                diagnostics.Error(DiagnosticCodes.ValueTypeMismatch, unit.Path, unit.Line, unit.Column,
                    $"{typeColumn.Name}为“{type}”的指标不应有{unitColumn.Name}（这里是“{unit.Text}”）：请删去，或把{typeColumn.Name}改为 {string.Join("、", typeColumn.Quantitative)}。");
        }
    }
}
