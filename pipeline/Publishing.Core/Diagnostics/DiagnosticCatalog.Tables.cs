namespace Publishing.Diagnostics;

// CSV 表格、金额、项目和指标 (PUB200x–PUB203x)
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticKind CsvMissingColumn = new(DiagnosticCodes.CsvMissingColumn, Severity.Error, "缺少必需的列",
        ("column", "缺少必需的列“{column}”。"),
        ("column-of-form", "缺少必需的列“{column}”（{form} 第 {line} 行要求这一列；不需要时可写 required: false）。"));

    public static readonly DiagnosticKind CsvUnknownColumn = new(DiagnosticCodes.CsvUnknownColumn, Severity.Error, "未知的列",
        ("near", "未知的列“{column}”。是否应为“{nearest}”？"),
        ("listed", "未知的列“{column}”。已知的列：{known}。"));

    public static readonly DiagnosticKind CsvDuplicateColumn = new(DiagnosticCodes.CsvDuplicateColumn, Severity.Error, "重复的列",
        "列“{column}”出现了两次。请删除多余的一列。");

    public static readonly DiagnosticKind CsvEmptyCell = new(DiagnosticCodes.CsvEmptyCell, Severity.Error, "必填的单元格是空的",
        ("empty", "“{column}”不能为空。"),
        ("empty-unless-under", "“{column}”不能为空（只有{level1}为 {values} 的行可以空着）。"));

    public static readonly DiagnosticKind CsvMalformedQuote = new(DiagnosticCodes.CsvMalformedQuote, Severity.Error, "引号有问题",
        ("unterminated", "引号没有闭合：这个单元格以 \" 开头，但直到文件结尾都没有结束的 \"。请补上引号。"),
        ("stray", "单元格中间有单独的引号 \"：若要在单元格中写引号，请把整个单元格用引号括起来并把 \" 写成 \"\"。"),
        ("text-after-closing", "结束引号后面还有文字：请把整个单元格放在一对引号中。"),
        ("line-break", "引号内有换行。"));

    public static readonly DiagnosticKind CsvFieldCount = new(DiagnosticCodes.CsvFieldCount, Severity.Error, "这一行的单元格个数不对",
        ("row", "这一行有 {cells} 个单元格，而列名行有 {header} 个。常见原因：单元格内有英文逗号却没有用引号括起来。"),
        ("department-rows", "部门表应恰好有一行数据（列名行之下），这里有 {rows} 行。"));

    public static readonly DiagnosticKind CsvEmptyFile = new(DiagnosticCodes.CsvEmptyFile, Severity.Error, "CSV 文件是空的",
        ("empty", "CSV 文件是空的：第一行应是列名。"),
        ("no-header", "CSV 文件没有列名行。"),
        ("empty-sheet", "工作表“{sheet}”是空的：第一行应是列名。{cell}"));

    public static readonly DiagnosticKind BadNumber = new(DiagnosticCodes.BadNumber, Severity.Error, "不是数字",
        ("number", "“{column}”应是数字，而不是“{text}”。"),
        ("money", "“{column}”应是金额数字（单位：万元，如 60.00 或 1,234.50），而不是“{text}”。"),
        ("money-too-large", "“{column}”的金额 {text} 万元大得不合理（上限 {maximum:0} 万元）：请检查单位是否写成了元。"),
        ("percent", "“{column}”应是百分比数字（如 25.00），而不是“{text}”。"));

    public static readonly DiagnosticKind NegativeMoney = new(DiagnosticCodes.NegativeMoney, Severity.Error, "金额是负数",
        "“{column}”不能为负数（{text}）。");

    public static readonly DiagnosticKind MoneyPrecision = new(DiagnosticCodes.MoneyPrecision, Severity.Error, "金额超过两位小数",
        "“{column}”以万元为单位，最多保留两位小数（{text}）。");

    public static readonly DiagnosticKind BudgetSum = new(DiagnosticCodes.BudgetSum, Severity.Error, "预算数 ≠ 财政资金 + 其他资金",
        "{total} {amount:0.00} 不等于 {terms}（= {sum:0.00}）。");

    public static readonly DiagnosticKind PercentRange = new(DiagnosticCodes.PercentRange, Severity.Error, "支出进度不在 0–100 之间",
        "“{column}”是百分比，应在 0 到 100 之间，而不是 {text}。");

    public static readonly DiagnosticKind PercentDecreasing = new(DiagnosticCodes.PercentDecreasing, Severity.Error, "支出进度减少了",
        "资金支出计划是累计进度，不应减少：{column} {percent:0.00}% 小于 {before} {beforePercent:0.00}%。");

    public static readonly DiagnosticKind EnumerationValue = new(DiagnosticCodes.EnumerationValue, Severity.Error, "不在可选值之中",
        "“{column}”只能是 {values} 之一，而不是“{text}”。");

    public static readonly DiagnosticKind DuplicateProject = new(DiagnosticCodes.DuplicateProject, Severity.Error, "项目编码重复",
        ("code", "{column}“{code}”重复：第 {line} 行已有这个项目。"),
        ("unlinked", "这个表单（{form}）的项目表和指标表没有都标出 role: project-code 的列，指标无法对应到项目：项目表只能有一行（一个项目）。"));

    public static readonly DiagnosticKind UnknownProject = new(DiagnosticCodes.UnknownProject, Severity.Error, "指标所属的项目不存在",
        "指标所属的{column}“{code}”在 {projects} 中不存在。");

    public static readonly DiagnosticKind ProjectWithoutIndicators = new(DiagnosticCodes.ProjectWithoutIndicators, Severity.Error, "项目没有指标",
        ("project", "项目“{code}”在 {indicators} 中没有任何绩效指标。"),
        ("table", "{indicators} 中没有任何绩效指标。"));

    public static readonly DiagnosticKind UnknownLevel1 = new(DiagnosticCodes.UnknownLevel1, Severity.Error, "一级指标不在指标体系中",
        ("unknown", "{level1}“{value}”不在指标体系“{framework}”中：{choices}{hint}"),
        ("is-level2", "“{value}”在这个体系中是“{owner}”下的{level2}。"));


    public static readonly DiagnosticKind UnknownLevel2 = new(DiagnosticCodes.UnknownLevel2, Severity.Error, "二级指标不属于这个一级指标",
        ("unknown", "{level2}“{value}”不属于{level1}“{parent}”（指标体系“{framework}”）：{choices}{hint}"),
        ("belongs-to", "“{value}”属于“{owner}”。"),
        ("is-level1", "在这个体系中“{value}”是{level1}。"),
        ("one-of", "应为 {names} 之一。"),
        ("none-below", "这里不能有下级指标，请留空。"),
        ("below", "{level1}之下的指标"));


    public static readonly DiagnosticKind MissingLevel1 = new(DiagnosticCodes.MissingLevel1, Severity.Error, "项目缺少某个一级指标",
        ("with-level2", "{owner}没有“{level1}”：指标体系“{framework}”要求都有 {required}。请补上“{level1}”（其下可用 {level2}）。"),
        ("without-level2", "{owner}没有“{level1}”：指标体系“{framework}”要求都有 {required}。请补上“{level1}”。"),
        ("project", "项目“{code}”（{name}）"),
        ("department", "部门整体绩效目标表"));


    public static readonly DiagnosticKind UnreadableValue = new(DiagnosticCodes.UnreadableValue, Severity.Warning, "指标值读不懂",
        ("value", "{column}“{text}”{problem}{column}应写成 比较符号+数字+单位（如 ≥95%、≤30 万元），或常用的定性值（如 {examples}）。"),
        ("digits-unread", "含有数字，但读不出“比较符号+数字+单位”（数字过大，或数字前有其他文字）。"),
        ("not-listed", "既不是数值，也不在{list}中：没有读出数字。"),
        ("understood", "读作：比较符号 {operator}，数字 {number}，单位 {unit}"),
        ("none", "无"),
        ("quoted", "“{unit}”"),
        ("negative", "是负数（{understood}）。"),
        ("not-a-unit", "中数字后面的“{unit}”不是单位，可能是一个范围或多个数值（{understood}）。若要写范围，请拆成两条指标或写下限，如 ≥{number}{trimmed}。"),
        ("number-only", "只有数字，没有比较符号和单位（{understood}）。"),
        ("no-unit", "没有单位（{understood}）。请写明单位，如 %、万元、次、个。"),
        ("form-list", "表单 {form} 的定性值表"),
        ("shared-and-form-list", "定性值表（templates/checks/qualitative-values.txt 和表单 {form} 的 qualitative_values）"),
        ("shared-list", "定性值表（templates/checks/qualitative-values.txt）"));


    public static readonly DiagnosticKind ValueUnitMismatch = new(DiagnosticCodes.ValueUnitMismatch, Severity.Error, "指标值的单位与计量单位不一致",
        "{valueColumn}“{value}”的单位“{own}”与{unitColumn}“{unit}”不一致。请改正其中一处；{unitColumn}已写明单位时，{valueColumn}可以只写数字（如 {operator}{number}）。");


    public static readonly DiagnosticKind ValueTypeMismatch = new(DiagnosticCodes.ValueTypeMismatch, Severity.Error, "指标值与指标值类型不符",
        ("not-a-number", "{typeColumn}为“{type}”，{valueColumn}“{value}”却没有数字：应写成 比较符号+数字（如 ≥95、≤30），或把{typeColumn}改为 {qualitative}。"),
        ("a-number", "{typeColumn}为“{type}”，{valueColumn}“{value}”却是数值：应写不以数字表示的值（如 达标、持续改善；期间如 2024.03-2024.10 也可以），或把{typeColumn}改为 {quantitative}。"),
        ("unit", "{typeColumn}为“{type}”的指标不应有{unitColumn}（这里是“{unit}”）：请删去，或把{typeColumn}改为 {quantitative}。"));


    public static readonly DiagnosticKind ExpectedCellEmpty = new(DiagnosticCodes.ExpectedCellEmpty, Severity.Warning, "应填的单元格空着",
        ("no-column", "表中没有“{column}”列：表单（{form} 第 {line} 行）要求应填这一列。"),
        ("empty", "“{column}”空着：表单（{form} 第 {line} 行）要求应填这一列（required: expected）。"));

}
