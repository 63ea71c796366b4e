namespace Publishing.Diagnostics;

// 输出、规模上限和内部错误 (PUB5xxx, PUB6xxx, PUB9001)
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticKind OutputWriteFailed = new(DiagnosticCodes.OutputWriteFailed, Severity.Error, "无法写入输出");
    public static readonly DiagnosticKind SinceRevisionUnavailable = new(DiagnosticCodes.SinceRevisionUnavailable, Severity.Error, "--since 的修订无法比较");
    public static readonly DiagnosticKind VolumeMixedYears = new(DiagnosticCodes.VolumeMixedYears, Severity.Warning, "汇编合并了不同年度的文档");
    public static readonly DiagnosticKind TooManyRows = new(DiagnosticCodes.TooManyRows, Severity.Error, "数据文件的行数超过上限");
    public static readonly DiagnosticKind ContentTooLarge = new(DiagnosticCodes.ContentTooLarge, Severity.Error, "文档内容超过大小上限");
    public static readonly DiagnosticKind TooManyPages = new(DiagnosticCodes.TooManyPages, Severity.Error, "PDF 页数超过上限");
    public static readonly DiagnosticKind TooManyHtmlBlocks = new(DiagnosticCodes.TooManyHtmlBlocks, Severity.Error, "HTML 的块数超过上限");
    public static readonly DiagnosticKind HtmlTooLarge = new(DiagnosticCodes.HtmlTooLarge, Severity.Error, "HTML 超过大小上限");
    public static readonly DiagnosticKind NearPageLimit = new(DiagnosticCodes.NearPageLimit, Severity.Warning, "PDF 页数接近上限",
        ("longest", "这个文档的 PDF 有 {pages:N0} 页，接近 {limit:N0} 页的上限；再多 {left:N0} 页，PDF 就不会生成。最长的一段从这里开始（第 {first:N0} 页起，共 {length:N0} 页）。" +
                    "请核对是否有误粘贴的大段文字或数据行；确实需要时，把内容分到几个文档中，或请维护者调高{setting} 中的 limits.max_pages。"),
        ("document", "这个文档的 PDF 有 {pages:N0} 页，接近 {limit:N0} 页的上限；再多 {left:N0} 页，PDF 就不会生成。" +
                     "请核对是否有误粘贴的大段文字或数据行；确实需要时，把内容分到几个文档中，或请维护者调高{setting} 中的 limits.max_pages。"));
    public static readonly DiagnosticKind InternalError = new(DiagnosticCodes.InternalError, Severity.Error, "Publishing 内部错误");
}
