using System.Globalization;
using System.Text.RegularExpressions;

namespace Publishing.Model;

/// <summary>
/// 指标值 as the editor typed it ("≥95 百分比", "≤30 万元", "优良"), and, where it reads as
/// operator + number + unit, those three parts. Text that does not read so stays qualitative.
/// </summary>
public sealed partial record IndicatorValue(string Text, string? Operator, decimal? Number, string? Unit)
{
    public bool IsQuantitative => Number is not null;

    /// <summary>A period as forms write it (2023.07-2024.01, 2023年7月至2024年1月, 2023-2025年): a time, not an amount.</summary>
    public bool IsPeriod => PeriodPattern().IsMatch(Text.Trim());

    [GeneratedRegex(@"^\d{4}(年|[./-]\d{1,2}月?|年\d{1,2}月)?\s*[-—–~～至到]\s*\d{4}(年|[./-]\d{1,2}月?|年\d{1,2}月)?(底|末)?$")]
    private static partial Regex PeriodPattern();

    [GeneratedRegex(@"^\s*(?<op>≥|≤|>=|<=|＞|＜|>|<|=|＝)?\s*(?<num>[+-]?\d+(?:,\d{3})*(?:\.\d+)?)\s*(?<unit>\S.*?)?\s*$")]
    private static partial Regex QuantityPattern();

    public static IndicatorValue Parse(string text)
    {
        var match = QuantityPattern().Match(text);
        if (!match.Success)
            return new IndicatorValue(text, null, null, null);

        // A number too large for decimal (an editor's slip) reads as text; the checks report it.
        if (!decimal.TryParse(match.Groups["num"].Value.Replace(",", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
            return new IndicatorValue(text, null, null, null);
        var op = NormalizeOperator(match.Groups["op"].Value);
        var unit = match.Groups["unit"].Success ? match.Groups["unit"].Value : null;
        return new IndicatorValue(text, op, number, unit);
    }

    private static string? NormalizeOperator(string op) => op switch
    {
        "" => null,
        ">=" => "≥",
        "<=" => "≤",
        "＞" => ">",
        "＜" => "<",
        "＝" => "=",
        _ => op,
    };

    public override string ToString() => Text;
}
