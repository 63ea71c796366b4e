using Publishing.Diagnostics;
using Publishing.Model;

namespace Publishing.Content;

/// <summary>
/// Reads a form's tables (projects.csv and indicators.csv, or a department's table and its indicators) into
/// the model. The form says which columns exist, their kinds, which are required and what each means (its
/// role): the model's fields are read by role, whatever the form calls the column. This checks what the
/// model itself needs to be right (numbers, the form's sums, codes); the editors' style checks run later.
/// </summary>
public static class ProjectTableReader
{
    /// <summary>The columns a CSV of the table must and may have; a missing required one names the form.yaml line that requires it.</summary>
    public static CsvColumns ColumnsOf(FormTable table, Form? form = null) => new(
        table.Columns.Where(c => c.Required).Select(c => c.Name).ToArray(),
        table.Columns.Where(c => !c.Required).Select(c => c.Name).ToArray())
    {
        RequiredBy = form is { SourcePath.Length: > 0 }
            ? name => table.Column(name) is { Line: > 0 } column ? (form.SourcePath, column.Line) : null
            : null,
    };

    public static IReadOnlyList<Project> Read(
        CsvTable projects, CsvTable indicators, Form form, DocumentMetadata metadata, DiagnosticBag diagnostics)
    {
        var projectTable = form.Table(Form.Projects) ?? FormTable.Empty(Form.Projects);
        var indicatorTable = form.Table(Form.Indicators) ?? FormTable.Empty(Form.Indicators);
        var projectMap = ColumnsOf(projectTable, form).Match(projects, diagnostics);
        var indicatorMap = ColumnsOf(indicatorTable, form).Match(indicators, diagnostics);
        if (projectMap is null || indicatorMap is null) return Array.Empty<Project>();

        // Without a project-code column in both tables a file holds one project (a 申报表), and every indicator is that project's.
        var codeColumn = projectTable.NameOf(ColumnRole.ProjectCode);
        var linked = codeColumn.Length > 0 && indicatorTable.WithRole(ColumnRole.ProjectCode) is not null;
        if (!linked && projects.Rows.Count > 1)
        {
            diagnostics.Add(DiagnosticCatalog.DuplicateProject["unlinked"].At(projects.Path, projects.Rows[1].Line, 1, ("form", form.SourcePath)));
            return Array.Empty<Project>();
        }
        var indicatorsByProject = ReadIndicators(indicators, indicatorTable, indicatorMap, diagnostics)
            .GroupBy(i => linked ? i.ProjectCode : "")
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Indicator>)g.ToList());

        // The spending plan's points in the order the form declares them.
        var milestones = projectTable.AllWithRole(ColumnRole.Milestone).Where(c => projectMap.ContainsKey(c.Name)).ToList();
        string Named(ColumnRole role) => projectTable.NameOf(role);

        var cells = new CellReader(projects, projectMap, diagnostics);
        var result = new List<Project>();
        var seen = new Dictionary<string, int>();
        foreach (var row in projects.Rows)
        {
            cells.Row = row;
            var code = cells.Text(codeColumn);
            if (code.Length > 0 && seen.TryGetValue(code, out var firstLine))
            {
                diagnostics.Add(DiagnosticCatalog.DuplicateProject["code"].At(projects.Path, row.Line, cells.ColumnOf(codeColumn),
                    ("column", codeColumn), ("code", code), ("line", firstLine)));
                continue;
            }
            seen[code] = row.Line;

            var columns = ReadColumns(cells, projectTable, form, diagnostics);
            var plan = new List<SpendingMilestone>();
            foreach (var milestone in milestones)
            {
                if (columns[milestone.Name] is not decimal percent) continue;
                if (plan.Count > 0 && percent < plan[^1].Percent)
                    diagnostics.Add(DiagnosticCatalog.PercentDecreasing.At(projects.Path, row.Line, cells.ColumnOf(milestone.Name),
                        ("column", milestone.Name), ("percent", percent), ("before", plan[^1].Column), ("beforePercent", plan[^1].Percent)));
                plan.Add(new SpendingMilestone(milestone.Label, percent) { Column = milestone.Name });
            }

            var goals = cells.Text(Named(ColumnRole.Goal)).Split('\n').Select(g => g.Trim()).Where(g => g.Length > 0).ToList();
            var unitCode = cells.Text(Named(ColumnRole.UnitCode));
            var unitName = cells.Text(Named(ColumnRole.UnitName));
            var key = linked ? code : "";
            indicatorsByProject.TryGetValue(key, out var projectIndicators);
            if ((code.Length > 0 || !linked) && projectIndicators is null)
                diagnostics.Add(linked
                    ? DiagnosticCatalog.ProjectWithoutIndicators["project"].At(projects.Path, row.Line, cells.ColumnOf(codeColumn), ("code", code), ("indicators", indicators.Path))
                    : DiagnosticCatalog.ProjectWithoutIndicators["table"].At(projects.Path, row.Line, 1, ("indicators", indicators.Path)));

            result.Add(new Project(
                code,
                cells.Text(Named(ColumnRole.ProjectName)),
                unitCode.Length > 0 ? unitCode : metadata.UnitCode,
                unitName.Length > 0 ? unitName : metadata.UnitName,
                Money(columns, Named(ColumnRole.BudgetTotal)), Money(columns, Named(ColumnRole.FiscalPart)), Money(columns, Named(ColumnRole.OtherPart)),
                cells.Text(Named(ColumnRole.Use)),
                plan, goals,
                projectIndicators ?? Array.Empty<Indicator>(),
                new SourceLocation(projects.Path, row.Line))
            {
                Id = code.Length > 0 ? "project-" + code : $"project-line-{row.Line}",
                Cells = cells.Cells(),
                Columns = columns,
                Table = projectTable,
            });
        }

        if (linked)
            foreach (var (code, list) in indicatorsByProject)
            {
                if (code.Length == 0 || seen.ContainsKey(code)) continue;
                var first = list[0].Source;
                diagnostics.Add(DiagnosticCatalog.UnknownProject.At(first.Path, first.Line, 1,
                    ("column", indicatorTable.NameOf(ColumnRole.ProjectCode)), ("code", code), ("projects", projects.Path)));
            }
        return result;
    }

    /// <summary>A department-level table: its one row of facts and its indicators.</summary>
    public static DepartmentTable? ReadDepartment(CsvTable? facts, CsvTable indicators, Form form, DiagnosticBag diagnostics)
    {
        var indicatorTable = form.Table(Form.DepartmentIndicators) ?? FormTable.Empty(Form.DepartmentIndicators);
        var indicatorMap = ColumnsOf(indicatorTable, form).Match(indicators, diagnostics);
        if (indicatorMap is null) return null;
        var list = ReadIndicators(indicators, indicatorTable, indicatorMap, diagnostics);

        IReadOnlyDictionary<string, object?> columns = new Dictionary<string, object?>();
        IReadOnlyDictionary<string, Cell> cells = new Dictionary<string, Cell>();
        var source = new SourceLocation(indicators.Path, 1);
        if (facts is not null)
        {
            var factTable = form.Table(Form.Department) ?? FormTable.Empty(Form.Department);
            var factMap = ColumnsOf(factTable, form).Match(facts, diagnostics);
            if (factMap is null) return null;
            if (facts.Rows.Count != 1)
            {
                diagnostics.Add(DiagnosticCatalog.CsvFieldCount["department-rows"].At(facts.Path, facts.Rows.Count > 1 ? facts.Rows[1].Line : 1, 1,
                    ("rows", facts.Rows.Count)));
                return null;
            }
            var reader = new CellReader(facts, factMap, diagnostics) { Row = facts.Rows[0] };
            columns = ReadColumns(reader, factTable, form, diagnostics);
            cells = reader.Cells();
            source = new SourceLocation(facts.Path, facts.Rows[0].Line);
        }
        return new DepartmentTable(columns, cells, list, source);
    }

    private static decimal Money(IReadOnlyDictionary<string, object?> columns, string name) =>
        name.Length > 0 && columns.TryGetValue(name, out var value) && value is decimal money ? money : 0;

    /// <summary>Every declared column of the row, typed per its kind; the form's sums checked.</summary>
    private static Dictionary<string, object?> ReadColumns(CellReader cells, FormTable table, Form form, DiagnosticBag diagnostics)
    {
        var before = diagnostics.Items.Count;
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var column in table.Columns)
            values[column.Name] = cells.Typed(column);

        // A sum with an unreadable or empty amount would only repeat that error with a wrong number.
        var unreadable = diagnostics.Items.Skip(before).Any(d => d.Code is DiagnosticCodes.BadNumber or DiagnosticCodes.CsvEmptyCell);
        if (unreadable) return values;
        foreach (var sum in form.Sums.Where(s => s.Table == table.Name))
        {
            if (values.GetValueOrDefault(sum.Total) is not decimal total || !cells.Has(sum.Total)) continue;
            var parts = sum.Parts.Select(p => values.GetValueOrDefault(p) as decimal? ?? 0m).ToList();
            if (total == parts.Sum()) continue;
            var terms = string.Join(" + ", sum.Parts.Select((p, i) => $"{p} {parts[i]:0.00}"));
            diagnostics.Add(DiagnosticCatalog.BudgetSum.At(cells.Cell(sum.Total)!.Path, cells.Row.Line, cells.ColumnOf(sum.Total),
                ("total", sum.Total), ("amount", total), ("terms", terms), ("sum", parts.Sum())));
        }
        return values;
    }

    private static List<Indicator> ReadIndicators(CsvTable table, FormTable form, IReadOnlyDictionary<string, int> map, DiagnosticBag diagnostics)
    {
        var cells = new CellReader(table, map, diagnostics);
        var list = new List<Indicator>();
        foreach (var row in table.Rows)
        {
            cells.Row = row;
            var columns = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var column in form.Columns) columns[column.Name] = cells.Typed(column, column.Required && column.EmptyUnder.Count == 0);
            // A level that may be empty under some 一级 only (满意度指标 without 二级): required everywhere else.
            var level1 = cells.Text(form.NameOf(ColumnRole.Level1));
            foreach (var column in form.Columns.Where(c => c.EmptyUnder.Count > 0 && !c.EmptyUnder.Contains(level1)))
                cells.Required(column.Name, (form.NameOf(ColumnRole.Level1), column.EmptyUnder));
            list.Add(new Indicator(
                cells.Text(form.NameOf(ColumnRole.ProjectCode)),
                cells.Text(form.NameOf(ColumnRole.Level1)),
                cells.Text(form.NameOf(ColumnRole.Level2)),
                cells.Text(form.NameOf(ColumnRole.Level3)),
                cells.Text(form.NameOf(ColumnRole.Description)),
                columns.GetValueOrDefault(form.NameOf(ColumnRole.Value)) as IndicatorValue ?? IndicatorValue.Parse(""),
                cells.Text(form.NameOf(ColumnRole.Basis)),
                new SourceLocation(table.Path, row.Line, 1)) { Cells = cells.Cells(), Columns = columns, Table = form });
        }
        return list;
    }
}
