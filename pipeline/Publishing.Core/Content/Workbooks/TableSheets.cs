using Publishing.Model;

namespace Publishing.Content.Workbooks;

/// <summary>
/// Which sheet of a workbook holds which of a form's tables: a sheet named after the table, by its key in
/// form.yaml (projects, indicators, department, department_indicators) or its Chinese name (项目, 指标, 部门,
/// 部门指标, also with 表: 项目表 …). The fill-in workbook names its sheets so.
/// </summary>
public static class TableSheets
{
    private static readonly Dictionary<string, string> Chinese = new(StringComparer.Ordinal)
    {
        [Form.Projects] = "项目",
        [Form.Indicators] = "指标",
        [Form.Department] = "部门",
        [Form.DepartmentIndicators] = "部门指标",
    };

    /// <summary>The sheet name the fill-in workbook gives a table.</summary>
    public static string SheetName(string table) => Chinese.TryGetValue(table, out var name) ? name : table;

    /// <summary>The table a sheet is named after, or null.</summary>
    public static string? TableOf(string sheetName)
    {
        var name = sheetName.Trim();
        foreach (var (table, chinese) in Chinese)
            if (name.Equals(table, StringComparison.OrdinalIgnoreCase) || name == chinese || name == chinese + "表") return table;
        return null;
    }
}
