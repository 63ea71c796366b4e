using System.Globalization;
using Publishing.Diagnostics;
using Publishing.Model;

namespace Publishing.Checks;

/// <summary>
/// PUB2033: a 指标值 is a comparison (≥ ≤ &gt; &lt; =) + a number + a unit ("≥95%", "≤30 万元"), or a
/// qualitative value from templates/checks/qualitative-values.txt (优、良、达标 …), as the document's form
/// extends or replaces that list (form.yaml qualitative_values:). Anything else is a
/// warning that says what was understood and what is missing.
/// </summary>
public sealed partial class IndicatorValueCheck : IContentCheck
{
    public string Name => CheckRegistry.IndicatorValue;

    public void Check(PublishingDocument document, CheckContext context, DiagnosticBag diagnostics)
    {
        // The shared list, as the document's form extends or replaces it (form.yaml qualitative_values:).
        var qualitative = document.Form.QualitativeValues.Apply(context.Data.QualitativeValues(document.Form));
        var list = document.Form.QualitativeValues switch
        {
            { ReplacesShared: true } => $"表单 {document.Form.SourcePath} 的定性值表",
            { Values.Count: > 0 } => $"定性值表（templates/checks/qualitative-values.txt 和表单 {document.Form.SourcePath} 的 qualitative_values）",
            _ => "定性值表（templates/checks/qualitative-values.txt）",
        };
        var unitColumns = new[] { Form.Indicators, Form.DepartmentIndicators }
            .SelectMany(t => document.Form.Table(t)?.Columns ?? Array.Empty<FormColumn>())
            .Where(c => c.Kind == ColumnKind.Unit).Select(c => c.Name).ToHashSet();
        foreach (var indicator in document.Indicators)
        {
            // A row whose value-type column says qualitative holds a qualitative value by design (the value-type check reads it).
            if (indicator.Table.WithRole(ColumnRole.ValueType) is { } typeColumn
                && indicator.Columns.GetValueOrDefault(typeColumn.Name) is string type && typeColumn.Qualitative.Contains(type)) continue;
            var values = indicator.Columns.Where(c => c.Value is IndicatorValue).Select(c => (c.Key, (IndicatorValue)c.Value!)).ToList();
            foreach (var (column, value) in values)
                CheckValue(indicator, column, value, qualitative, list, unitColumns, diagnostics);
        }
    }

    private static void CheckValue(Indicator indicator, string column, IndicatorValue value, IReadOnlySet<string> qualitative, string list,
        IReadOnlySet<string> unitColumns, DiagnosticBag diagnostics)
    {
        {
            var text = value.Text.Trim();
            if (text.Length == 0 || value.IsPeriod) return; // an empty required cell is already an error (PUB2004)
            // A form with a 计量单位 column (kind unit) writes the unit there, not after the number.
            var unitColumn = unitColumns.Any(u => indicator.Cells.TryGetValue(u, out var cell) && cell.Text.Length > 0);
            var problem = Problem(unitColumn && value.Unit is null ? value with { Unit = "·" } : value, qualitative, list);
            if (problem is null) return;
            var at = indicator.At(column);
            diagnostics.Add(DiagnosticCatalog.UnreadableValue.At(at.Path, at.Line, at.Column,
                ("column", column), ("text", text), ("problem", problem), ("examples", qualitative.Take(6))));
        }
    }

    private static string? Problem(IndicatorValue value, IReadOnlySet<string> qualitative, string list)
    {
        var text = value.Text.Trim();
        if (!value.IsQuantitative)
        {
            if (qualitative.Contains(text.TrimEnd('。'))) return null;
            return text.Any(char.IsAsciiDigit)
                ? "含有数字，但读不出“比较符号+数字+单位”（数字过大，或数字前有其他文字）。"
                : $"既不是数值，也不在{list}中：没有读出数字。";
        }

        var number = value.Number!.Value.ToString(CultureInfo.InvariantCulture);
        var unit = value.Unit?.Trim() ?? "";
        var understood = $"读作：比较符号 {value.Operator ?? "无"}，数字 {number}，单位 {(unit.Length > 0 ? $"“{unit}”" : "无")}";
        if (value.Number < 0)
            return $"是负数（{understood}）。";
        if (unit.Length > 0 && (unit.Any(char.IsDigit) || unit.IndexOfAny("≥≤<>=＜＞＝~～-—至".ToCharArray()) >= 0))
            return $"中数字后面的“{unit}”不是单位，可能是一个范围或多个数值（{understood}）。若要写范围，请拆成两条指标或写下限，如 ≥{number}{TrimUnit(unit)}。";
        // 100%、10辆 without ≥/≤ are how many forms state a target: a number with its unit is enough.
        if (value.Operator is null && unit.Length == 0)
            return $"只有数字，没有比较符号和单位（{understood}）。";
        if (unit.Length == 0)
            return $"没有单位（{understood}）。请写明单位，如 %、万元、次、个。";
        return null;
    }

    private static string TrimUnit(string unit) => new(unit.SkipWhile(c => !char.IsLetter(c) && c != '%').Where(c => !char.IsDigit(c)).ToArray());
}
