namespace Publishing.Model;

/// <summary>A budget project with its 绩效目标表 data. Money is in the document's currency (万元).</summary>
public sealed record Project(
    string Code,
    string Name,
    string UnitCode,
    string UnitName,
    decimal Budget,
    decimal FiscalFunds,
    decimal OtherFunds,
    string UseOfFunds,
    IReadOnlyList<SpendingMilestone> SpendingPlan,
    IReadOnlyList<string> Goals,
    IReadOnlyList<Indicator> Indicators,
    SourceLocation Source)
{
    public string Id { get; init; } = "project-" + Code;

    /// <summary>The row's cells by column name, each with its position (from the one parse of the CSV).</summary>
    public IReadOnlyDictionary<string, Cell> Cells { get; init; } = new Dictionary<string, Cell>();

    /// <summary>Where the cell under <paramref name="column"/> starts; the row's start when there is no such cell.</summary>
    public SourceLocation At(string column) => Cells.TryGetValue(column, out var cell) ? cell.Start : Source;

    /// <summary>Every column the form declares, by its header name, typed per its kind (templates: row.columns["绩效标准"]).</summary>
    public IReadOnlyDictionary<string, object?> Columns { get; init; } = new Dictionary<string, object?>();

    /// <summary>The form's declaration of the row's table: which column has which role.</summary>
    public FormTable Table { get; init; } = FormTable.Empty(Form.Projects);

    /// <summary>Where the cell of the column with <paramref name="role"/> starts; the row's start when there is none.</summary>
    public SourceLocation At(ColumnRole role) => At(Table.NameOf(role));
}

/// <summary>Cumulative share of the budget spent by a point in the year ("3月底" → 25.00 %), headed by <paramref name="Label"/>.</summary>
public sealed record SpendingMilestone(string Label, decimal Percent)
{
    /// <summary>The column it was read from (its header in the CSV).</summary>
    public string Column { get; init; } = Label;
}

/// <summary>One row of the indicator table.</summary>
public sealed record Indicator(
    string ProjectCode,
    string Level1,
    string Level2,
    string Level3,
    string Description,
    IndicatorValue Value,
    string Basis,
    SourceLocation Source)
{
    /// <summary>The row's cells by column name, each with its position (from the one parse of the CSV).</summary>
    public IReadOnlyDictionary<string, Cell> Cells { get; init; } = new Dictionary<string, Cell>();

    /// <summary>Where the cell under <paramref name="column"/> starts; the row's start when there is no such cell.</summary>
    public SourceLocation At(string column) => Cells.TryGetValue(column, out var cell) ? cell.Start : Source;

    /// <summary>Every column the form declares, by its header name, typed per its kind (templates: row.columns["绩效标准"]).</summary>
    public IReadOnlyDictionary<string, object?> Columns { get; init; } = new Dictionary<string, object?>();

    /// <summary>The form's declaration of the row's table: which column has which role.</summary>
    public FormTable Table { get; init; } = FormTable.Empty(Form.Indicators);

    /// <summary>Where the cell of the column with <paramref name="role"/> starts; the row's start when there is none.</summary>
    public SourceLocation At(ColumnRole role) => At(Table.NameOf(role));
}

/// <summary>A department-level table (整体绩效目标表): the department's facts (one row) and its indicators.</summary>
public sealed record DepartmentTable(
    IReadOnlyDictionary<string, object?> Columns,
    IReadOnlyDictionary<string, Cell> Cells,
    IReadOnlyList<Indicator> Indicators,
    SourceLocation Source)
{
    public string Id { get; init; } = "department";

    /// <summary>Whether the department's facts (its one-row table) were given, not only its indicators.</summary>
    public bool HasFacts => Columns.Count > 0;
}
