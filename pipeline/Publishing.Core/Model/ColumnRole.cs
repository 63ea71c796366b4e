namespace Publishing.Model;

/// <summary>
/// What a column means to the model, whatever the form calls it (form.yaml role:). The model, the checks and the
/// data references read a column by its role, never by its Chinese header: a form may call its total 预算数 or
/// 资金总额 and its value 指标值 or 年度指标值.
/// </summary>
public enum ColumnRole
{
    None,
    ProjectCode, ProjectName, UnitCode, UnitName,
    BudgetTotal, FiscalPart, OtherPart, Use,
    /// <summary>A point of the spending plan: the cumulative share spent by then (several, in declared order).</summary>
    Milestone,
    /// <summary>Goals, one a line (numbered like the narrative).</summary>
    Goal,
    Level1, Level2, Level3,
    Description,
    /// <summary>An indicator's value (a form may have several: 中期 and 年度).</summary>
    Value,
    Unit, ValueType, Basis,
}

/// <summary>The roles as form.yaml writes them, one name each.</summary>
public static class ColumnRoles
{
    private static readonly (ColumnRole Role, string Name)[] All =
    {
        (ColumnRole.ProjectCode, "project-code"),
        (ColumnRole.ProjectName, "project-name"),
        (ColumnRole.UnitCode, "unit-code"),
        (ColumnRole.UnitName, "unit-name"),
        (ColumnRole.BudgetTotal, "budget-total"),
        (ColumnRole.FiscalPart, "fiscal-part"),
        (ColumnRole.OtherPart, "other-part"),
        (ColumnRole.Use, "use"),
        (ColumnRole.Milestone, "milestone"),
        (ColumnRole.Goal, "goal"),
        (ColumnRole.Level1, "level1"),
        (ColumnRole.Level2, "level2"),
        (ColumnRole.Level3, "level3"),
        (ColumnRole.Description, "description"),
        (ColumnRole.Value, "value"),
        (ColumnRole.Unit, "unit"),
        (ColumnRole.ValueType, "value-type"),
        (ColumnRole.Basis, "basis"),
    };

    /// <summary>Roles a table may give to several columns (the others: at most one column each).</summary>
    public static bool AllowsSeveral(ColumnRole role) => role is ColumnRole.Milestone or ColumnRole.Value;

    public static IEnumerable<string> Names => All.Select(r => r.Name);

    public static string NameOf(ColumnRole role) => role == ColumnRole.None ? "" : All.First(r => r.Role == role).Name;

    public static ColumnRole? Parse(string name) => All.FirstOrDefault(r => r.Name == name) is { Name: not null } found ? found.Role : null;

    /// <summary>The kind a column of this role must have; null: any.</summary>
    public static ColumnKind? KindOf(ColumnRole role) => role switch
    {
        ColumnRole.BudgetTotal or ColumnRole.FiscalPart or ColumnRole.OtherPart => ColumnKind.Money,
        ColumnRole.Milestone => ColumnKind.Percent,
        ColumnRole.Value => ColumnKind.IndicatorValue,
        ColumnRole.Unit => ColumnKind.Unit,
        ColumnRole.ValueType => ColumnKind.Enumeration,
        _ => null,
    };
}
