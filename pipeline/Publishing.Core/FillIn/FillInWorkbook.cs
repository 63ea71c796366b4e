using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Publishing.Content.Workbooks;
using Publishing.Model;
using Cell = DocumentFormat.OpenXml.Spreadsheet.Cell;

namespace Publishing.FillIn;

/// <summary>
/// The workbook a department fills for a form (publishing workbook --form …): an instructions sheet, then one
/// sheet per table the form declares, named as the reader finds it (项目, 指标, 部门, 部门指标), with the form's
/// column names as the frozen header row; drop-down lists (data validation) for enumerations, the framework's
/// 一级/二级 names; money under #,##0.00 and percentages under 0.00% with limits, codes, periods and indicator
/// values as text (leading zeros and 2023.10 kept); widths from form.yaml's width and its note as the prompt
/// Excel shows on the cell. Put the filled workbook in a document's data/ folder and name it in document.yaml:
/// it builds as the CSV files would. The same form gives the same bytes.
/// </summary>
public static class FillInWorkbook
{
    /// <summary>The rows the drop-downs, formats and checks cover below the header.</summary>
    public const int FilledRows = 2000;

    public const string InstructionsSheet = "填写说明";
    public const string ListsSheet = "选项";

    // Cell styles (cellXfs): the order of the formats below.
    private const uint General = 0, Header = 1, RequiredHeader = 2, TextStyle = 3, MoneyStyle = 4, PercentStyle = 5, NumberStyle = 6, TitleStyle = 7, WrappedStyle = 8;

    public static byte[] Write(Form form, IndicatorFramework? framework, string workbookFileName)
    {
        var tables = Form.TableNames.Select(form.Table).OfType<FormTable>().Where(t => t.Columns.Count > 0).ToList();
        var lists = new List<(string Name, IReadOnlyList<string> Values)>();

        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>("rIdStyles");
            styles.Stylesheet = Stylesheet();

            var sheets = new Sheets();
            var sheetNumber = 1u;
            void AddSheet(string name, Worksheet worksheet)
            {
                var id = "rIdSheet" + sheetNumber;
                var part = workbookPart.AddNewPart<WorksheetPart>(id);
                part.Worksheet = worksheet;
                sheets.Append(new Sheet { Name = name, SheetId = sheetNumber++, Id = id });
            }

            AddSheet(InstructionsSheet, Instructions(form, tables, framework, workbookFileName));
            foreach (var table in tables) AddSheet(TableSheets.SheetName(table.Name), TableSheet(table, framework, lists));
            if (lists.Count > 0) AddSheet(ListsSheet, ListsWorksheet(lists));
            workbookPart.Workbook.Append(sheets);
        }
        return DeterministicZip.Rewrite(stream.ToArray());
    }

    private static Worksheet TableSheet(FormTable table, IndicatorFramework? framework, List<(string Name, IReadOnlyList<string> Values)> lists)
    {
        var columns = new Columns();
        var header = new Row { RowIndex = 1 };
        var validations = new List<DataValidation>();
        for (var i = 0; i < table.Columns.Count; i++)
        {
            var column = table.Columns[i];
            var index = (uint)(i + 1);
            columns.Append(new Column { Min = index, Max = index, Width = WidthOf(column), CustomWidth = true, Style = StyleOf(column) });
            header.Append(TextCell(CellReferences.Of(1, i + 1), column.Name, column.Required ? RequiredHeader : Header));
            var range = $"{CellReferences.ColumnName(i + 1)}2:{CellReferences.ColumnName(i + 1)}{FilledRows + 1}";
            if (Validation(column, framework, range, lists) is { } validation) validations.Add(validation);
        }

        var worksheet = new Worksheet(
            new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue>(new[] { new StringValue("A2") }) })
            { TabSelected = false, WorkbookViewId = 0 }),
            new SheetFormatProperties { DefaultRowHeight = 15 },
            columns,
            new SheetData(header));
        if (validations.Count > 0) worksheet.Append(new DataValidations(validations) { Count = (uint)validations.Count });
        return worksheet;
    }

    /// <summary>The drop-down, number limits and the prompt Excel shows when the cell is selected.</summary>
    private static DataValidation? Validation(FormColumn column, IndicatorFramework? framework, string range, List<(string Name, IReadOnlyList<string> Values)> lists)
    {
        IReadOnlyList<string>? choices = column.Kind == ColumnKind.Enumeration ? column.Values
            : column.Role == ColumnRole.Level1 && framework is not null ? framework.Levels.Select(l => l.Name).ToList()
            : column.Role == ColumnRole.Level2 && framework is not null ? framework.Levels.SelectMany(l => l.Level2).Distinct().ToList()
            : null;
        var prompt = Prompt(column, framework);
        var validation = new DataValidation
        {
            SequenceOfReferences = new ListValue<StringValue>(new[] { new StringValue(range) }),
            AllowBlank = true,
            ShowInputMessage = true,
            ShowErrorMessage = true,
            PromptTitle = Truncate(column.Name, 32),
            Prompt = Truncate(prompt, 255),
            ErrorTitle = Truncate(column.Name, 32),
        };
        if (choices is { Count: > 0 })
        {
            validation.Type = DataValidationValues.List;
            var inline = "\"" + string.Join(",", choices) + "\"";
            if (inline.Length <= 255 && !choices.Any(c => c.Contains(',') || c.Contains('"')))
                validation.Append(new Formula1(inline));
            else
            {
                lists.Add((column.Name, choices));
                var letter = CellReferences.ColumnName(lists.Count);
                validation.Append(new Formula1($"'{ListsSheet}'!${letter}$2:${letter}${choices.Count + 1}"));
            }
            validation.Error = Truncate($"请从下拉列表中选择：{string.Join("、", choices)}。", 255);
            return validation;
        }
        switch (column.Kind)
        {
            case ColumnKind.Money:
                validation.Type = DataValidationValues.Decimal;
                validation.Operator = DataValidationOperatorValues.GreaterThanOrEqual;
                validation.Append(new Formula1("0"));
                validation.Error = "金额以万元为单位，应是不小于 0 的数字，最多两位小数。";
                return validation;
            case ColumnKind.Percent:
                validation.Type = DataValidationValues.Decimal;
                validation.Operator = DataValidationOperatorValues.Between;
                validation.Append(new Formula1("0"), new Formula2("1"));
                validation.Error = "百分比应在 0% 到 100% 之间（输入 25 或 25% 都是 25%）。";
                return validation;
            case ColumnKind.Number:
                validation.Type = DataValidationValues.Decimal;
                validation.Operator = DataValidationOperatorValues.Between;
                validation.Append(new Formula1("-1E+15"), new Formula2("1E+15"));
                validation.Error = "应是数字。";
                return validation;
            default:
                // No limit on the value: the prompt alone (Excel shows it when the cell is selected).
                validation.Type = DataValidationValues.None;
                validation.ShowErrorMessage = false;
                return validation;
        }
    }

    private static string Prompt(FormColumn column, IndicatorFramework? framework)
    {
        var what = column.Kind switch
        {
            ColumnKind.Money => "金额，单位万元，最多两位小数",
            ColumnKind.Percent => "百分比（0%–100%），输入 25 即 25%",
            ColumnKind.Number => "数字",
            ColumnKind.Code => "编码，按文本保存（前导 0 保留）",
            ColumnKind.IndicatorValue => "比较符号、数字和单位，如 ≥95%、≤30 万元；或文字，如 巩固提高",
            ColumnKind.Unit => "单位，如 万元、个、%",
            ColumnKind.Period => "期间，如 2023.07-2024.01（按文本保存）",
            ColumnKind.Enumeration => "从下拉列表中选择",
            _ => column.Role is ColumnRole.Level1 or ColumnRole.Level2 ? $"从下拉列表中选择（{framework?.Title ?? "指标体系"}）" : "文字",
        };
        var required = column.Required ? "必填" : "可以不填";
        return column.Note is { Length: > 0 } note ? $"{note}（{what}；{required}）" : $"{what}；{required}。";
    }

    private static Worksheet Instructions(Form form, IReadOnlyList<FormTable> tables, IndicatorFramework? framework, string fileName)
    {
        var rows = new List<Row>();
        void Line(string text, uint style = WrappedStyle, params string[] more)
        {
            var row = new Row { RowIndex = (uint)(rows.Count + 1) };
            row.Append(TextCell(CellReferences.Of(rows.Count + 1, 1), text, style));
            for (var i = 0; i < more.Length; i++) row.Append(TextCell(CellReferences.Of(rows.Count + 1, i + 2), more[i], style));
            rows.Add(row);
        }

        Line($"{form.Title}：填写说明", TitleStyle);
        Line($"表单：{form.Name}。每张表一个工作表（{string.Join("、", tables.Select(t => "“" + TableSheets.SheetName(t.Name) + "”"))}），第一行是列名：请不要修改、删除或移动列名行，从第二行起每行填写一条。");
        Line("带下拉箭头的列请从列表中选择；金额以万元为单位；百分比直接输入 25 或 25%。蓝底的列名是必填列，灰底的可以不填。选中单元格时 Excel 会显示这一列的填写说明。");
        Line("不要隐藏行或工作表（隐藏的行不会读取），不要使用未计算的公式。一级、二级相同的相邻单元格可以合并，合并后每一行都按合并的值读取。");
        Line($"填好后把本工作簿放在文档的 data/ 文件夹中，并在 document.yaml 中写上它，如：");
        foreach (var table in tables) Line($"    {table.Name}: data/{fileName}", WrappedStyle);
        Line("");
        foreach (var table in tables)
        {
            Line($"工作表“{TableSheets.SheetName(table.Name)}”（{table.Name}）", TitleStyle);
            Line("列名", Header, "类型", "必填", "可选值", "说明");
            foreach (var column in table.Columns)
            {
                var values = column.Kind == ColumnKind.Enumeration ? string.Join("、", column.Values)
                    : column.Role == ColumnRole.Level1 && framework is not null ? string.Join("、", framework.Levels.Select(l => l.Name))
                    : column.Role == ColumnRole.Level2 && framework is not null ? string.Join("；", framework.Levels.Select(l => $"{l.Name}：{string.Join("、", l.Level2)}"))
                    : "";
                Line(column.Name, WrappedStyle, KindName(column.Kind), column.Required ? "是" : "否", values, column.Note ?? "");
            }
            Line("");
        }
        return new Worksheet(
            new Columns(
                new Column { Min = 1, Max = 1, Width = 40, CustomWidth = true },
                new Column { Min = 2, Max = 3, Width = 12, CustomWidth = true },
                new Column { Min = 4, Max = 5, Width = 50, CustomWidth = true }),
            new SheetData(rows));
    }

    private static Worksheet ListsWorksheet(IReadOnlyList<(string Name, IReadOnlyList<string> Values)> lists)
    {
        var rows = new List<Row>();
        var height = lists.Max(l => l.Values.Count) + 1;
        for (var r = 1; r <= height; r++)
        {
            var row = new Row { RowIndex = (uint)r };
            for (var c = 0; c < lists.Count; c++)
            {
                var text = r == 1 ? lists[c].Name : r - 2 < lists[c].Values.Count ? lists[c].Values[r - 2] : null;
                if (text is not null) row.Append(TextCell(CellReferences.Of(r, c + 1), text, r == 1 ? Header : General));
            }
            rows.Add(row);
        }
        return new Worksheet(new SheetData(rows));
    }

    private static string KindName(ColumnKind kind) => kind switch
    {
        ColumnKind.Text => "文字", ColumnKind.Code => "编码", ColumnKind.Money => "金额（万元）", ColumnKind.Percent => "百分比",
        ColumnKind.Number => "数字", ColumnKind.IndicatorValue => "比较符号+数字+单位，或文字", ColumnKind.Unit => "单位（如 万元、个）", ColumnKind.Period => "期间",
        _ => "选择",
    };

    private static uint StyleOf(FormColumn column) => column.Kind switch
    {
        ColumnKind.Money => MoneyStyle,
        ColumnKind.Percent => PercentStyle,
        ColumnKind.Number => NumberStyle,
        _ => TextStyle,
    };

    /// <summary>Excel's width (characters) from form.yaml's width: a weight of 1 is about 6 characters; else by the column's kind.</summary>
    private static double WidthOf(FormColumn column)
    {
        var byKind = column.Kind switch
        {
            ColumnKind.Text => 30, ColumnKind.Code => 22, ColumnKind.Money => 14, ColumnKind.Percent => 10,
            ColumnKind.IndicatorValue => 18, ColumnKind.Period => 18, _ => 12,
        };
        var minimum = Math.Max(8, column.Name.Length * 2 + 2);
        if (column.Width is not { Length: > 0 } width) return Math.Max(byKind, minimum);
        double Number(string text) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : 0;
        var chars = column.WidthIsWeight ? Number(width) * 6
            : width.EndsWith("mm", StringComparison.Ordinal) ? Number(width[..^2]) / 2
            : width.EndsWith("cm", StringComparison.Ordinal) ? Number(width[..^2]) * 5
            : width.EndsWith("pt", StringComparison.Ordinal) ? Number(width[..^2]) / 5.5
            : width.EndsWith('%') ? Number(width[..^1]) * 1.5
            : byKind;
        return Math.Round(Math.Clamp(chars, minimum, 80), 1);
    }

    private static Cell TextCell(string reference, string text, uint style) => new()
    {
        CellReference = reference,
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text) { Space = SpaceProcessingModeValues.Preserve }),
        StyleIndex = style == General ? null : style,
    };

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "#,##0.00" }) { Count = 1 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "等线" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "等线" }),
            new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "等线" })) { Count = 3 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDEBF7" }) { PatternType = PatternValues.Solid }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFEDEDED" }) { PatternType = PatternValues.Solid })) { Count = 4 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),                                                                                    // General
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Center }) { FontId = 1, FillId = 3, ApplyFont = true, ApplyFill = true, ApplyAlignment = true }, // optional header
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Center }) { FontId = 1, FillId = 2, ApplyFont = true, ApplyFill = true, ApplyAlignment = true }, // required header
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { NumberFormatId = 49, ApplyNumberFormat = true, ApplyAlignment = true }, // text "@"
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },                                   // money #,##0.00
            new CellFormat { NumberFormatId = 10, ApplyNumberFormat = true },                                    // percent 0.00%
            new CellFormat { NumberFormatId = 0, ApplyNumberFormat = true },                                     // number
            new CellFormat { FontId = 2, ApplyFont = true },                                                     // title
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true }) { Count = 9 });
}
