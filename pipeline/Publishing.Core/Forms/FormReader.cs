using Publishing.Diagnostics;
using Publishing.Model;
using Publishing.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Publishing.Forms;

/// <summary>
/// Reads a form.yaml (and a framework file, which has the same shape as a form's inline framework) node by
/// node, so every mistake in it is an error at its own line and column, with the nearest known word suggested.
/// </summary>
public sealed partial class FormReader
{
    /// <summary>A column's width: a relative weight, or a length in mm, cm, pt or % (what &lt;col&gt; takes).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:\d+(?:\.\d+)?)(?:mm|cm|pt|%)?$")]
    private static partial System.Text.RegularExpressions.Regex ColumnWidth();

    /// <summary>The checks a form can tune, by the name form.yaml uses (the one registry).</summary>
    private static readonly string[] CheckNames = CheckRegistry.Names.ToArray();

    private static readonly string[] TopKeys = { "title", "kind", "framework", "metadata", "tables", "sums", "checks", "limits", "qualitative_values" };

    /// <summary>The limits a form may set instead of the theme's (the theme's limits: has the same keys).</summary>
    private static readonly string[] LimitKeys = { "max_rows_per_file", "max_content_mb", "max_pages" };
    private static readonly string[] ColumnKeys = { "name", "kind", "required", "values", "label", "width", "role", "quantitative", "qualitative", "empty_under", "note" };

    private static readonly Dictionary<string, DocumentKind> Kinds = new()
    {
        ["budget-text"] = DocumentKind.BudgetText, ["project-form"] = DocumentKind.ProjectForm, ["department-form"] = DocumentKind.DepartmentForm,
    };

    private static readonly Dictionary<string, ColumnKind> ColumnKinds = new()
    {
        ["text"] = ColumnKind.Text, ["code"] = ColumnKind.Code, ["money"] = ColumnKind.Money, ["percent"] = ColumnKind.Percent,
        ["number"] = ColumnKind.Number, ["indicator-value"] = ColumnKind.IndicatorValue, ["unit"] = ColumnKind.Unit,
        ["period"] = ColumnKind.Period, ["enumeration"] = ColumnKind.Enumeration,
    };

    private static readonly Dictionary<string, CheckSeverity> Severities = new()
    {
        ["on"] = CheckSeverity.On, ["warning"] = CheckSeverity.Warning, ["off"] = CheckSeverity.Off,
    };

    private readonly string _path;
    private readonly DiagnosticBag _diagnostics;

    private FormReader(string path, DiagnosticBag diagnostics)
    {
        _path = path;
        _diagnostics = diagnostics;
    }

    public static Form? ReadForm(string name, string text, string displayPath, DiagnosticBag diagnostics)
    {
        var reader = new FormReader(displayPath, diagnostics);
        return reader.Root(text, "表单定义") is { } root ? reader.Form(name, root) : null;
    }

    public static IndicatorFramework? ReadFramework(string name, string text, string displayPath, DiagnosticBag diagnostics)
    {
        var reader = new FormReader(displayPath, diagnostics);
        return reader.Root(text, "指标体系文件") is { } root ? reader.Framework(name, root) : null;
    }

    private YamlMappingNode? Root(string text, string what)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            _diagnostics.Error(DiagnosticCodes.FormInvalid, _path, (int)e.Start.Line, (int)e.Start.Column, $"{what}的 YAML 格式错误：{e.Message}");
            return null;
        }
        catch (InvalidOperationException e)
        {
            _diagnostics.Error(DiagnosticCodes.FormInvalid, _path, 1, 1, $"{what}的 YAML 格式错误：{e.Message}");
            return null;
        }
        if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root) return root;
        _diagnostics.Error(DiagnosticCodes.FormInvalid, _path, 1, 1, $"{what}应是“键: 值”的列表。");
        return null;
    }

    private Form? Form(string name, YamlMappingNode root)
    {
        var errors = _diagnostics.ErrorCount;
        CheckKeys(root, TopKeys);
        var title = Scalar(root, "title") ?? name;
        var kind = Choice(root, "kind", Kinds) ?? DocumentKind.BudgetText;

        string framework = "classic";
        IndicatorFramework? inline = null;
        if (Node(root, "framework") is { } frameworkNode)
        {
            if (frameworkNode is YamlScalarNode { Value: { Length: > 0 } frameworkName }) framework = frameworkName.Trim();
            else if (frameworkNode is YamlMappingNode map) { inline = Framework(name, map); framework = name; }
            else Bad(frameworkNode, "framework 应是 templates/frameworks/ 中的指标体系名（如 classic），或写在这里的 level1 列表。");
        }

        var metadata = new List<MetadataField>();
        if (Node(root, "metadata") is { } metadataNode)
        {
            if (metadataNode is YamlMappingNode fields)
                foreach (var (key, value) in fields.Children)
                {
                    var required = value is YamlScalarNode { Value: "required" };
                    if (value is not YamlScalarNode { Value: "required" or "optional" })
                        Bad(value, "每个设置项应写成“键: required”（必填）或“键: optional”（选填）。");
                    metadata.Add(new MetadataField(((YamlScalarNode)key).Value ?? "", required));
                }
            else Bad(metadataNode, "metadata 应是“设置项: required 或 optional”的列表，如 填报单位: required。");
        }

        var tables = new Dictionary<string, FormTable>(StringComparer.Ordinal);
        if (Node(root, "tables") is YamlMappingNode tablesNode)
        {
            CheckKeys(tablesNode, Model.Form.TableNames);
            foreach (var (key, value) in tablesNode.Children)
            {
                var tableName = ((YamlScalarNode)key).Value ?? "";
                if (!Model.Form.TableNames.Contains(tableName)) continue;
                if (value is YamlSequenceNode columns) tables[tableName] = new FormTable(tableName, Columns(columns));
                else Bad(value, $"{tableName} 应是列的列表，每列写成 - {{ name: 列名, kind: text }}。");
            }
        }
        else if (Node(root, "tables") is { } notTables) Bad(notTables, "tables 应包含 projects、indicators、department 或 department_indicators，各是列的列表。");
        else Missing(root, "tables");

        var sums = new List<ColumnSum>();
        if (Node(root, "sums") is YamlSequenceNode sumsNode)
            foreach (var item in sumsNode.Children)
                if (Sum(item, tables) is { } sum) sums.Add(sum);

        var checks = new Dictionary<string, CheckSeverity>(StringComparer.Ordinal);
        if (Node(root, "checks") is YamlMappingNode checksNode)
        {
            CheckKeys(checksNode, CheckNames);
            foreach (var (key, value) in checksNode.Children)
            {
                if (!CheckNames.Contains(((YamlScalarNode)key).Value)) continue;
                if (value is YamlScalarNode { Value: { } level } && Severities.TryGetValue(level.Trim(), out var severity))
                    checks[((YamlScalarNode)key).Value!] = severity;
                else Bad(value, "检查的级别应是 on（照常）、warning（只警告）或 off（不检查）。");
            }
        }

        // Every table is there for the templates (form.tables["department"].columns), empty when not declared.
        foreach (var table in Model.Form.TableNames.Where(t => !tables.ContainsKey(t)))
            tables[table] = new FormTable(table, Array.Empty<FormColumn>());
        var limits = Node(root, "limits") is { } limitsNode ? Limits(limitsNode) : FormLimits.None;
        var qualitative = Node(root, "qualitative_values") is { } qualitativeNode ? Qualitative(qualitativeNode) : QualitativeValues.Shared;
        return _diagnostics.ErrorCount > errors ? null
            : new Form(name, title, kind, framework, inline, metadata, tables, sums, checks)
            {
                SourcePath = _path, Limits = limits, QualitativeValues = qualitative,
            };
    }

    /// <summary>limits: max_rows_per_file, max_content_mb, max_pages: whole numbers above 0, each optional.</summary>
    private FormLimits Limits(YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            Bad(node, "limits 应是“上限名: 数值”的列表，如 max_rows_per_file: 50000（可用：max_rows_per_file、max_content_mb、max_pages）。");
            return FormLimits.None;
        }
        CheckKeys(map, LimitKeys);
        int? Limit(string key)
        {
            if (Node(map, key) is not { } value) return null;
            if (value is YamlScalarNode { Value: { } text } && int.TryParse(text.Trim(), System.Globalization.NumberStyles.None,
                    System.Globalization.CultureInfo.InvariantCulture, out var number) && number > 0)
                return number;
            Bad(value, $"{key} 应是大于 0 的整数，而不是“{(value as YamlScalarNode)?.Value}”。");
            return null;
        }
        return new FormLimits(Limit("max_rows_per_file"), Limit("max_content_mb"), Limit("max_pages"));
    }

    /// <summary>qualitative_values: add: [值, …] (besides the shared list) or replace: [值, …] (instead of it).</summary>
    private QualitativeValues Qualitative(YamlNode node)
    {
        const string Shape = "qualitative_values 应写成 add: [巩固提高, 按月安排]（加到通用的定性值表 templates/checks/qualitative-values.txt 之外）或 replace: [达标, 合格]（只用这些）。";
        if (node is not YamlMappingNode { Children.Count: 1 } map)
        {
            Bad(node, Shape);
            return QualitativeValues.Shared;
        }
        CheckKeys(map, new[] { "add", "replace" });
        var (key, value) = map.Children.First();
        var mode = (key as YamlScalarNode)?.Value;
        if (mode is not ("add" or "replace")) return QualitativeValues.Shared;
        if (value is not YamlSequenceNode list || list.Children.Any(v => v is not YamlScalarNode { Value.Length: > 0 }))
        {
            Bad(value, Shape);
            return QualitativeValues.Shared;
        }
        var values = list.Children.Select(v => ((YamlScalarNode)v).Value!.Trim()).Where(v => v.Length > 0).Distinct().ToList();
        return new QualitativeValues(values, ReplacesShared: mode == "replace");
    }

    private List<FormColumn> Columns(YamlSequenceNode sequence)
    {
        var columns = new List<FormColumn>();
        foreach (var item in sequence.Children)
        {
            if (item is not YamlMappingNode column)
            {
                Bad(item, "每列应写成 { name: 列名, kind: text, required: true }。");
                continue;
            }
            CheckKeys(column, ColumnKeys);
            var name = Scalar(column, "name");
            if (name is null)
            {
                Missing(column, "name");
                continue;
            }
            if (columns.Any(c => c.Name == name))
            {
                Bad(column, $"列“{name}”声明了两次。");
                continue;
            }
            var kind = Choice(column, "kind", ColumnKinds) ?? ColumnKind.Text;
            var expected = Node(column, "required") is YamlScalarNode { Value: "expected" };
            var required = !expected && (Requirement(column) ?? true);
            var values = new List<string>();
            if (Node(column, "values") is YamlSequenceNode list)
                values.AddRange(list.Children.OfType<YamlScalarNode>().Select(v => (v.Value ?? "").Trim()).Where(v => v.Length > 0));
            if (kind == ColumnKind.Enumeration && values.Count == 0)
                Bad(column, $"列“{name}”是 enumeration（取值之一），需要 values: [可取的值, …]。");
            var width = Scalar(column, "width");
            if (width is not null && !ColumnWidth().IsMatch(width))
            {
                Bad(Node(column, "width")!, $"列“{name}”的 width 应是相对宽度（如 2）或长度（如 18mm、12%、1.5cm、40pt），而不是“{width}”。");
                width = null;
            }
            var role = Role(column, name, kind, columns);
            columns.Add(new FormColumn(name, kind, required, values, Scalar(column, "label") ?? name)
            {
                Width = width, Role = role, Line = (int)column.Start.Line, Note = Scalar(column, "note"),
                Expected = expected, EmptyUnder = EmptyUnder(column, name, role, required),
                Quantitative = ValueTypes(column, "quantitative", name, role, values),
                Qualitative = ValueTypes(column, "qualitative", name, role, values),
            });
        }
        return columns;
    }

    /// <summary>role: one of <see cref="ColumnRoles"/>, of a kind that fits it, given to one column of the table (but milestone and value).</summary>
    private ColumnRole Role(YamlMappingNode column, string name, ColumnKind kind, IReadOnlyList<FormColumn> before)
    {
        if (Scalar(column, "role") is not { } text) return ColumnRole.None;
        var node = Node(column, "role")!;
        if (ColumnRoles.Parse(text) is not { } role)
        {
            var nearest = ColumnRoles.Names.MinBy(k => EditDistance.Between(k, text));
            Bad(node, $"列“{name}”的 role 不能是“{text}”：应为 {string.Join("、", ColumnRoles.Names)} 之一。是否应为“{nearest}”？");
            return ColumnRole.None;
        }
        if (ColumnRoles.KindOf(role) is { } needed && needed != kind)
        {
            var kindName = ColumnKinds.First(k => k.Value == needed).Key;
            Bad(node, $"列“{name}”的 role: {text} 要求 kind: {kindName}，而这一列是 kind: {ColumnKinds.First(k => k.Value == kind).Key}。");
            return ColumnRole.None;
        }
        if (!ColumnRoles.AllowsSeveral(role) && before.FirstOrDefault(c => c.Role == role) is { } other)
        {
            Bad(node, $"role: {text} 已给了列“{other.Name}”（第 {other.Line} 行）：一张表中只能有一列是 {text}。");
            return ColumnRole.None;
        }
        return role;
    }

    /// <summary>required: true (the default), false, or expected (a warning when empty).</summary>
    private bool? Requirement(YamlMappingNode column)
    {
        var text = Scalar(column, "required");
        if (text is null) return null;
        if (text is "true" or "yes") return true;
        if (text is "false" or "no") return false;
        Bad(Node(column, "required")!, $"required 应是 true（必填）、false（可以空着）或 expected（应填，空着时警告），而不是“{text}”。");
        return null;
    }

    /// <summary>empty_under: [一级, …] of a required level2/level3 column: the 一级 under which it may be empty.</summary>
    private IReadOnlyList<string> EmptyUnder(YamlMappingNode column, string name, ColumnRole role, bool required)
    {
        if (Node(column, "empty_under") is not { } node) return Array.Empty<string>();
        if (role is not (ColumnRole.Level2 or ColumnRole.Level3) || !required)
        {
            Bad(node, $"empty_under 只用于必填（required: true）的 role: level2 或 level3 列，而列“{name}”不是。");
            return Array.Empty<string>();
        }
        if (node is not YamlSequenceNode list || list.Count() == 0 || list.Children.Any(v => v is not YamlScalarNode { Value.Length: > 0 }))
        {
            Bad(node, $"列“{name}”的 empty_under 应写成 empty_under: [满意度指标]：列出 role: level1 列中的值，只有这些一级之下的行可以空着。");
            return Array.Empty<string>();
        }
        return list.Children.Select(v => ((YamlScalarNode)v).Value!.Trim()).ToList();
    }

    /// <summary>quantitative: / qualitative: of a value-type column: which of its values mean a number, which a qualitative value.</summary>
    private IReadOnlyList<string> ValueTypes(YamlMappingNode column, string key, string name, ColumnRole role, IReadOnlyList<string> values)
    {
        if (Node(column, key) is not { } node) return Array.Empty<string>();
        var shape = $"列“{name}”的 {key} 应是 values 中的值的列表，如 {key}: [{(values.Count > 0 ? values[0] : "…")}]。";
        if (role != ColumnRole.ValueType)
        {
            Bad(node, $"列“{name}”不是 role: value-type，不能写 {key}。");
            return Array.Empty<string>();
        }
        if (node is not YamlSequenceNode list || list.Children.Any(v => v is not YamlScalarNode { Value.Length: > 0 }))
        {
            Bad(node, shape);
            return Array.Empty<string>();
        }
        var result = new List<string>();
        foreach (var item in list.Children.Cast<YamlScalarNode>())
        {
            var value = item.Value!.Trim();
            if (values.Contains(value)) result.Add(value);
            else Bad(item, $"“{value}”不在列“{name}”的 values 中（{string.Join("、", values)}）。");
        }
        return result;
    }

    private ColumnSum? Sum(YamlNode node, IReadOnlyDictionary<string, FormTable> tables)
    {
        if (node is not YamlMappingNode map)
        {
            Bad(node, "每个合计应写成 { table: projects, total: 合计列, parts: [组成列, 组成列] }（都是 money 列）。");
            return null;
        }
        CheckKeys(map, new[] { "table", "total", "parts" });
        var table = Scalar(map, "table") ?? Model.Form.Projects;
        var total = Scalar(map, "total");
        var parts = Node(map, "parts") is YamlSequenceNode list ? list.Children.OfType<YamlScalarNode>().Select(p => p.Value ?? "").ToList() : new List<string>();
        if (total is null || parts.Count == 0)
        {
            Bad(map, "合计需要 total（合计列）和 parts（各组成列的列表）。");
            return null;
        }
        if (!tables.TryGetValue(table, out var formTable))
        {
            Bad(map, $"合计所在的表“{table}”在 tables 中没有声明。");
            return null;
        }
        foreach (var column in parts.Prepend(total).Where(c => formTable.Column(c) is not { Kind: ColumnKind.Money }))
        {
            Bad(map, $"合计中的“{column}”应是 {table} 中声明为 money 的列。");
            return null;
        }
        return new ColumnSum(table, total, parts);
    }

    private IndicatorFramework? Framework(string name, YamlMappingNode root)
    {
        var errors = _diagnostics.ErrorCount;
        CheckKeys(root, new[] { "title", "level1" });
        if (Node(root, "level1") is not YamlSequenceNode levels)
        {
            _diagnostics.Error(DiagnosticCodes.FormInvalid, _path, (int)root.Start.Line, (int)root.Start.Column,
                "指标体系应有 level1 列表，每项含 name 和 level2。");
            return null;
        }
        var result = new List<FrameworkLevel1>();
        foreach (var item in levels.Children)
        {
            if (item is YamlMappingNode map && Scalar(map, "name") is { } level1 && Node(map, "level2") is YamlSequenceNode list)
            {
                CheckKeys(map, new[] { "name", "level2", "optional" });
                var level2 = list.Children.OfType<YamlScalarNode>().Select(s => (s.Value ?? "").Trim()).Where(s => s.Length > 0).ToList();
                result.Add(new FrameworkLevel1(level1, level2, Bool(map, "optional") ?? false));
                continue;
            }
            Bad(item, "这一项应写成 name: 产出指标、level2: [数量指标, 质量指标, …]，可加 optional: true（可以没有）。");
        }
        return _diagnostics.ErrorCount > errors ? null : new IndicatorFramework(name, Scalar(root, "title") ?? name, result);
    }

    private static YamlNode? Node(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private string? Scalar(YamlMappingNode map, string key)
    {
        var node = Node(map, key);
        if (node is null) return null;
        if (node is YamlScalarNode { Value: { } value } && value.Trim().Length > 0) return value.Trim();
        Bad(node, $"{key} 应是一个非空的值。");
        return null;
    }

    private bool? Bool(YamlMappingNode map, string key)
    {
        var text = Scalar(map, key);
        if (text is null) return null;
        if (text is "true" or "yes") return true;
        if (text is "false" or "no") return false;
        Bad(Node(map, key)!, $"{key} 应是 true 或 false，而不是“{text}”。");
        return null;
    }

    private T? Choice<T>(YamlMappingNode map, string key, Dictionary<string, T> choices) where T : struct
    {
        var text = Scalar(map, key);
        if (text is null) return null;
        if (choices.TryGetValue(text, out var value)) return value;
        var nearest = choices.Keys.MinBy(k => EditDistance.Between(k, text));
        Bad(Node(map, key)!, $"{key} 不能是“{text}”：应为 {string.Join("、", choices.Keys)} 之一。是否应为“{nearest}”？");
        return null;
    }

    private void CheckKeys(YamlMappingNode map, string[] known)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (known.Contains(name)) continue;
            var nearest = known.MinBy(k => EditDistance.Between(k, name));
            _diagnostics.Error(DiagnosticCodes.FormInvalid, _path, (int)key.Start.Line, (int)key.Start.Column,
                $"未知的设置项“{name}”。是否应为“{nearest}”？可用的设置项：{string.Join("、", known)}。");
        }
    }

    private void Missing(YamlMappingNode map, string key) =>
        _diagnostics.Error(DiagnosticCodes.FormInvalid, _path, (int)map.Start.Line, (int)map.Start.Column, $"缺少设置项“{key}”。");

    private void Bad(YamlNode node, string message) =>
        _diagnostics.Error(DiagnosticCodes.FormInvalid, _path, (int)node.Start.Line, (int)node.Start.Column, message);
}
