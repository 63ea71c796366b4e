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
    public string Id => "project-" + Code;
}

/// <summary>Cumulative share of the budget spent by a point in the year ("3月底" → 25.00 %).</summary>
public sealed record SpendingMilestone(string Label, decimal Percent);

/// <summary>One row of the indicator table.</summary>
public sealed record Indicator(
    string ProjectCode,
    string Level1,
    string Level2,
    string Level3,
    string Description,
    IndicatorValue Value,
    string Basis,
    SourceLocation Source);
