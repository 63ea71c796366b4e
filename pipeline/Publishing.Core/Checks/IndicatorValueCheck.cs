using System.Globalization;
using Publishing.Diagnostics;
using Publishing.Model;

namespace Publishing.Checks;

/// <summary>
/// PUB2033: a 指标值 is a comparison (≥ ≤ &gt; &lt; =) + a number + a unit ("≥95%", "≤30 万元"), or a
/// qualitative value from templates/checks/qualitative-values.txt (优、良、达标 …). Anything else is a
/// warning that says what was understood and what is missing.
/// </summary>
public sealed class IndicatorValueCheck : IContentCheck
{
    public void Check(PublishingDocument document, CheckContext context, DiagnosticBag diagnostics)
    {
        var qualitative = context.Data.QualitativeValues();
        foreach (var indicator in document.Projects.SelectMany(p => p.Indicators))
        {
            var value = indicator.Value;
            var text = value.Text.Trim();
            if (text.Length == 0) continue; // an empty cell is already an error (PUB2004)
            var problem = Problem(value, qualitative);
            if (problem is null) continue;
            var at = indicator.At("指标值");
            diagnostics.Warning(DiagnosticCodes.UnreadableValue, at.Path, at.Line, at.Column,
                $"指标值“{text}”{problem}指标值应写成 比较符号+数字+单位（如 ≥95%、≤30 万元），或常用的定性值（如 {string.Join("、", qualitative.Take(6))}）。");
        }
    }

    private static string? Problem(IndicatorValue value, IReadOnlySet<string> qualitative)
    {
        var text = value.Text.Trim();
        if (!value.IsQuantitative)
        {
            if (qualitative.Contains(text.TrimEnd('。'))) return null;
            return text.Any(char.IsAsciiDigit)
                ? "含有数字，但读不出“比较符号+数字+单位”（数字过大，或数字前有其他文字）。"
                : "既不是数值，也不在定性值表（templates/checks/qualitative-values.txt）中：没有读出数字。";
        }

        var number = value.Number!.Value.ToString(CultureInfo.InvariantCulture);
        var unit = value.Unit?.Trim() ?? "";
        var understood = $"读作：比较符号 {value.Operator ?? "无"}，数字 {number}，单位 {(unit.Length > 0 ? $"“{unit}”" : "无")}";
        if (value.Number < 0)
            return $"是负数（{understood}）。";
        if (unit.Length > 0 && (unit.Any(char.IsDigit) || unit.IndexOfAny("≥≤<>=＜＞＝~～-—至".ToCharArray()) >= 0))
            return $"中数字后面的“{unit}”不是单位，可能是一个范围或多个数值（{understood}）。若要写范围，请拆成两条指标或写下限，如 ≥{number}{TrimUnit(unit)}。";
        if (value.Operator is null && unit.Length == 0)
            return $"只有数字，没有比较符号和单位（{understood}）。";
        if (value.Operator is null)
            return $"没有比较符号（{understood}）。目标下限写 ≥，上限写 ≤，恰好等于写 =。";
        if (unit.Length == 0)
            return $"没有单位（{understood}）。请写明单位，如 %、万元、次、个。";
        return null;
    }

    private static string TrimUnit(string unit) => new(unit.SkipWhile(c => !char.IsLetter(c) && c != '%').Where(c => !char.IsDigit(c)).ToArray());
}
