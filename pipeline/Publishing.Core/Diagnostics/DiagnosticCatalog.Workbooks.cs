namespace Publishing.Diagnostics;

// 工作簿 (PUB204x)
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticKind WorkbookUnreadable = new(DiagnosticCodes.WorkbookUnreadable, Severity.Error, "无法读取工作簿",
        ("damaged", "无法读取这个工作簿：文件已损坏，或不是 Excel 工作簿（.xlsx）。请在 Excel 中打开它并另存为 .xlsx；若 Excel 也打不开，请从原件重新导出。"),
        ("damaged-detail", "无法读取这个工作簿：文件已损坏，或不是 Excel 工作簿（.xlsx）（{detail}）。请在 Excel 中打开它并另存为 .xlsx；若 Excel 也打不开，请从原件重新导出。"),
        ("no-workbook-part", "这个 zip 文件中没有 Excel 的工作簿部件（xl/workbook.xml）"),
        ("broken-zip", "zip 结构已损坏"),
        ("sheet", "工作表“{sheet}”：{reason}"));

    public static readonly DiagnosticKind WorkbookEncrypted = new(DiagnosticCodes.WorkbookEncrypted, Severity.Error, "工作簿设置了打开密码",
        "这个工作簿设置了打开密码（已加密），无法读取。请在 Excel 中“文件 → 信息 → 保护工作簿 → 用密码进行加密”清除密码后另存，再放入 data/。");

    public static readonly DiagnosticKind WorkbookLegacyFormat = new(DiagnosticCodes.WorkbookLegacyFormat, Severity.Error, "Excel 97-2003 格式（.xls）",
        "这是 Excel 97-2003 格式（.xls）的工作簿，不能直接读取。请在 Excel 中“另存为 → Excel 工作簿（*.xlsx）”，并在 document.yaml 中改用 .xlsx 文件。");

    public static readonly DiagnosticKind WorkbookTooLarge = new(DiagnosticCodes.WorkbookTooLarge, Severity.Error, "工作簿解压后过大",
        ("too-large", "这个工作簿解压后过大（{detail}），超出了工作簿的上限（解压后 {maxMb} MB，每个部件最多压缩 {maxRatio} 倍），不予读取：它不像是 Excel 正常保存的文件。请在 Excel 中打开后另存为 .xlsx 再试。"),
        ("parts", "有 {count} 个部件"),
        ("ratio", "部件 {part} 压缩了 {ratio} 倍"),
        ("unpacked", "解压后共 {mb} MB"));

    public static readonly DiagnosticKind WorkbookNoSheet = new(DiagnosticCodes.WorkbookNoSheet, Severity.Error, "工作簿中没有这张表的工作表",
        ("no-visible-sheet", "工作簿中没有表 {table} 的工作表：请把它命名为“{sheet}”（或“{table}”）。这个工作簿没有可见的工作表。"),
        ("listed", "工作簿中没有表 {table} 的工作表：请把它命名为“{sheet}”（或“{table}”）。工作簿中的工作表：{sheets}。"),
        ("first-sheet-twice", "表 {other} 和表 {table} 都读取了 {workbook} 的第一个工作表“{first}”：一个工作簿放几张表时，请把工作表分别命名为“{otherSheet}”和“{sheet}”。"),
        ("chart", "工作表“{sheet}”是图表工作表，没有单元格：请把表格放在普通工作表中。"));

    public static readonly DiagnosticKind TableGivenTwice = new(DiagnosticCodes.TableGivenTwice, Severity.Error, "同一张表给了两次",
        ("files", "表 {table} 给了两次：{file} 和 {other}。请删除不用的那个文件（document.yaml 用的是 {file}）。"),
        ("sheets", "表 {table} 给了两次：工作表“{first}”和“{second}”都是这张表。请删除或改名其中一个。"),
        ("file-and-sheet", "表 {table} 给了两次：{used} 和 {workbook} 的工作表“{sheet}”。请只保留一处（删除或改名那个工作表，或在 document.yaml 中改用它）。"));

    public static readonly DiagnosticKind WorkbookCellValue = new(DiagnosticCodes.WorkbookCellValue, Severity.Error, "单元格的值是公式错误或没有计算结果",
        ("formula-not-calculated", "这个单元格是公式（={formula}），但工作簿中没有它的计算结果（文件不是由 Excel 保存的，或保存时没有计算）。请在 Excel 中打开、按 F9 重新计算后保存。{cell}"),
        ("error-value", "这个单元格的值是 Excel 的错误值 {value}：请在 Excel 中改正后保存。{cell}"),
        ("error-value-of-formula", "这个单元格的值是 Excel 的错误值 {value}（公式 ={formula}）：请在 Excel 中改正后保存。{cell}"));

    public static readonly DiagnosticKind WorkbookHidden = new(DiagnosticCodes.WorkbookHidden, Severity.Warning, "隐藏的行或工作表没有读取",
        ("rows", "工作表“{sheet}”中隐藏的行没有读取：第 {rows} 行。要使用它们，请在 Excel 中取消隐藏。{cell}"),
        ("sheet", "工作表“{sheet}”是隐藏的，没有读取。要使用它，请在 Excel 中取消隐藏；不用的话可以删除它。"));

    public static readonly DiagnosticKind WorkbookCellOutsideHeader = new(DiagnosticCodes.WorkbookCellOutsideHeader, Severity.Error, "单元格在列名行的范围之外",
        "这个单元格在列名行的范围之外（列名行到 {lastColumn} 列为止），它的内容“{text}”不属于任何列。请把它移到正确的列，或给这一列写上列名。{cell}");
}
