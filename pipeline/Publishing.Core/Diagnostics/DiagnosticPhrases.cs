namespace Publishing.Diagnostics;

/// <summary>
/// Pieces of wording several catalog messages share and that appear only sometimes (a suggestion when a near name
/// exists): filled in and passed to a message as a parameter.
/// </summary>
public static class DiagnosticPhrases
{
    private static readonly DiagnosticKind Phrases = new("", Severity.Warning, "",
        ("did-you-mean", "是否应为“{name}”？"),
        ("workbook-cell", "（工作表“{sheet}”单元格 {cell}）"),
        ("workbook-sheet-only", "（工作表“{sheet}”）"),
        ("workbook-sheet", "{workbook} 的工作表“{sheet}”"),
        ("rows-and-more", "{rows} 等 {count} 行"),
        ("names-and-more", "{names} 等 {count} 个"),
        ("template-row-data", "（模板的这一行在文档中首次写出的是数据 {path} 第 {line} 行。）"),
        ("set-in-theme", "主题 {path}"),
        ("set-in-form", "表单 {path}"));

    /// <summary>Where a limit is set, in a message that asks to raise it: "主题 templates/theme/default.yaml".</summary>
    public static string SetInTheme(string path) => Phrases["set-in-theme"].Format(("path", path));

    /// <summary>"表单 templates/forms/x/form.yaml".</summary>
    public static string SetInForm(string path) => Phrases["set-in-form"].Format(("path", path));

    /// <summary>"是否应为“x”？" after a name not found, or nothing when no known name is near.</summary>
    public static string DidYouMean(string? nearest) => nearest is null ? "" : Phrases["did-you-mean"].Format(("name", nearest));

    /// <summary>"（工作表“指标”单元格 B7）": where in a workbook a diagnostic's cell is.</summary>
    public static string WorkbookCell(string sheet, string cell) => Phrases["workbook-cell"].Format(("sheet", sheet), ("cell", cell));

    /// <summary>"（工作表“指标”）": the sheet of a diagnostic that names no cell.</summary>
    public static string WorkbookSheetOnly(string sheet) => Phrases["workbook-sheet-only"].Format(("sheet", sheet));

    /// <summary>Whether a message already says which sheet it is about.</summary>
    public static bool NamesASheet(string message) => message.Contains(Phrases["workbook-sheet-only"].Pieces[0].Text, StringComparison.Ordinal);

    /// <summary>"data/x.xlsx 的工作表“指标”".</summary>
    public static string WorkbookSheet(string workbook, string sheet) => Phrases["workbook-sheet"].Format(("workbook", workbook), ("sheet", sheet));

    /// <summary>The names, or the first <paramref name="shown"/> of them and how many in all: "a、b 等 40 个".</summary>
    public static string NamesAndMore(IReadOnlyCollection<string> names, int shown) => names.Count <= shown
        ? string.Join("、", names)
        : Phrases["names-and-more"].Format(("names", names.Take(shown)), ("count", names.Count));

    /// <summary>After a warning at a template's row: the data row the template first wrote there.</summary>
    public static string TemplateRowData(string path, int line) => Phrases["template-row-data"].Format(("path", path), ("line", line));

    /// <summary>Up to ten row numbers, then how many in all: "3、4、5 等 12 行".</summary>
    public static string RowsAndMore(IReadOnlyList<int> rows) => rows.Count > 10
        ? Phrases["rows-and-more"].Format(("rows", rows.Take(10).Select(r => r.ToString(System.Globalization.CultureInfo.InvariantCulture))), ("count", rows.Count))
        : string.Join("、", rows);
}
