namespace Publishing.Diagnostics;

// document.yaml 和表单 (PUB11xx, PUB12xx)
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticKind FormInvalid = new(DiagnosticCodes.FormInvalid, Severity.Error, "表单定义或指标体系文件有误");
    public static readonly DiagnosticKind UnknownForm = new(DiagnosticCodes.UnknownForm, Severity.Error, "未知的表单");
    public static readonly DiagnosticKind ManifestSyntax = new(DiagnosticCodes.ManifestSyntax, Severity.Error, "YAML 格式错误");
    public static readonly DiagnosticKind ManifestMissingKey = new(DiagnosticCodes.ManifestMissingKey, Severity.Error, "缺少设置项");
    public static readonly DiagnosticKind ManifestUnknownKey = new(DiagnosticCodes.ManifestUnknownKey, Severity.Error, "未知的设置项");
    public static readonly DiagnosticKind ManifestBadValue = new(DiagnosticCodes.ManifestBadValue, Severity.Error, "设置项的值不对");
}
