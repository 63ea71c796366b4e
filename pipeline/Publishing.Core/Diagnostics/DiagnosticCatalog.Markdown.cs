namespace Publishing.Diagnostics;

// 正文 Markdown 和编辑检查 (PUB3xxx)
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticKind SectionWithoutTitle = new(DiagnosticCodes.SectionWithoutTitle, Severity.Error, "章节没有标题");
    public static readonly DiagnosticKind NumberingSkipped = new(DiagnosticCodes.NumberingSkipped, Severity.Warning, "编号跳号");
    public static readonly DiagnosticKind NumberingRepeated = new(DiagnosticCodes.NumberingRepeated, Severity.Warning, "编号重复、倒退或在同一级重新开始");
    public static readonly DiagnosticKind Typo = new(DiagnosticCodes.Typo, Severity.Warning, "疑似错别字");
    public static readonly DiagnosticKind StrayLatinWord = new(DiagnosticCodes.StrayLatinWord, Severity.Warning, "中文句子中夹着英文单词");
    public static readonly DiagnosticKind UnbalancedPunctuation = new(DiagnosticCodes.UnbalancedPunctuation, Severity.Warning, "成对的标点不配对");
    public static readonly DiagnosticKind HalfWidthPunctuation = new(DiagnosticCodes.HalfWidthPunctuation, Severity.Warning, "中文之间用了半角标点");
    public static readonly DiagnosticKind Phrasing = new(DiagnosticCodes.Phrasing, Severity.Warning, "疑似语病");
    public static readonly DiagnosticKind UnknownDataReference = new(DiagnosticCodes.UnknownDataReference, Severity.Error, "数据引用有误");
    public static readonly DiagnosticKind UnsafeLink = new(DiagnosticCodes.UnsafeLink, Severity.Warning, "不安全的链接");
    public static readonly DiagnosticKind ImageNotSupported = new(DiagnosticCodes.ImageNotSupported, Severity.Warning, "图片暂不支持");
    public static readonly DiagnosticKind MarkdownTooDeep = new(DiagnosticCodes.MarkdownTooDeep, Severity.Error, "Markdown 嵌套太深");
}
