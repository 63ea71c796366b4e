using System.Globalization;
using Markdig.Syntax;
using Publishing.Diagnostics;
using Publishing.Model;
using Publishing.Text;

namespace Publishing.Markdown.Extensions.DataReferences;

/// <summary>
/// Resolves the data references of a parsed section against the document's data. A reference reaches any
/// column the form declares, by the column's name: <c>{{编码.列名}}</c> a column of the project's row (or of the
/// department table, <c>{{部门.列名}}</c>), <c>{{编码.指标.列名}}</c> a column of the indicator row named so (its
/// 三级, or its 二级 when it has no 三级). Anything unknown is an error (PUB3020) at the reference's line and
/// column, with the nearest name.
/// </summary>
public static class DataReferenceResolver
{
    /// <summary>The first segment that names the department table (a part's 部门整体绩效目标表).</summary>
    public const string DepartmentKey = "部门";

    /// <summary>A row a reference may start from: a project or a department table.</summary>
    private sealed record Owner(string Shown, IReadOnlyDictionary<string, object?> Columns, FormTable Table,
        IReadOnlyList<Indicator> Indicators, FormTable IndicatorTable);

    public static void Resolve(MarkdownDocument document, DocumentData data, string displayPath, DiagnosticBag diagnostics)
    {
        foreach (var reference in document.Descendants<DataReferenceInline>())
        {
            var problem = Problem(reference, data, out var value);
            if (problem is null) reference.Value = value;
            else diagnostics.Add(DiagnosticCatalog.UnknownDataReference.At(displayPath, reference.Line + 1, reference.Column + 1,
                ("reference", Shorten(reference.Written)), ("problem", problem)));
        }
    }

    /// <summary>What is wrong with the reference (null: nothing, and <paramref name="value"/> is its text).</summary>
    private static string? Problem(DataReferenceInline reference, DocumentData data, out string value)
    {
        value = "";
        var segments = reference.Segments;
        if (segments.Count is < 2 or > 3 || segments.Any(s => s.Length == 0))
            return $"应写成 {{{{编码.列名}}}}（项目表的一列）或 {{{{编码.指标.列名}}}}（指标表中一个指标的一列），如 {Example(data)}。";

        if (Find(segments[0], data) is not { } owner)
        {
            var codes = data.Projects.Select(p => p.Code).Where(c => c.Length > 0).ToList();
            var names = data.Projects.Select(p => p.Name).Where(n => n.Length > 0);
            var nearest = Nearest(segments[0], codes.Concat(names), c => Math.Max(2, c.Length / 4));
            var hint = nearest is not null ? $"是否应为“{nearest}”？"
                : codes.Count > 0 ? $"本文档各项目的编码：{Listed(codes)}。" : "本文档的项目没有编码：请写项目的名称。";
            return $"中的“{Shorten(segments[0])}”不是本文档中项目的编码或名称。{hint}";
        }

        if (segments.Count == 2)
        {
            var name = segments[1];
            if (owner.Table.Column(name) is { } column)
            {
                value = Text(owner.Columns.GetValueOrDefault(name), column);
                return null;
            }
            if (owner.IndicatorTable.Has(name))
                return $"中的“{name}”是指标表的列，一个项目有多行指标：请写明是哪个指标，如 {{{{{segments[0]}.{FirstIndicatorName(owner)}.{name}}}}}。";
            return UnknownColumn(name, owner.Table, "项目表", owner.Shown);
        }

        var indicatorName = segments[1];
        var rows = owner.Indicators.Where(i => NameOf(i) == indicatorName).ToList();
        if (rows.Count == 0)
        {
            var known = owner.Indicators.Select(NameOf).Where(n => n.Length > 0).Distinct().ToList();
            var nearest = Nearest(indicatorName, known, k => Math.Max(1, k.Length / 2));
            return $"中的指标“{Shorten(indicatorName)}”不在{owner.Shown}的指标表中。" +
                   (nearest is not null ? $"是否应为“{nearest}”？" : $"可以引用：{Listed(known)}。");
        }
        if (rows.Count > 1)
            return $"中的指标“{indicatorName}”在{owner.Shown}的指标表中有 {rows.Count} 行（第 {string.Join("、", rows.Select(r => r.Source.Line))} 行），无法确定引用哪一行。";
        var columnName = segments[2];
        if (owner.IndicatorTable.Column(columnName) is not { } indicatorColumn)
            return UnknownColumn(columnName, owner.IndicatorTable, "指标表", owner.Shown);
        value = Text(rows[0].Columns.GetValueOrDefault(columnName), indicatorColumn);
        return null;
    }

    /// <summary>The project with that code, else the one project with that name, else (部门) the first department table with its facts.</summary>
    private static Owner? Find(string key, DocumentData data)
    {
        var indicators = data.Form.Table(Form.Indicators) ?? FormTable.Empty(Form.Indicators);
        var project = data.ProjectsByCode.GetValueOrDefault(key)
                      ?? (data.Projects.Where(p => p.Name == key).ToList() is [var named] ? named : null);
        if (project is not null)
            return new Owner($"项目“{key}”", project.Columns, project.Table, project.Indicators, indicators);
        if (key == DepartmentKey && data.Departments.FirstOrDefault() is { } department)
            return new Owner("部门整体绩效目标表", department.Columns, data.Form.Table(Form.Department) ?? FormTable.Empty(Form.Department),
                department.Indicators, data.Form.Table(Form.DepartmentIndicators) ?? FormTable.Empty(Form.DepartmentIndicators));
        return null;
    }

    /// <summary>How a reference names an indicator row: its 三级 (role level3), or its 二级 when it has none.</summary>
    private static string NameOf(Indicator indicator) => indicator.Level3.Length > 0 ? indicator.Level3 : indicator.Level2;

    private static string FirstIndicatorName(Owner owner) =>
        owner.Indicators.Select(NameOf).FirstOrDefault(n => n.Length > 0) ?? "指标";

    private static string UnknownColumn(string name, FormTable table, string tableWord, string owner)
    {
        var columns = table.Columns.Select(c => c.Name).ToList();
        if (columns.Count == 0) return $"中的列“{Shorten(name)}”不存在：{owner}所在的表单没有声明{tableWord}的列。";
        var nearest = Nearest(name, columns, c => Math.Max(1, c.Length / 2));
        return $"中的列“{Shorten(name)}”不存在。{(nearest is not null ? $"是否应为“{nearest}”？" : "")}{tableWord}可以引用的列：{Listed(columns)}。";
    }

    /// <summary>A cell's value as the form prints it: money with two decimals, a percentage's number, the text as typed.</summary>
    private static string Text(object? value, FormColumn column) => value switch
    {
        null => "",
        decimal money when column.Kind == ColumnKind.Money => MoneyText.Format(money),
        decimal number => number.ToString("0.00##", CultureInfo.InvariantCulture),
        IndicatorValue indicator => indicator.Text,
        _ => value.ToString() ?? "",
    };

    /// <summary>An example reference from the document's own data (the first project's first column).</summary>
    private static string Example(DocumentData data) =>
        data.Projects.FirstOrDefault() is { } project && project.Table.Columns.FirstOrDefault(c => c.Kind == ColumnKind.Money) is { } money
            ? $"{{{{{(project.Code.Length > 0 ? project.Code : project.Name)}.{money.Name}}}}}"
            : "{{P001.列名}}";

    private static string? Nearest(string name, IEnumerable<string> known, Func<string, int> within)
    {
        if (name.Length > 200) return null; // no suggestion for a runaway reference, and no quadratic cost
        return known.Select(k => (Name: k, Distance: EditDistance.Between(k, name)))
            .Where(x => x.Distance <= within(x.Name))
            .OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal)
            .Select(x => x.Name).FirstOrDefault();
    }

    private static string Listed(IReadOnlyList<string> names) =>
        names.Count <= 12 ? string.Join("、", names) : string.Join("、", names.Take(12)) + $" 等 {names.Count} 个";

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
