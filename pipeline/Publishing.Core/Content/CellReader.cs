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

    /// <param name="emptyUnder">The 一级 column and its values under which the cell may be empty, when it may.</param>
    public string Required(string column, (string Level1, IReadOnlyList<string> Values)? emptyUnder = null)
    {
        var value = Text(column);
        if (value.Length == 0 && !Row.HasWrongFieldCount && !(_columns.TryGetValue(column, out var field) && Row.ReportedFields?.Contains(field) == true))
        {
            if (emptyUnder is var (level1, values))
                Report(DiagnosticCatalog.CsvEmptyCell["empty-unless-under"], column, ("column", column), ("level1", level1), ("values", values));
            else Report(DiagnosticCatalog.CsvEmptyCell["empty"], column, ("column", column));
        }
        return value;
    }

    private void Report(MessageTemplate message, string column, params (string Name, object? Value)[] arguments) =>
        _diagnostics.Add(message.At(_table.Path, Row.Line, ColumnOf(column), arguments));

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
                Report(DiagnosticCatalog.BadNumber["number"], column.Name, ("column", column.Name), ("text", text));
                return null;
            case ColumnKind.IndicatorValue:
                return IndicatorValue.Parse(text);
            case ColumnKind.Enumeration:
                if (text.Length > 0 && !column.Values.Contains(text))
                    Report(DiagnosticCatalog.EnumerationValue.Message, column.Name, ("column", column.Name), ("values", column.Values), ("text", text));
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
            Report(DiagnosticCatalog.BadNumber["money"], column, ("column", column), ("text", text));
            return 0;
        }
        if (Math.Abs(value) > MaximumMoney)
        {
            Report(DiagnosticCatalog.BadNumber["money-too-large"], column, ("column", column), ("text", text), ("maximum", MaximumMoney));
            return 0;
        }
        if (value < 0)
            Report(DiagnosticCatalog.NegativeMoney.Message, column, ("column", column), ("text", text));
        if (decimal.Round(value, 2) != value)
            Report(DiagnosticCatalog.MoneyPrecision.Message, column, ("column", column), ("text", text));
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
            Report(DiagnosticCatalog.BadNumber["percent"], column, ("column", column), ("text", text));
            return null;
        }
        if (value is < 0 or > 100)
        {
            Report(DiagnosticCatalog.PercentRange.Message, column, ("column", column), ("text", text));
        }
        return value;
    }
}
