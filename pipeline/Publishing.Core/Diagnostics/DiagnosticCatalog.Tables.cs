namespace Publishing.Diagnostics;

// CSV 表格、金额、项目和指标 (PUB200x–PUB203x)
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticKind CsvMissingColumn = new(DiagnosticCodes.CsvMissingColumn, Severity.Error, "缺少必需的列");
    public static readonly DiagnosticKind CsvUnknownColumn = new(DiagnosticCodes.CsvUnknownColumn, Severity.Error, "未知的列");
    public static readonly DiagnosticKind CsvDuplicateColumn = new(DiagnosticCodes.CsvDuplicateColumn, Severity.Error, "重复的列");
    public static readonly DiagnosticKind CsvEmptyCell = new(DiagnosticCodes.CsvEmptyCell, Severity.Error, "必填的单元格是空的");
    public static readonly DiagnosticKind CsvMalformedQuote = new(DiagnosticCodes.CsvMalformedQuote, Severity.Error, "引号有问题");
    public static readonly DiagnosticKind CsvFieldCount = new(DiagnosticCodes.CsvFieldCount, Severity.Error, "这一行的单元格个数不对");
    public static readonly DiagnosticKind CsvEmptyFile = new(DiagnosticCodes.CsvEmptyFile, Severity.Error, "CSV 文件是空的");
    public static readonly DiagnosticKind BadNumber = new(DiagnosticCodes.BadNumber, Severity.Error, "不是数字");
    public static readonly DiagnosticKind NegativeMoney = new(DiagnosticCodes.NegativeMoney, Severity.Error, "金额是负数");
    public static readonly DiagnosticKind MoneyPrecision = new(DiagnosticCodes.MoneyPrecision, Severity.Error, "金额超过两位小数");
    public static readonly DiagnosticKind BudgetSum = new(DiagnosticCodes.BudgetSum, Severity.Error, "预算数 ≠ 财政资金 + 其他资金");
    public static readonly DiagnosticKind PercentRange = new(DiagnosticCodes.PercentRange, Severity.Error, "支出进度不在 0–100 之间");
    public static readonly DiagnosticKind PercentDecreasing = new(DiagnosticCodes.PercentDecreasing, Severity.Error, "支出进度减少了");
    public static readonly DiagnosticKind EnumerationValue = new(DiagnosticCodes.EnumerationValue, Severity.Error, "不在可选值之中");
    public static readonly DiagnosticKind DuplicateProject = new(DiagnosticCodes.DuplicateProject, Severity.Error, "项目编码重复");
    public static readonly DiagnosticKind UnknownProject = new(DiagnosticCodes.UnknownProject, Severity.Error, "指标所属的项目不存在");
    public static readonly DiagnosticKind ProjectWithoutIndicators = new(DiagnosticCodes.ProjectWithoutIndicators, Severity.Error, "项目没有指标");
    public static readonly DiagnosticKind UnknownLevel1 = new(DiagnosticCodes.UnknownLevel1, Severity.Error, "一级指标不在指标体系中");
    public static readonly DiagnosticKind UnknownLevel2 = new(DiagnosticCodes.UnknownLevel2, Severity.Error, "二级指标不属于这个一级指标");
    public static readonly DiagnosticKind MissingLevel1 = new(DiagnosticCodes.MissingLevel1, Severity.Error, "项目缺少某个一级指标");
    public static readonly DiagnosticKind UnreadableValue = new(DiagnosticCodes.UnreadableValue, Severity.Warning, "指标值读不懂");
    public static readonly DiagnosticKind ValueUnitMismatch = new(DiagnosticCodes.ValueUnitMismatch, Severity.Error, "指标值的单位与计量单位不一致");
    public static readonly DiagnosticKind ValueTypeMismatch = new(DiagnosticCodes.ValueTypeMismatch, Severity.Error, "指标值与指标值类型不符");
    public static readonly DiagnosticKind ExpectedCellEmpty = new(DiagnosticCodes.ExpectedCellEmpty, Severity.Warning, "应填的单元格空着");
}
