namespace Publishing.Diagnostics;

// document.yaml 和表单 (PUB11xx, PUB12xx)
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticKind ManifestSyntax = new(DiagnosticCodes.ManifestSyntax, Severity.Error, "YAML 格式错误",
        ("not-a-mapping", "document.yaml 应是“键: 值”的列表（title、department、year、parts 等）。"));

    public static readonly DiagnosticKind ManifestMissingKey = new(DiagnosticCodes.ManifestMissingKey, Severity.Error, "缺少设置项",
        ("date", "缺少设置项“date”：这份草案的日期，写成 date: 2021-01-15。它是 PDF 的创建日期和预览页上的日期。"));

    // Unknown keys, like the YAML syntax, missing keys and values of the wrong type, are worded by SettingsFileWordings.
    public static readonly DiagnosticKind ManifestUnknownKey = new(DiagnosticCodes.ManifestUnknownKey, Severity.Error, "未知的设置项");

    public static readonly DiagnosticKind ManifestBadValue = new(DiagnosticCodes.ManifestBadValue, Severity.Error, "设置项的值不对",
        ("unit", "unit 应包含 code 和 name 两项。"),
        ("unknown-framework", "未知的指标体系“{name}”。可用的指标体系：{frameworks}（templates/frameworks/ 中的文件名）。"),
        ("no-frameworks", "未知的指标体系“{name}”。templates/frameworks/ 中没有任何指标体系文件。"),
        ("parts", "parts 应是一个列表，每项有 number、title，以及 sections 或 projects。"),
        ("part", "parts 的每一项应包含 number、title，以及 sections 或 projects。"),
        ("section", "sections 的每一项应是一个 Markdown 文件的路径。"),
        ("sections", "sections 应是 Markdown 文件路径的列表（每行以“- ”开头）。"),
        ("empty-part", "这一部分既没有 sections 也没有 projects 或 department_indicators：至少要有一项。"),
        ("table-path", "{key} 应是一个 CSV 文件的路径。"),
        ("theme", "theme 应是 templates/theme/ 中的主题名（如 default），只含字母、数字、- 和 _，而不是“{value}”。"),
        ("year", "year 应是四位年份（如 2021），而不是“{value}”。"),
        ("date", "date 应写成 2021-01-15 这样的日期，而不是“{value}”。"));

    public static readonly DiagnosticKind FormInvalid = new(DiagnosticCodes.FormInvalid, Severity.Error, "表单定义或指标体系文件有误",
        ("form-not-a-mapping", "表单定义应是“键: 值”的列表。"),
        ("framework-not-a-mapping", "指标体系文件应是“键: 值”的列表。"),
        ("unreadable", "无法读取文件：{reason}"),
        ("framework", "framework 应是 templates/frameworks/ 中的指标体系名（如 classic），或写在这里的 level1 列表。"),
        ("metadata-field", "每个设置项应写成“键: required”（必填）或“键: optional”（选填）。"),
        ("metadata", "metadata 应是“设置项: required 或 optional”的列表，如 填报单位: required。"),
        ("table", "{table} 应是列的列表，每列写成 - {{ name: 列名, kind: text }}。"),
        ("tables", "tables 应包含 projects、indicators、department 或 department_indicators，各是列的列表。"),
        ("check-severity", "检查的级别应是 on（照常）、warning（只警告）或 off（不检查）。"),
        ("checks", "checks 应是“检查名: on、warning 或 off”的列表。"),
        ("sums", "sums 应是合计的列表，每项写成 - {{ table: projects, total: 合计列, parts: [组成列, 组成列] }}。"),
        ("limits", "limits 应是“上限名: 数值”的列表，如 max_rows_per_file: 50000（可用：max_rows_per_file、max_content_mb、max_pages）。"),
        ("limit", "{key} 应是大于 0 的整数，而不是“{value}”。"),
        ("qualitative-values", "qualitative_values 应写成 add: [巩固提高, 按月安排]（加到通用的定性值表 templates/checks/qualitative-values.txt 之外）或 replace: [达标, 合格]（只用这些）。"),
        ("column", "每列应写成 {{ name: 列名, kind: text, required: true }}。"),
        ("column-twice", "列“{name}”声明了两次。"),
        ("enumeration-values", "列“{name}”是 enumeration（取值之一），需要 values: [可取的值, …]。"),
        ("width", "列“{name}”的 width 应是相对宽度（如 2）或长度（如 18mm、12%、1.5cm、40pt），而不是“{value}”。"),
        ("role", "列“{name}”的 role 不能是“{value}”：应为 {roles} 之一。是否应为“{nearest}”？"),
        ("role-kind", "列“{name}”的 role: {role} 要求 kind: {kind}，而这一列是 kind: {actual}。"),
        ("role-twice", "role: {role} 已给了列“{other}”（第 {line} 行）：一张表中只能有一列是 {role}。"),
        ("required", "required 应是 true（必填）、false（可以空着）或 expected（应填，空着时警告），而不是“{value}”。"),
        ("empty-under-role", "empty_under 只用于必填（required: true）的 role: level2 或 level3 列，而列“{name}”不是。"),
        ("empty-under", "列“{name}”的 empty_under 应写成 empty_under: [满意度指标]：列出 role: level1 列中的值，只有这些一级之下的行可以空着。"),
        ("value-types-role", "列“{name}”不是 role: value-type，不能写 {key}。"),
        ("value-types", "列“{name}”的 {key} 应是 values 中的值的列表，如 {key}: [{example}]。"),
        ("value-type-unknown", "“{value}”不在列“{name}”的 values 中（{values}）。"),
        ("sum", "每个合计应写成 {{ table: projects, total: 合计列, parts: [组成列, 组成列] }}（都是 money 列）。"),
        ("sum-parts", "合计需要 total（合计列）和 parts（各组成列的列表）。"),
        ("sum-table", "合计所在的表“{table}”在 tables 中没有声明。"),
        ("sum-column", "合计中的“{column}”应是 {table} 中声明为 money 的列。"),
        ("framework-levels", "指标体系应有 level1 列表，每项含 name 和 level2。"),
        ("framework-level", "这一项应写成 name: 产出指标、level2: [数量指标, 质量指标, …]，可加 optional: true（可以没有）。"));

    public static readonly DiagnosticKind UnknownForm = new(DiagnosticCodes.UnknownForm, Severity.Error, "未知的表单",
        ("listed", "未知的表单“{name}”。{suggestion}可用的表单：{forms}（templates/forms/ 中的文件夹名）。"),
        ("none-exist", "未知的表单“{name}”。{suggestion}templates/forms/ 中没有任何表单（每个表单是一个含 form.yaml 的文件夹）。"));
}
