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
            { ReplacesShared: true } => Words["form-list"].Format(("form", document.Form.SourcePath)),
            { Values.Count: > 0 } => Words["shared-and-form-list"].Format(("form", document.Form.SourcePath)),
            _ => Words["shared-list"].Format(),
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
            diagnostics.Add(Words["value"].At(at.Path, at.Line, at.Column,
                ("column", column), ("text", text), ("problem", problem), ("examples", qualitative.Take(6))));
        }
    }

    private static string? Problem(IndicatorValue value, IReadOnlySet<string> qualitative, string list)
    {
        var text = value.Text.Trim();
        if (!value.IsQuantitative)
        {
            if (qualitative.Contains(text.TrimEnd('。'))) return null;
            return text.Any(char.IsAsciiDigit) ? Words["digits-unread"].Format() : Words["not-listed"].Format(("list", list));
        }

        var number = value.Number!.Value.ToString(CultureInfo.InvariantCulture);
        var unit = value.Unit?.Trim() ?? "";
        var none = Words["none"].Format();
        var understood = Words["understood"].Format(("operator", value.Operator ?? none), ("number", number),
            ("unit", unit.Length > 0 ? Words["quoted"].Format(("unit", unit)) : none));
        if (value.Number < 0)
            return Words["negative"].Format(("understood", understood));
        if (unit.Length > 0 && (unit.Any(char.IsDigit) || unit.IndexOfAny("≥≤<>=＜＞＝~～-—至".ToCharArray()) >= 0))
            return Words["not-a-unit"].Format(("unit", unit), ("understood", understood), ("number", number), ("trimmed", TrimUnit(unit)));
        // 100%、10辆 without ≥/≤ are how many forms state a target: a number with its unit is enough.
        if (value.Operator is null && unit.Length == 0)
            return Words["number-only"].Format(("understood", understood));
        if (unit.Length == 0)
            return Words["no-unit"].Format(("understood", understood));
        return null;
    }

    private static string TrimUnit(string unit) => new(unit.SkipWhile(c => !char.IsLetter(c) && c != '%').Where(c => !char.IsDigit(c)).ToArray());

    /// <summary>PUB2033's wordings: the message and the pieces that say how the value was read.</summary>
    private static DiagnosticKind Words => DiagnosticCatalog.UnreadableValue;
}
