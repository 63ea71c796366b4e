using System.Globalization;
using Publishing.Diagnostics;
using Publishing.Model;

namespace Publishing.Content;

/// <summary>Reads typed values out of one CSV row, reporting each bad cell at its line and column.</summary>
public sealed partial class CellReader
{
    private readonly CsvTable _table;
    private readonly IReadOnlyDictionary<string, int> _columns;
    private readonly DiagnosticBag _diagnostics;

    public CellReader(CsvTable table, IReadOnlyDictionary<string, int> columns, DiagnosticBag diagnostics)
    {
        _table = table;
        _columns = columns;
        _diagnostics = diagnostics;
    }

    public CsvRecordRow Row { get; set; } = null!;

    public bool Has(string column) => _columns.ContainsKey(column);

    public int ColumnOf(string column) => _columns.TryGetValue(column, out var index) ? Row.ColumnOf(index) : 1;

    public string Text(string column) => Cell(column)?.Text ?? "";

    /// <summary>The cell under a column of this row, with its position; null when the file has no such column.</summary>
    public Cell? Cell(string column) =>
        _columns.TryGetValue(column, out var index) ? Row.CellAt(index, _table.Path) : null;

    /// <summary>Every cell of the row under the columns this reader knows, by column name.</summary>
    public IReadOnlyDictionary<string, Cell> Cells() =>
        _columns.ToDictionary(c => c.Key, c => Row.CellAt(c.Value, _table.Path), StringComparer.Ordinal);

    public string Required(string column, string? why = null)
    {
        var value = Text(column);
        if (value.Length == 0 && !Row.HasWrongFieldCount && !(_columns.TryGetValue(column, out var field) && Row.ReportedFields?.Contains(field) == true))
            _diagnostics.Error(DiagnosticCodes.CsvEmptyCell, _table.Path, Row.Line, ColumnOf(column), $"“{column}”不能为空{why}。");
        return value;
    }

    /// <summary>An amount of money in 万元: a number with at most two decimals, not negative.</summary>
    /// <summary>10¹⁰ 万元: far above any budget, far below where sums could overflow.</summary>
    private const decimal MaximumMoney = 10_000_000_000m;

    [System.Text.RegularExpressions.GeneratedRegex(@"^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")]
    private static partial System.Text.RegularExpressions.Regex MoneyPattern();

    /// <summary>The cell under a declared column, typed per its kind; an optional cell left empty is null ("" for text).</summary>
    public object? Typed(FormColumn column) => Typed(column, column.Required);

    /// <summary>As <see cref="Typed(FormColumn)"/>, with the caller deciding whether an empty cell is an error here.</summary>
    public object? Typed(FormColumn column, bool required)
    {
        var text = required ? Required(column.Name) : Text(column.Name);
        switch (column.Kind)
        {
            case ColumnKind.Money:
                return text.Length == 0 ? null : Money(column.Name, text);
            case ColumnKind.Percent:
                return Percent(column.Name);
            case ColumnKind.Number:
                if (text.Length == 0) return null;
                if (decimal.TryParse(text.Replace(",", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var number)) return number;
                _diagnostics.Error(DiagnosticCodes.BadNumber, _table.Path, Row.Line, ColumnOf(column.Name), $"“{column.Name}”应是数字，而不是“{text}”。");
                return null;
            case ColumnKind.IndicatorValue:
                return IndicatorValue.Parse(text);
            case ColumnKind.Enumeration:
                if (text.Length > 0 && !column.Values.Contains(text))
                    _diagnostics.Error(DiagnosticCodes.EnumerationValue, _table.Path, Row.Line, ColumnOf(column.Name),
                        $"“{column.Name}”只能是 {string.Join("、", column.Values)} 之一，而不是“{text}”。");
                return text;
            default:
                return text;
        }
    }

    public decimal Money(string column) => Money(column, Required(column));

    private decimal Money(string column, string text)
    {
        if (text.Length == 0) return 0;
        // Thousands separators only where they belong (1,234.50): "60，5" or "6,0" is a slip, not 605 or 60.
        var wellFormed = MoneyPattern().IsMatch(text);
        if (!wellFormed || !decimal.TryParse(text.Replace(",", ""), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out var value))
        {
            _diagnostics.Error(DiagnosticCodes.BadNumber, _table.Path, Row.Line, ColumnOf(column),
                $"“{column}”应是金额数字（单位：万元，如 60.00 或 1,234.50），而不是“{text}”。");
            return 0;
        }
        if (Math.Abs(value) > MaximumMoney)
        {
            _diagnostics.Error(DiagnosticCodes.BadNumber, _table.Path, Row.Line, ColumnOf(column),
                $"“{column}”的金额 {text} 万元大得不合理（上限 {MaximumMoney:0} 万元）：请检查单位是否写成了元。");
            return 0;
        }
        if (value < 0)
            _diagnostics.Error(DiagnosticCodes.NegativeMoney, _table.Path, Row.Line, ColumnOf(column), $"“{column}”不能为负数（{text}）。");
        if (decimal.Round(value, 2) != value)
            _diagnostics.Error(DiagnosticCodes.MoneyPrecision, _table.Path, Row.Line, ColumnOf(column),
                $"“{column}”以万元为单位，最多保留两位小数（{text}）。");
        return value;
    }

    /// <summary>A percentage, "25" or "25.00%", between 0 and 100.</summary>
    public decimal? Percent(string column)
    {
        var text = Text(column);
        if (text.Length == 0) return null;
        var cleaned = text.TrimEnd('%', '％').Trim();
        if (!decimal.TryParse(cleaned, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            _diagnostics.Error(DiagnosticCodes.BadNumber, _table.Path, Row.Line, ColumnOf(column),
                $"“{column}”应是百分比数字（如 25.00），而不是“{text}”。");
            return null;
        }
        if (value is < 0 or > 100)
        {
            _diagnostics.Error(DiagnosticCodes.PercentRange, _table.Path, Row.Line, ColumnOf(column),
                $"“{column}”是百分比，应在 0 到 100 之间，而不是 {text}。");
        }
        return value;
    }
}
