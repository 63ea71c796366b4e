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
            else diagnostics.Add(Words["reference"].At(displayPath, reference.Line + 1, reference.Column + 1,
                ("reference", Shorten(reference.Written)), ("problem", problem)));
        }
    }

    /// <summary>What is wrong with the reference (null: nothing, and <paramref name="value"/> is its text).</summary>
    private static string? Problem(DataReferenceInline reference, DocumentData data, out string value)
    {
        value = "";
        var segments = reference.Segments;
        if (segments.Count is < 2 or > 3 || segments.Any(s => s.Length == 0))
            return Words["shape"].Format(("example", Example(data)));

        if (Find(segments[0], data) is not { } owner)
        {
            var codes = data.Projects.Select(p => p.Code).Where(c => c.Length > 0).ToList();
            var names = data.Projects.Select(p => p.Name).Where(n => n.Length > 0);
            var nearest = Nearest(segments[0], codes.Concat(names), c => Math.Max(2, c.Length / 4));
            var hint = nearest is not null ? DiagnosticPhrases.DidYouMean(nearest)
                : codes.Count > 0 ? Words["codes"].Format(("codes", Listed(codes))) : Words["no-codes"].Format();
            return Words["unknown-owner"].Format(("name", Shorten(segments[0])), ("hint", hint));
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
                return Words["indicator-column"].Format(("name", name), ("owner", segments[0]), ("indicator", FirstIndicatorName(owner)));
            return UnknownColumn(name, owner.Table, Words["project-table"].Format(), owner.Shown);
        }

        var indicatorName = segments[1];
        var rows = owner.Indicators.Where(i => NameOf(i) == indicatorName).ToList();
        if (rows.Count == 0)
        {
            var known = owner.Indicators.Select(NameOf).Where(n => n.Length > 0).Distinct().ToList();
            var nearest = Nearest(indicatorName, known, k => Math.Max(1, k.Length / 2));
            return Words["unknown-indicator"].Format(("name", Shorten(indicatorName)), ("owner", owner.Shown),
                ("hint", nearest is not null ? DiagnosticPhrases.DidYouMean(nearest) : Words["can-reference"].Format(("names", Listed(known)))));
        }
        if (rows.Count > 1)
            return Words["indicator-rows"].Format(("name", indicatorName), ("owner", owner.Shown), ("count", rows.Count),
                ("lines", string.Join("、", rows.Select(r => r.Source.Line))));
        var columnName = segments[2];
        if (owner.IndicatorTable.Column(columnName) is not { } indicatorColumn)
            return UnknownColumn(columnName, owner.IndicatorTable, Words["indicator-table"].Format(), owner.Shown);
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
            return new Owner(Words["project"].Format(("code", key)), project.Columns, project.Table, project.Indicators, indicators);
        if (key == DepartmentKey && data.Departments.FirstOrDefault() is { } department)
            return new Owner(Words["department"].Format(), department.Columns, data.Form.Table(Form.Department) ?? FormTable.Empty(Form.Department),
                department.Indicators, data.Form.Table(Form.DepartmentIndicators) ?? FormTable.Empty(Form.DepartmentIndicators));
        return null;
    }

    /// <summary>How a reference names an indicator row: its 三级 (role level3), or its 二级 when it has none.</summary>
    private static string NameOf(Indicator indicator) => indicator.Level3.Length > 0 ? indicator.Level3 : indicator.Level2;

    private static string FirstIndicatorName(Owner owner) =>
        owner.Indicators.Select(NameOf).FirstOrDefault(n => n.Length > 0) ?? Words["indicator"].Format();

    private static string UnknownColumn(string name, FormTable table, string tableWord, string owner)
    {
        var columns = table.Columns.Select(c => c.Name).ToList();
        if (columns.Count == 0) return Words["column-undeclared"].Format(("name", Shorten(name)), ("owner", owner), ("table", tableWord));
        var nearest = Nearest(name, columns, c => Math.Max(1, c.Length / 2));
        return Words["column-unknown"].Format(("name", Shorten(name)), ("suggestion", DiagnosticPhrases.DidYouMean(nearest)), ("table", tableWord), ("columns", Listed(columns)));
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
            ? Words["example"].Format(("owner", project.Code.Length > 0 ? project.Code : project.Name), ("column", money.Name))
            : Words["example-placeholder"].Format();

    private static string? Nearest(string name, IEnumerable<string> known, Func<string, int> within)
    {
        if (name.Length > 200) return null; // no suggestion for a runaway reference, and no quadratic cost
        return known.Select(k => (Name: k, Distance: EditDistance.Between(k, name)))
            .Where(x => x.Distance <= within(x.Name))
            .OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal)
            .Select(x => x.Name).FirstOrDefault();
    }

    private static string Listed(IReadOnlyList<string> names) => DiagnosticPhrases.NamesAndMore(names, 12);

    /// <summary>PUB3020's wordings: the message and the pieces that say what is wrong with the reference.</summary>
    private static DiagnosticKind Words => DiagnosticCatalog.UnknownDataReference;

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
