namespace Publishing.Diagnostics;

// 模板、主题和排版 (PUB4xxx)
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticKind MissingGlyph = new(DiagnosticCodes.MissingGlyph, Severity.Warning, "字体中缺字");
    public static readonly DiagnosticKind TemplateSyntax = new(DiagnosticCodes.TemplateSyntax, Severity.Error, "模板语法错误");
    public static readonly DiagnosticKind TemplateRuntime = new(DiagnosticCodes.TemplateRuntime, Severity.Error, "模板运行错误");
    public static readonly DiagnosticKind TemplateIncludeRefused = new(DiagnosticCodes.TemplateIncludeRefused, Severity.Error, "模板引用被拒绝");
    public static readonly DiagnosticKind TemplateLimit = new(DiagnosticCodes.TemplateLimit, Severity.Error, "模板超出限制");
    public static readonly DiagnosticKind ThemeInvalid = new(DiagnosticCodes.ThemeInvalid, Severity.Error, "主题文件有误");
    public static readonly DiagnosticKind CheckDataInvalid = new(DiagnosticCodes.CheckDataInvalid, Severity.Warning, "检查用的数据文件有误");
    public static readonly DiagnosticKind VocabularyIgnored = new(DiagnosticCodes.VocabularyIgnored, Severity.Warning, "PDF 不认识的元素、类或属性");
    public static readonly DiagnosticKind TableRowTooWide = new(DiagnosticCodes.TableRowTooWide, Severity.Warning, "表格一行的格数多于列数");
    public static readonly DiagnosticKind UnknownPageSetup = new(DiagnosticCodes.UnknownPageSetup, Severity.Warning, "未知的页面设置");
    public static readonly DiagnosticKind TocTargetMissing = new(DiagnosticCodes.TocTargetMissing, Severity.Warning, "目录指向不存在的位置");
    public static readonly DiagnosticKind CellOverflow = new(DiagnosticCodes.CellOverflow, Severity.Warning, "表格格子中的一段文字无处可断");
}
