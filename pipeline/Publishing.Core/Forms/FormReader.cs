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
        return reader.Root(text, "form") is { } root ? reader.Form(name, root) : null;
    }

    public static IndicatorFramework? ReadFramework(string name, string text, string displayPath, DiagnosticBag diagnostics)
    {
        var reader = new FormReader(displayPath, diagnostics);
        return reader.Root(text, "framework") is { } root ? reader.Framework(name, root) : null;
    }

    private YamlMappingNode? Root(string text, string file)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            _diagnostics.Add(DiagnosticCatalog.FormInvalid[file + "-yaml"].At(_path, (int)e.Start.Line, (int)e.Start.Column, ("reason", e.Message)));
            return null;
        }
        catch (InvalidOperationException e)
        {
            _diagnostics.Add(DiagnosticCatalog.FormInvalid[file + "-yaml"].At(_path, 1, 1, ("reason", e.Message)));
            return null;
        }
        if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root) return root;
        _diagnostics.Add(DiagnosticCatalog.FormInvalid[file + "-not-a-mapping"].At(_path, 1, 1));
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
            else Bad(frameworkNode, "framework");
        }

        var metadata = new List<MetadataField>();
        if (Node(root, "metadata") is { } metadataNode)
        {
            if (metadataNode is YamlMappingNode fields)
                foreach (var (key, value) in fields.Children)
                {
                    var required = value is YamlScalarNode { Value: "required" };
                    if (value is not YamlScalarNode { Value: "required" or "optional" })
                        Bad(value, "metadata-field");
                    metadata.Add(new MetadataField(((YamlScalarNode)key).Value ?? "", required));
                }
            else Bad(metadataNode, "metadata");
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
                else Bad(value, "table", ("table", tableName));
            }
        }
        else if (Node(root, "tables") is { } notTables) Bad(notTables, "tables");
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
                else Bad(value, "check-severity");
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
            Bad(node, "limits");
            return FormLimits.None;
        }
        CheckKeys(map, LimitKeys);
        int? Limit(string key)
        {
            if (Node(map, key) is not { } value) return null;
            if (value is YamlScalarNode { Value: { } text } && int.TryParse(text.Trim(), System.Globalization.NumberStyles.None,
                    System.Globalization.CultureInfo.InvariantCulture, out var number) && number > 0)
                return number;
            Bad(value, "limit", ("key", key), ("value", (value as YamlScalarNode)?.Value));
            return null;
        }
        return new FormLimits(Limit("max_rows_per_file"), Limit("max_content_mb"), Limit("max_pages"));
    }

    /// <summary>qualitative_values: add: [值, …] (besides the shared list) or replace: [值, …] (instead of it).</summary>
    private QualitativeValues Qualitative(YamlNode node)
    {
        if (node is not YamlMappingNode { Children.Count: 1 } map)
        {
            Bad(node, "qualitative-values");
            return QualitativeValues.Shared;
        }
        CheckKeys(map, new[] { "add", "replace" });
        var (key, value) = map.Children.First();
        var mode = (key as YamlScalarNode)?.Value;
        if (mode is not ("add" or "replace")) return QualitativeValues.Shared;
        if (value is not YamlSequenceNode list || list.Children.Any(v => v is not YamlScalarNode { Value.Length: > 0 }))
        {
            Bad(value, "qualitative-values");
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
                Bad(item, "column");
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
                Bad(column, "column-twice", ("name", name));
                continue;
            }
            var kind = Choice(column, "kind", ColumnKinds) ?? ColumnKind.Text;
            var expected = Node(column, "required") is YamlScalarNode { Value: "expected" };
            var required = !expected && (Requirement(column) ?? true);
            var values = new List<string>();
            if (Node(column, "values") is YamlSequenceNode list)
                values.AddRange(list.Children.OfType<YamlScalarNode>().Select(v => (v.Value ?? "").Trim()).Where(v => v.Length > 0));
            if (kind == ColumnKind.Enumeration && values.Count == 0)
                Bad(column, "enumeration-values", ("name", name));
            var width = Scalar(column, "width");
            if (width is not null && !ColumnWidth().IsMatch(width))
            {
                Bad(Node(column, "width")!, "width", ("name", name), ("value", width));
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
            Bad(node, "role", ("name", name), ("value", text), ("roles", ColumnRoles.Names), ("nearest", nearest));
            return ColumnRole.None;
        }
        if (ColumnRoles.KindOf(role) is { } needed && needed != kind)
        {
            var kindName = ColumnKinds.First(k => k.Value == needed).Key;
            Bad(node, "role-kind", ("name", name), ("role", text), ("kind", kindName), ("actual", ColumnKinds.First(k => k.Value == kind).Key));
            return ColumnRole.None;
        }
        if (!ColumnRoles.AllowsSeveral(role) && before.FirstOrDefault(c => c.Role == role) is { } other)
        {
            Bad(node, "role-twice", ("role", text), ("other", other.Name), ("line", other.Line));
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
        Bad(Node(column, "required")!, "required", ("value", text));
        return null;
    }

    /// <summary>empty_under: [一级, …] of a required level2/level3 column: the 一级 under which it may be empty.</summary>
    private IReadOnlyList<string> EmptyUnder(YamlMappingNode column, string name, ColumnRole role, bool required)
    {
        if (Node(column, "empty_under") is not { } node) return Array.Empty<string>();
        if (role is not (ColumnRole.Level2 or ColumnRole.Level3) || !required)
        {
            Bad(node, "empty-under-role", ("name", name));
            return Array.Empty<string>();
        }
        if (node is not YamlSequenceNode list || list.Count() == 0 || list.Children.Any(v => v is not YamlScalarNode { Value.Length: > 0 }))
        {
            Bad(node, "empty-under", ("name", name));
            return Array.Empty<string>();
        }
        return list.Children.Select(v => ((YamlScalarNode)v).Value!.Trim()).ToList();
    }

    /// <summary>quantitative: / qualitative: of a value-type column: which of its values mean a number, which a qualitative value.</summary>
    private IReadOnlyList<string> ValueTypes(YamlMappingNode column, string key, string name, ColumnRole role, IReadOnlyList<string> values)
    {
        if (Node(column, key) is not { } node) return Array.Empty<string>();
        if (role != ColumnRole.ValueType)
        {
            Bad(node, "value-types-role", ("name", name), ("key", key));
            return Array.Empty<string>();
        }
        if (node is not YamlSequenceNode list || list.Children.Any(v => v is not YamlScalarNode { Value.Length: > 0 }))
        {
            Bad(node, "value-types", ("name", name), ("key", key), ("example", values.Count > 0 ? values[0] : "…"));
            return Array.Empty<string>();
        }
        var result = new List<string>();
        foreach (var item in list.Children.Cast<YamlScalarNode>())
        {
            var value = item.Value!.Trim();
            if (values.Contains(value)) result.Add(value);
            else Bad(item, "value-type-unknown", ("value", value), ("name", name), ("values", values));
        }
        return result;
    }

    private ColumnSum? Sum(YamlNode node, IReadOnlyDictionary<string, FormTable> tables)
    {
        if (node is not YamlMappingNode map)
        {
            Bad(node, "sum");
            return null;
        }
        CheckKeys(map, new[] { "table", "total", "parts" });
        var table = Scalar(map, "table") ?? Model.Form.Projects;
        var total = Scalar(map, "total");
        var parts = Node(map, "parts") is YamlSequenceNode list ? list.Children.OfType<YamlScalarNode>().Select(p => p.Value ?? "").ToList() : new List<string>();
        if (total is null || parts.Count == 0)
        {
            Bad(map, "sum-parts");
            return null;
        }
        if (!tables.TryGetValue(table, out var formTable))
        {
            Bad(map, "sum-table", ("table", table));
            return null;
        }
        foreach (var column in parts.Prepend(total).Where(c => formTable.Column(c) is not { Kind: ColumnKind.Money }))
        {
            Bad(map, "sum-column", ("column", column), ("table", table));
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
            Bad(root, "framework-levels");
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
            Bad(item, "framework-level");
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
        Bad(node, "scalar", ("key", key));
        return null;
    }

    private bool? Bool(YamlMappingNode map, string key)
    {
        var text = Scalar(map, key);
        if (text is null) return null;
        if (text is "true" or "yes") return true;
        if (text is "false" or "no") return false;
        Bad(Node(map, key)!, "bool", ("key", key), ("value", text));
        return null;
    }

    private T? Choice<T>(YamlMappingNode map, string key, Dictionary<string, T> choices) where T : struct
    {
        var text = Scalar(map, key);
        if (text is null) return null;
        if (choices.TryGetValue(text, out var value)) return value;
        var nearest = choices.Keys.MinBy(k => EditDistance.Between(k, text));
        Bad(Node(map, key)!, "choice", ("key", key), ("value", text), ("choices", choices.Keys), ("nearest", nearest));
        return null;
    }

    private void CheckKeys(YamlMappingNode map, string[] known)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (known.Contains(name)) continue;
            var nearest = known.MinBy(k => EditDistance.Between(k, name));
            Bad(key, "unknown-key", ("name", name), ("nearest", nearest), ("known", known));
        }
    }

    private void Missing(YamlMappingNode map, string key) =>
        Bad(map, "missing-key", ("key", key));

    private void Bad(YamlNode node, string wording, params (string Name, object? Value)[] arguments) =>
        _diagnostics.Add(DiagnosticCatalog.FormInvalid[wording].At(_path, (int)node.Start.Line, (int)node.Start.Column, arguments));
}
