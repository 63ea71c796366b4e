using System.Text.RegularExpressions;
using Publishing.Diagnostics;
using Publishing.Model;

namespace Publishing.Content;

/// <summary>
/// Reads projects.csv and indicators.csv into projects with their indicators. Checks what the model
/// itself needs to be right (numbers, sums, codes); the editors' style checks run later, on the model.
/// </summary>
public static partial class ProjectTableReader
{
    public static readonly CsvColumns ProjectColumns = new(
        required: new[] { "项目编码", "项目名称", "预算数", "财政资金", "其他资金", "资金用途", "绩效目标" },
        optional: new[] { "单位编码", "单位名称" }.Concat(Enumerable.Range(1, 12).Select(m => $"{m}月底")).ToArray());

    public static readonly CsvColumns IndicatorColumns = new(
        required: new[] { "项目编码", "一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据" });

    [GeneratedRegex(@"^(\d{1,2})月底$")]
    private static partial Regex MilestonePattern();

    public static IReadOnlyList<Project> Read(
        CsvTable projects, CsvTable indicators, DocumentMetadata metadata, DiagnosticBag diagnostics)
    {
        var projectMap = ProjectColumns.Match(projects, diagnostics);
        var indicatorMap = IndicatorColumns.Match(indicators, diagnostics);
        if (projectMap is null || indicatorMap is null) return Array.Empty<Project>();

        var indicatorsByProject = ReadIndicators(indicators, indicatorMap, diagnostics)
            .GroupBy(i => i.ProjectCode)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Indicator>)g.ToList());

        var milestones = projects.Header
            .Where(h => MilestonePattern().IsMatch(h.Name))
            .OrderBy(h => int.Parse(MilestonePattern().Match(h.Name).Groups[1].Value))
            .Select(h => h.Name)
            .ToList();

        var cells = new CellReader(projects, projectMap, diagnostics);
        var result = new List<Project>();
        var seen = new Dictionary<string, int>();
        foreach (var row in projects.Rows)
        {
            cells.Row = row;
            var code = cells.Required("项目编码");
            if (code.Length > 0 && seen.TryGetValue(code, out var firstLine))
            {
                diagnostics.Error(DiagnosticCodes.DuplicateProject, projects.Path, row.Line, cells.ColumnOf("项目编码"),
                    $"项目编码“{code}”重复：第 {firstLine} 行已有这个项目。");
                continue;
            }
            seen[code] = row.Line;

            var before = diagnostics.Items.Count;
            var budget = cells.Money("预算数");
            var fiscal = cells.Money("财政资金");
            var other = cells.Money("其他资金");
            // A sum with an unreadable or empty amount (read as 0) would only repeat that error with a wrong number.
            var unreadable = diagnostics.Items.Skip(before).Any(d => d.Code is DiagnosticCodes.BadNumber or DiagnosticCodes.CsvEmptyCell);
            if (!unreadable && budget != fiscal + other)
                diagnostics.Error(DiagnosticCodes.BudgetSum, projects.Path, row.Line, cells.ColumnOf("预算数"),
                    $"预算数 {budget:0.00} 不等于 财政资金 {fiscal:0.00} + 其他资金 {other:0.00}（= {fiscal + other:0.00}）。");

            var plan = new List<SpendingMilestone>();
            foreach (var label in milestones)
            {
                var percent = cells.Percent(label);
                if (percent is null) continue;
                if (plan.Count > 0 && percent < plan[^1].Percent)
                    diagnostics.Error(DiagnosticCodes.PercentDecreasing, projects.Path, row.Line, cells.ColumnOf(label),
                        $"资金支出计划是累计进度，不应减少：{label} {percent:0.00}% 小于 {plan[^1].Label} {plan[^1].Percent:0.00}%。");
                plan.Add(new SpendingMilestone(label, percent.Value));
            }

            var goals = cells.Required("绩效目标").Split('\n').Select(g => g.Trim()).Where(g => g.Length > 0).ToList();
            var unitCode = cells.Text("单位编码");
            var unitName = cells.Text("单位名称");
            indicatorsByProject.TryGetValue(code, out var projectIndicators);
            if (code.Length > 0 && projectIndicators is null)
                diagnostics.Error(DiagnosticCodes.ProjectWithoutIndicators, projects.Path, row.Line, cells.ColumnOf("项目编码"),
                    $"项目“{code}”在 {indicators.Path} 中没有任何绩效指标。");

            result.Add(new Project(
                code,
                cells.Required("项目名称"),
                unitCode.Length > 0 ? unitCode : metadata.UnitCode,
                unitName.Length > 0 ? unitName : metadata.UnitName,
                budget, fiscal, other,
                cells.Required("资金用途"),
                plan, goals,
                projectIndicators ?? Array.Empty<Indicator>(),
                new SourceLocation(projects.Path, row.Line)) { Cells = cells.Cells() });
        }

        foreach (var (code, list) in indicatorsByProject)
        {
            if (code.Length == 0 || seen.ContainsKey(code)) continue;
            var first = list[0].Source;
            diagnostics.Error(DiagnosticCodes.UnknownProject, first.Path, first.Line, 1,
                $"指标所属的项目编码“{code}”在 {projects.Path} 中不存在。");
        }
        return result;
    }

    private static List<Indicator> ReadIndicators(CsvTable table, IReadOnlyDictionary<string, int> map, DiagnosticBag diagnostics)
    {
        var cells = new CellReader(table, map, diagnostics);
        var list = new List<Indicator>();
        foreach (var row in table.Rows)
        {
            cells.Row = row;
            list.Add(new Indicator(
                cells.Required("项目编码"),
                cells.Required("一级指标"),
                cells.Required("二级指标"),
                cells.Required("三级指标"),
                cells.Text("绩效指标描述"),
                IndicatorValue.Parse(cells.Required("指标值")),
                cells.Text("指标值确定依据"),
                new SourceLocation(table.Path, row.Line, 1)) { Cells = cells.Cells() });
        }
        return list;
    }
}
