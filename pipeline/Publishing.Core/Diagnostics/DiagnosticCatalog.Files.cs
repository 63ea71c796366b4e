namespace Publishing.Diagnostics;

// 文件、路径和编码 (PUB100x)
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticKind FileNotFound = new(DiagnosticCodes.FileNotFound, Severity.Error, "找不到文件");
    public static readonly DiagnosticKind LegacyEncoding = new(DiagnosticCodes.LegacyEncoding, Severity.Warning, "文件是 GB18030/GBK 编码");
    public static readonly DiagnosticKind UnknownEncoding = new(DiagnosticCodes.UnknownEncoding, Severity.Error, "无法识别的编码");
    public static readonly DiagnosticKind PathOutsideDocument = new(DiagnosticCodes.PathOutsideDocument, Severity.Error, "路径指向文档文件夹之外");
    public static readonly DiagnosticKind FileUnreadable = new(DiagnosticCodes.FileUnreadable, Severity.Error, "文件无法读取");
    public static readonly DiagnosticKind NoDocuments = new(DiagnosticCodes.NoDocuments, Severity.Error, "没有文档");
    public static readonly DiagnosticKind NotARegularFile = new(DiagnosticCodes.NotARegularFile, Severity.Error, "不是普通文件");
    public static readonly DiagnosticKind ControlCharacter = new(DiagnosticCodes.ControlCharacter, Severity.Error, "看不见的控制字符");
    public static readonly DiagnosticKind BrokenLink = new(DiagnosticCodes.BrokenLink, Severity.Error, "符号链接断了、绕圈或指向文件夹之外");
}
