using Publishing.Text;
using System.Globalization;
using Publishing.Diagnostics;
using Publishing.Forms;
using Publishing.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Publishing.Content;

/// <summary>
/// Reads document.yaml node by node (not by deserialising into a class) so that every missing key,
/// unknown key or bad value is reported at its own line and column.
/// </summary>
public sealed class ManifestReader
{
    private static readonly string[] TopKeys =
        { "form", "title", "department", "year", "status", "prepared_by", "reviewed_by", "unit", "currency", "framework", "theme", "date", "parts" };
    private static readonly string[] PartKeys = { "number", "title", "sections", "projects", "indicators", "department", "department_indicators" };

    private readonly string _path;
    private readonly FormCatalog _forms;
    private readonly DiagnosticBag _diagnostics;
    private Form _form = Form.Unnamed;

    private ManifestReader(string path, FormCatalog forms, DiagnosticBag diagnostics)
    {
        _path = path;
        _forms = forms;
        _diagnostics = diagnostics;
    }

    public static DocumentManifest? Read(string text, string displayPath, FormCatalog forms, DiagnosticBag diagnostics) =>
        new ManifestReader(displayPath, forms, diagnostics).Read(text);

    private DocumentManifest? Read(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            _diagnostics.Error(DiagnosticCodes.ManifestSyntax, _path, (int)e.Start.Line, (int)e.Start.Column,
                $"YAML 格式错误：{FirstSentence(e.Message)}（常见原因：冒号后缺空格、缩进不齐、中文引号）。");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this (without a position) on some unclosed [ or { followed by a comment.
            var line = Array.FindIndex(text.Split('\n'), l => l.Split('#')[0].Count(c => c is '[' or '{') > l.Split('#')[0].Count(c => c is ']' or '}')) + 1;
            _diagnostics.Error(DiagnosticCodes.ManifestSyntax, _path, Math.Max(line, 1), 1,
                "YAML 格式错误：方括号 [ 或花括号 { 没有闭合（常见原因：值以 [ 开头却没有 ]；若值本身含 [，请给整个值加引号）。");
            return null;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            _diagnostics.Error(DiagnosticCodes.ManifestSyntax, _path, 1, 1, "document.yaml 应是“键: 值”的列表（title、department、year、parts 等）。");
            return null;
        }

        var errorsBefore = _diagnostics.ErrorCount;
        if (ReadForm(root) is not { } form) return null;
        _form = form;
        var budgetText = form.Kind == DocumentKind.BudgetText;
        CheckKeys(root, TopKeys.Concat(form.Metadata.Select(m => m.Key)).ToArray());
        var unit = root.Children.TryGetValue(new YamlScalarNode("unit"), out var unitNode) ? unitNode as YamlMappingNode : null;
        if (unitNode is not null && unit is null) BadValue(unitNode, "unit 应包含 code 和 name 两项。");
        if (unit is not null) CheckKeys(unit, new[] { "code", "name" });

        var metadata = new DocumentMetadata(
            Title: RequiredString(root, "title"),
            Department: budgetText ? RequiredString(root, "department") : OptionalString(root, "department") ?? "",
            Year: RequiredYear(root),
            Status: OptionalString(root, "status") ?? "草案",
            PreparedBy: budgetText ? RequiredString(root, "prepared_by") : OptionalString(root, "prepared_by") ?? "",
            ReviewedBy: budgetText ? RequiredString(root, "reviewed_by") : OptionalString(root, "reviewed_by") ?? "",
            UnitCode: unit is not null ? RequiredString(unit, "code") : budgetText ? RequiredString(root, "unit") : "",
            UnitName: unit is null ? "" : RequiredString(unit, "name"),
            Currency: OptionalString(root, "currency") ?? "万元",
            Framework: OptionalString(root, "framework") ?? form.Framework,
            Theme: ThemeName(root),
            Date: RequiredDate(root))
        {
            ManifestPath = _path,
            Locations = root.Children
                .Where(pair => pair.Key is YamlScalarNode { Value: not null })
                .ToDictionary(pair => ((YamlScalarNode)pair.Key).Value!, pair => Where(pair.Value), StringComparer.Ordinal),
            Fields = form.Metadata.ToDictionary(m => m.Key, m => m.Required ? RequiredString(root, m.Key) : OptionalString(root, m.Key) ?? "", StringComparer.Ordinal),
        };

        var framework = ReadFramework(root, form, metadata.Framework);
        var parts = ReadParts(root);
        return _diagnostics.ErrorCount > errorsBefore ? null : new DocumentManifest(_path, metadata, parts, form, framework);
    }

    /// <summary>The form document.yaml names (form: …), or the sample's form when it names none.</summary>
    private Form? ReadForm(YamlMappingNode root)
    {
        var name = OptionalString(root, "form") ?? FormCatalog.DefaultForm;
        if (_forms.LoadForm(name, _diagnostics) is { } form) return form;
        if (FormCatalog.IsPlainName(name) && _forms.FormNames().Contains(name)) return null; // the form file's own errors are reported
        var at = root.Children.TryGetValue(new YamlScalarNode("form"), out var node) ? Where(node) : new SourceLocation(_path, 1, 1);
        var known = _forms.FormNames();
        var list = known.Count > 0 ? $"可用的表单：{string.Join("、", known)}（templates/forms/ 中的文件夹名）。" : "templates/forms/ 中没有任何表单（每个表单是一个含 form.yaml 的文件夹）。";
        var nearest = known.Where(k => EditDistance.Between(k, name) <= Math.Max(2, k.Length / 3)).MinBy(k => EditDistance.Between(k, name));
        _diagnostics.Error(DiagnosticCodes.UnknownForm, at.Path, at.Line, at.Column,
            $"未知的表单“{name}”。{(nearest is null ? "" : $"是否应为“{nearest}”？")}{list}");
        return null;
    }

    /// <summary>The framework document.yaml names, else the form's (inline in form.yaml, or a file it names).</summary>
    private IndicatorFramework? ReadFramework(YamlMappingNode root, Form form, string name)
    {
        var named = root.Children.ContainsKey(new YamlScalarNode("framework"));
        if (!named && form.InlineFramework is { } inline) return inline;
        if (_forms.LoadFramework(name, _diagnostics) is { } framework) return framework;
        if (FormCatalog.IsPlainName(name) && _forms.FrameworkNames().Contains(name)) return null;
        var known = _forms.FrameworkNames();
        var list = known.Count > 0 ? $"可用的指标体系：{string.Join("、", known)}（templates/frameworks/ 中的文件名）。" : "templates/frameworks/ 中没有任何指标体系文件。";
        var at = named ? Where(root.Children[new YamlScalarNode("framework")]) : new SourceLocation(_path, 1, 1);
        _diagnostics.Error(DiagnosticCodes.ManifestBadValue, at.Path, at.Line, at.Column, $"未知的指标体系“{name}”。{list}");
        return null;
    }

    private IReadOnlyList<ManifestPart> ReadParts(YamlMappingNode root)
    {
        if (!root.Children.TryGetValue(new YamlScalarNode("parts"), out var node))
        {
            Missing(root, "parts");
            return Array.Empty<ManifestPart>();
        }
        if (node is not YamlSequenceNode sequence || sequence.Children.Count == 0)
        {
            BadValue(node, "parts 应是一个列表，每项有 number、title，以及 sections 或 projects。");
            return Array.Empty<ManifestPart>();
        }

        var parts = new List<ManifestPart>();
        foreach (var item in sequence.Children)
        {
            if (item is not YamlMappingNode part)
            {
                BadValue(item, "parts 的每一项应包含 number、title，以及 sections 或 projects。");
                continue;
            }
            CheckKeys(part, PartKeys);
            var sections = new List<FileReference>();
            if (part.Children.TryGetValue(new YamlScalarNode("sections"), out var sectionsNode))
            {
                if (sectionsNode is YamlSequenceNode list)
                    foreach (var entry in list.Children)
                    {
                        if (entry is YamlScalarNode { Value: { Length: > 0 } value }) sections.Add(Reference(entry, value));
                        else BadValue(entry, "sections 的每一项应是一个 Markdown 文件的路径。");
                    }
                else BadValue(sectionsNode, "sections 应是 Markdown 文件路径的列表（每行以“- ”开头）。");
            }
            var projects = OptionalReference(part, "projects");
            var indicators = OptionalReference(part, "indicators");
            var department = OptionalReference(part, "department");
            var departmentIndicators = OptionalReference(part, "department_indicators");
            if (projects is not null && indicators is null) Missing(part, "indicators");
            if (department is not null && departmentIndicators is null) Missing(part, "department_indicators");
            if (sections.Count == 0 && projects is null && departmentIndicators is null)
                BadValue(part, "这一部分既没有 sections 也没有 projects 或 department_indicators：至少要有一项。");
            var budgetText = _form.Kind == DocumentKind.BudgetText;
            parts.Add(new ManifestPart(
                budgetText ? RequiredString(part, "number") : OptionalString(part, "number") ?? "",
                budgetText ? RequiredString(part, "title") : OptionalString(part, "title") ?? "",
                sections, projects, indicators) { Department = department, DepartmentIndicators = departmentIndicators });
        }
        return parts;
    }

    private FileReference? OptionalReference(YamlMappingNode map, string key)
    {
        if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node)) return null;
        if (node is YamlScalarNode { Value: { Length: > 0 } value }) return Reference(node, value);
        BadValue(node, $"{key} 应是一个 CSV 文件的路径。");
        return null;
    }

    private FileReference Reference(YamlNode node, string value) => new(value, Where(node));

    private SourceLocation Where(YamlNode node) => new(_path, (int)node.Start.Line, (int)node.Start.Column);

    private void CheckKeys(YamlMappingNode map, string[] known)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (known.Contains(name)) continue;
            var nearest = known.MinBy(k => EditDistance.Between(k, name));
            _diagnostics.Error(DiagnosticCodes.ManifestUnknownKey, _path, (int)key.Start.Line, (int)key.Start.Column,
                $"未知的设置项“{name}”。是否应为“{nearest}”？");
        }
    }

    private string RequiredString(YamlMappingNode map, string key)
    {
        if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            Missing(map, key);
            return "";
        }
        if (node is YamlScalarNode { Value: { } value } && value.Trim().Length > 0) return value.Trim();
        BadValue(node, $"{key} 不能为空。");
        return "";
    }

    private string? OptionalString(YamlMappingNode map, string key)
    {
        if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node)) return null;
        if (node is YamlScalarNode scalar) return string.IsNullOrWhiteSpace(scalar.Value) ? null : scalar.Value.Trim();
        BadValue(node, $"{key} 应是一个值（如 {key}: …），而不是列表或多项设置。");
        return null;
    }

    /// <summary>A theme is a file name in templates/theme/, never a path.</summary>
    private string ThemeName(YamlMappingNode root)
    {
        var name = OptionalString(root, "theme") ?? "default";
        if (name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) return name;
        BadValue(root.Children[new YamlScalarNode("theme")], $"theme 应是 templates/theme/ 中的主题名（如 default），只含字母、数字、- 和 _，而不是“{name}”。");
        return "default";
    }

    private int RequiredYear(YamlMappingNode root)
    {
        var text = RequiredString(root, "year");
        if (text.Length == 0) return 0;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1990 and <= 2100) return year;
        BadValue(root.Children[new YamlScalarNode("year")], $"year 应是四位年份（如 2021），而不是“{text}”。");
        return 0;
    }

    /// <summary>
    /// The draft's date, required: it is the PDF's creation date and the preview's date stamp, and there is no
    /// right date to assume (the build's own date would make every rebuild differ; any fixed one is wrong).
    /// </summary>
    private DateOnly RequiredDate(YamlMappingNode root)
    {
        if (!root.Children.TryGetValue(new YamlScalarNode("date"), out var node))
        {
            _diagnostics.Error(DiagnosticCodes.ManifestMissingKey, _path, (int)root.Start.Line, (int)root.Start.Column,
                "缺少设置项“date”：这份草案的日期，写成 date: 2021-01-15。它是 PDF 的创建日期和预览页上的日期。");
            return default;
        }
        var text = (node as YamlScalarNode)?.Value ?? "";
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        BadValue(node, $"date 应写成 2021-01-15 这样的日期，而不是“{text}”。");
        return default;
    }

    private void Missing(YamlMappingNode map, string key) =>
        _diagnostics.Error(DiagnosticCodes.ManifestMissingKey, _path, (int)map.Start.Line, (int)map.Start.Column, $"缺少设置项“{key}”。");

    private void BadValue(YamlNode node, string message) =>
        _diagnostics.Error(DiagnosticCodes.ManifestBadValue, _path, (int)node.Start.Line, (int)node.Start.Column, message);

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message.TrimEnd('.');
    }
}
