namespace Publishing.Diagnostics;

// 工作簿 (PUB204x)
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticKind WorkbookUnreadable = new(DiagnosticCodes.WorkbookUnreadable, Severity.Error, "无法读取工作簿");
    public static readonly DiagnosticKind WorkbookEncrypted = new(DiagnosticCodes.WorkbookEncrypted, Severity.Error, "工作簿设置了打开密码");
    public static readonly DiagnosticKind WorkbookLegacyFormat = new(DiagnosticCodes.WorkbookLegacyFormat, Severity.Error, "Excel 97-2003 格式（.xls）");
    public static readonly DiagnosticKind WorkbookTooLarge = new(DiagnosticCodes.WorkbookTooLarge, Severity.Error, "工作簿解压后过大");
    public static readonly DiagnosticKind WorkbookNoSheet = new(DiagnosticCodes.WorkbookNoSheet, Severity.Error, "工作簿中没有这张表的工作表");
    public static readonly DiagnosticKind TableGivenTwice = new(DiagnosticCodes.TableGivenTwice, Severity.Error, "同一张表给了两次");
    public static readonly DiagnosticKind WorkbookCellValue = new(DiagnosticCodes.WorkbookCellValue, Severity.Error, "单元格的值是公式错误或没有计算结果");
    public static readonly DiagnosticKind WorkbookHidden = new(DiagnosticCodes.WorkbookHidden, Severity.Warning, "隐藏的行或工作表没有读取");
    public static readonly DiagnosticKind WorkbookCellOutsideHeader = new(DiagnosticCodes.WorkbookCellOutsideHeader, Severity.Error, "单元格在列名行的范围之外");
}
