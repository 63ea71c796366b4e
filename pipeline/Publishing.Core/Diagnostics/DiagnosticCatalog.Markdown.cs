namespace Publishing.Diagnostics;

// 正文 Markdown 和编辑检查 (PUB3xxx)
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticKind SectionWithoutTitle = new(DiagnosticCodes.SectionWithoutTitle, Severity.Error, "章节没有标题",
        "章节文件应以一级标题开头，例如“# 一、总体绩效目标”：它是这一节在目录中的标题。");

    public static readonly DiagnosticKind NumberingSkipped = new(DiagnosticCodes.NumberingSkipped, Severity.Warning, "编号跳号",
        ("jump", "编号从 {previous}（{where}）跳到了 {written}：缺少 {missing}。请补上缺少的一项，或把后面的编号依次改正。"),
        ("first", "这一级编号应从 {first} 开始，这里却是 {written}：缺少 {missing}。请补上缺少的一项，或把后面的编号依次改正。"),
        ("missing-range", "{from}至{to}"));

    public static readonly DiagnosticKind NumberingRepeated = new(DiagnosticCodes.NumberingRepeated, Severity.Warning, "编号重复、倒退或在同一级重新开始",
        ("restart-with-deeper", "编号 {written} 又从头开始了，而前面同一级已编到 {previous}（{where}），中间没有上一级的编号或标题：若这些是 {previous} 之下的小项，应改用下一级编号 {deeper1} {deeper2} ……；若是新的一组，应在前面加一个标题把它们分开。"),
        ("restart", "编号 {written} 又从头开始了，而前面同一级已编到 {previous}（{where}），中间没有上一级的编号或标题：若是新的一组，应在前面加一个标题把它们分开。"),
        ("back", "编号 {written} 重复或倒退：前面同一级已编到 {previous}（{where}），这里应为 {expected}。"),
        ("where-line", "第 {line} 行"),
        ("where-file-line", "{file} 第 {line} 行"));

    public static readonly DiagnosticKind Typo = new(DiagnosticCodes.Typo, Severity.Warning, "疑似错别字",
        "疑似写错：“{found}”应为“{suggested}”{note}。若确属原意，可在 templates/checks/typos.txt 中调整这一条。");

    public static readonly DiagnosticKind StrayLatinWord = new(DiagnosticCodes.StrayLatinWord, Severity.Warning, "中文句子中夹着英文单词",
        ("suggested", "中文句子中夹着英文单词“{word}”：应改为{suggestion}。"),
        ("no-suggestion", "中文句子中夹着英文单词“{word}”：请改为中文或删去。"));

    public static readonly DiagnosticKind UnbalancedPunctuation = new(DiagnosticCodes.UnbalancedPunctuation, Severity.Warning, "成对的标点不配对",
        ("extra-closer", "多出一个 {closer} ：前面没有与它配对的 {opener} 。"),
        ("unclosed", "{opener} 没有对应的 {closer} ：请补上或删去。"));

    public static readonly DiagnosticKind HalfWidthPunctuation = new(DiagnosticCodes.HalfWidthPunctuation, Severity.Warning, "中文之间用了半角标点",
        "中文之间用了半角“{half}”：应为全角“{full}”。");

    public static readonly DiagnosticKind Phrasing = new(DiagnosticCodes.Phrasing, Severity.Warning, "疑似语病",
        "疑似语病：“{found}”宜改为“{suggested}”{note}。若确属原意，可在 templates/checks/phrasing.txt 中调整这一条。");

    public static readonly DiagnosticKind UnknownDataReference = new(DiagnosticCodes.UnknownDataReference, Severity.Error, "数据引用有误",
        ("reference", "数据引用“{reference}”{problem}"),
        ("shape", "应写成 {{{{编码.列名}}}}（项目表的一列）或 {{{{编码.指标.列名}}}}（指标表中一个指标的一列），如 {example}。"),
        ("example", "{{{{{owner}.{column}}}}}"),
        ("example-placeholder", "{{{{P001.列名}}}}"),
        ("unknown-owner", "中的“{name}”不是本文档中项目的编码或名称。{hint}"),
        ("codes", "本文档各项目的编码：{codes}。"),
        ("no-codes", "本文档的项目没有编码：请写项目的名称。"),
        ("indicator-column", "中的“{name}”是指标表的列，一个项目有多行指标：请写明是哪个指标，如 {{{{{owner}.{indicator}.{name}}}}}。"),
        ("unknown-indicator", "中的指标“{name}”不在{owner}的指标表中。{hint}"),
        ("can-reference", "可以引用：{names}。"),
        ("indicator-rows", "中的指标“{name}”在{owner}的指标表中有 {count} 行（第 {lines} 行），无法确定引用哪一行。"),
        ("column-undeclared", "中的列“{name}”不存在：{owner}所在的表单没有声明{table}的列。"),
        ("column-unknown", "中的列“{name}”不存在。{suggestion}{table}可以引用的列：{columns}。"),
        ("project", "项目“{code}”"),
        ("department", "部门整体绩效目标表"),
        ("project-table", "项目表"),
        ("indicator-table", "指标表"),
        ("indicator", "指标"));


    public static readonly DiagnosticKind UnsafeLink = new(DiagnosticCodes.UnsafeLink, Severity.Warning, "不安全的链接",
        "链接地址“{url}”不安全或不受支持，已去掉链接只保留文字（只允许 http、https、mailto 和文内 # 链接）。");

    public static readonly DiagnosticKind ImageNotSupported = new(DiagnosticCodes.ImageNotSupported, Severity.Warning, "图片暂不支持",
        "图片（“{url}”）暂不支持，只保留其说明文字。");

    public static readonly DiagnosticKind MarkdownTooDeep = new(DiagnosticCodes.MarkdownTooDeep, Severity.Error, "Markdown 嵌套太深",
        ("too-deep", "{what}嵌套太深（超过 {max} 层），无法排版。正式文本的列表和引用一般不超过四层：请检查这里是否多打了符号。"),
        ("list", "列表"),
        ("quote", "引用（>）"),
        ("brackets", "方括号（[）"),
        ("emphasis", "强调符号（{mark}）"),
        ("content", "内容"));

}
