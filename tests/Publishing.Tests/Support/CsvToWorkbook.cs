using System.Globalization;
using Publishing.Content;
using Publishing.Content.Workbooks;
using Publishing.Diagnostics;
using Publishing.Forms;
using Publishing.Model;

namespace Publishing.Tests.Support;

/// <summary>
/// A document's CSV tables as the workbook a bureau keeps: one sheet per table, money as numbers under #,##0.00,
/// percentages as fractions under 0.00%, and the 一级指标 (and 二级指标) column merged vertically over each run of
/// equal values within a project, as in the bureau's Excel form. document.yaml is changed to name the workbook
/// and the CSV files are removed.
/// </summary>
public static class CsvToWorkbook
{
    public static TestWorkbook Convert(string document, string form, string workbookName, params string[] mergedColumns)
    {
        var manifest = Path.Combine(document, "document.yaml");
        var yaml = File.ReadAllText(manifest);
        var definition = new FormCatalog(RepoPaths.Templates).LoadForm(form, new DiagnosticBag()).ShouldNotBeNull();
        var workbook = new TestWorkbook();
        foreach (var table in Form.TableNames)
        {
            var key = table + ": ";
            var at = yaml.IndexOf(key, StringComparison.Ordinal);
            // department: is also a document.yaml key (the department's name); only a part's table is a path.
            while (at >= 0 && !yaml[(at + key.Length)..].StartsWith("data/", StringComparison.Ordinal)) at = yaml.IndexOf(key, at + 1, StringComparison.Ordinal);
            if (at < 0) continue;
            var end = yaml.IndexOf('\n', at);
            var relative = yaml[(at + key.Length)..(end < 0 ? yaml.Length : end)].Trim();
            var csvPath = Path.Combine(document, relative);
            var csv = CsvTableReader.Read(File.ReadAllText(csvPath), relative, new DiagnosticBag()).ShouldNotBeNull();
            var columns = definition.Table(table)!;
            var sheet = workbook.Sheet(TableSheets.SheetName(table));
            sheet.Row(csv.Header.Select(h => (object?)h.Name).ToArray());
            foreach (var row in csv.Rows)
                sheet.Row(csv.Header.Select(h => Value(columns.Column(h.Name), row.Cells[h.Index].Text)).ToArray());
            foreach (var name in mergedColumns)
                Merge(sheet, csv, name);
            File.Delete(csvPath);
            yaml = yaml.Replace(key + relative, key + "data/" + workbookName, StringComparison.Ordinal);
        }
        File.WriteAllText(manifest, yaml);
        workbook.Save(Path.Combine(document, "data", workbookName));
        return workbook;
    }

    private static object? Value(FormColumn? column, string text)
    {
        if (text.Length == 0) return null;
        return column?.Kind switch
        {
            ColumnKind.Money => new Num(double.Parse(text.Replace(",", ""), CultureInfo.InvariantCulture), "#,##0.00"),
            ColumnKind.Percent => new Num(double.Parse(text.TrimEnd('%'), CultureInfo.InvariantCulture) / 100, "0.00%"),
            _ => text,
        };
    }

    /// <summary>Runs of equal values (within one project) become one merged range, its value only in the top cell.</summary>
    private static void Merge(TestSheet sheet, CsvTable csv, string name)
    {
        var column = csv.Header.FirstOrDefault(h => h.Name == name);
        if (column is null) return;
        var code = csv.Header.FirstOrDefault(h => h.Name == "项目编码");
        string Key(int i) => (code is null ? "" : csv.Rows[i].Cells[code.Index].Text) + "\u0001" + csv.Rows[i].Cells[column.Index].Text
            + "\u0001" + (name == "二级指标" ? csv.Rows[i].Cells[csv.Header.First(h => h.Name == "一级指标").Index].Text : "");
        var start = 0;
        for (var i = 1; i <= csv.Rows.Count; i++)
        {
            if (i < csv.Rows.Count && Key(i) == Key(start)) continue;
            if (i - start > 1)
            {
                var letter = TestWorkbook.ColumnName(column.Index + 1);
                sheet.Merge($"{letter}{start + 2}:{letter}{i + 1}");
                for (var r = start + 1; r < i; r++) sheet.Rows[r + 1].Values[column.Index] = null;
            }
            start = i;
        }
    }
}
