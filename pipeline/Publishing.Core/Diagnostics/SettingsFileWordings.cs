namespace Publishing.Diagnostics;

/// <summary>
/// The words of the mistakes every settings file can have (document.yaml, form.yaml and framework files, themes),
/// which the settings reading layer (the Yaml/ folder) finds and reports under the file's own code: PUB1101–PUB1104, PUB1201
/// or PUB4105. Templates with checked parameters, as the catalog's; docs/diagnostics.md's examples of those codes
/// may be these wordings (DiagnosticCatalogTests).
/// </summary>
public static class SettingsFileWordings
{
    private static readonly DiagnosticKind Words = new("", Severity.Error, "",
        ("syntax", "YAML 格式错误：{reason}（常见原因：冒号后缺空格、缩进不齐、中文引号）。"),
        ("unclosed", "方括号 [ 或花括号 {{ 没有闭合（值以 [ 开头却没有 ]；若值本身含 [，请给整个值加引号）"),
        ("too-large", "文件太大：有 {length:N0} 个字符，设置文件最多 {limit:N0} 个（约 1 MB），从这里起超出。"),
        ("too-deep", "嵌套太深：列表和表最多套 {limit} 层。"),
        ("too-many", "值太多：设置文件最多 {limit:N0} 个值（别名按它代表的值计），从这里起超出。"),
        ("alias-too-many", "值太多：别名 *{alias} 展开后，设置文件超过了 {limit:N0} 个值。"),
        ("alias-unknown", "别名 *{alias} 前面没有对应的 &{alias}（别名只能指向已经写完的值）。"),
        ("key-not-a-word", "设置项的名称应是一个词（如 title），而不是列表或表。"),
        ("key-twice", "设置项“{key}”写了两次（第一次在第 {first} 行）：只保留一个。"),
        ("unknown-key", "未知的设置项“{key}”。{suggestion}{known}"),
        ("known-keys", "可用的设置项：{keys}。"),
        ("missing-key", "缺少设置项“{key}”。"),
        ("empty", "{key} 不能为空。"),
        ("not-single", "{key} 应是一个值（如 {key}: …），而不是列表或多项设置。"),
        ("not-a-choice", "{key} 不能是“{text}”：应为 {choices} 之一。{suggestion}"),
        ("not-a-number", "“{text}”应为数字"),
        ("not-whole", "“{text}”应为整数"),
        ("out-of-range", "“{text}”超出了允许的范围"),
        ("not-a-bool", "“{text}”应为 true 或 false"),
        ("key-not-a-bool", "{key} 应是 true 或 false，而不是“{text}”。"));

    public static IReadOnlyList<MessageTemplate> Templates => Words.Templates;

    public static string Say(string variant, params (string Name, object? Value)[] arguments) => Words[variant].Format(arguments);
}
