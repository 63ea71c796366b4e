using Publishing.Text;
using System.Collections;
using System.Globalization;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Publishing.Assembly;

/// <summary>
/// Functions the templates may call, beyond Scriban's built-ins. Layout decisions (which columns merge,
/// how numbers are shown) stay in the templates; these only compute what Scriban cannot do tidily.
/// </summary>
public static class TemplateFunctions
{
    public static ScriptObject Create()
    {
        // Each render gets its own objects (a template may assign into them); the functions inside hold no state
        // and are made once: making one inspects its delegate, which was most of a page's context set-up.
        var table = new ScriptObject { ["merge_runs"] = MergeRunsFunction };
        var format = new ScriptObject { ["money"] = MoneyFunction, ["percent"] = PercentFunction, ["cell"] = CellFunction };
        return new ScriptObject { ["table"] = table, ["format"] = format };
    }

    // Typed wrappers (DelegateCustomFunction.CreateFunc) call the function directly; Import(name, Delegate)
    // would invoke it by reflection, which the ahead-of-time compiled command cannot rely on.
    private static readonly IScriptCustomFunction MergeRunsFunction =
        DelegateCustomFunction.CreateFunc<TemplateContext, IEnumerable, ScriptArray, ScriptArray>(MergeRuns);
    private static readonly IScriptCustomFunction MoneyFunction = DelegateCustomFunction.CreateFunc<decimal, string>(Money);
    private static readonly IScriptCustomFunction PercentFunction = DelegateCustomFunction.CreateFunc<decimal, string>(Percent);
    private static readonly IScriptCustomFunction CellFunction = DelegateCustomFunction.CreateFunc<object?, string>(Cell);

    /// <summary>Money in 万元 with two decimals, as the form prints it.</summary>
    public static string Money(decimal value) => MoneyText.Format(value);

    /// <summary>A form's column value as the form prints it: an empty optional cell prints nothing, money and
    /// numbers as typed (60.00 keeps its decimals), an 指标值 as the editor wrote it.</summary>
    public static string Cell(object? value) => value switch
    {
        null => "",
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public static string Percent(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture) + "%";

    /// <summary>
    /// Vertical merges for a table: for each row, and each key in order, how many rows its cell spans
    /// (0 when the cell above covers it). A run of a later key never crosses a change of an earlier one,
    /// so 二级 groups stay inside their 一级 group. Returns items { row, spans: { key: n } }.
    /// </summary>
    public static ScriptArray MergeRuns(TemplateContext context, IEnumerable rows, ScriptArray keys)
    {
        var list = rows.Cast<object>().ToList();
        var names = keys.Cast<object>().Select(k => k?.ToString() ?? "").ToList();
        var values = list.Select(row => names.Select(name => Member(context, row, name)).ToArray()).ToList();
        var spans = new int[list.Count, names.Count];
        for (var k = 0; k < names.Count; k++)
        {
            var start = 0;
            for (var i = 1; i <= list.Count; i++)
            {
                var continues = i < list.Count && Enumerable.Range(0, k + 1).All(j => values[i][j] == values[start][j]);
                if (continues) continue;
                spans[start, k] = i - start;
                start = i;
            }
        }

        var result = new ScriptArray();
        for (var i = 0; i < list.Count; i++)
        {
            var rowSpans = new ScriptObject();
            for (var k = 0; k < names.Count; k++) rowSpans[names[k]] = spans[i, k];
            result.Add(new ScriptObject { ["row"] = list[i], ["spans"] = rowSpans });
        }
        return result;
    }

    private static string? Member(TemplateContext context, object row, string name)
    {
        var accessor = context.GetMemberAccessor(row);
        if (!accessor.TryGetValue(context, new SourceSpan(), row, name, out var value))
            throw new ScriptRuntimeException(context.CurrentSpan, $"table.merge_runs: the rows have no member '{name}'");
        return value?.ToString();
    }
}
