using Publishing.Diagnostics;
using Publishing.Model;
using Publishing.Text;
using Publishing.Yaml;

namespace Publishing.Forms;

/// <summary>
/// Reads a form.yaml (and a framework file, which has the same shape as a form's inline framework) through the
/// shared settings-file layer (<see cref="YamlFile"/>), so every mistake in it is a PUB1201 at its own line and
/// column, with the nearest known word suggested.
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

    /// <summary>Every mistake of a form or framework file is PUB1201.</summary>
    public static readonly YamlFileKind FileKind = YamlFileKind.WithOneCode(DiagnosticCodes.FormInvalid);

    private readonly DiagnosticBag _diagnostics;

    private FormReader(DiagnosticBag diagnostics) => _diagnostics = diagnostics;

    public static Form? ReadForm(string name, string text, string displayPath, DiagnosticBag diagnostics) =>
        YamlFile.ReadMapping(text, displayPath, FileKind, diagnostics, DiagnosticCatalog.FormInvalid["form-not-a-mapping"].Format()) is { } root
            ? new FormReader(diagnostics).Form(name, root)
            : null;

    public static IndicatorFramework? ReadFramework(string name, string text, string displayPath, DiagnosticBag diagnostics) =>
        YamlFile.ReadMapping(text, displayPath, FileKind, diagnostics, DiagnosticCatalog.FormInvalid["framework-not-a-mapping"].Format()) is { } root
            ? new FormReader(diagnostics).Framework(name, root)
            : null;

    private Form? Form(string name, YamlMapping root)
    {
        var errors = _diagnostics.ErrorCount;
        root.CheckKeys(TopKeys, listKnown: true);
        var title = root.NonEmptyText("title") ?? name;
        var kind = root.Choice("kind", Kinds) ?? DocumentKind.BudgetText;

        string framework = "classic";
        IndicatorFramework? inline = null;
        if (root.Value("framework") is { } frameworkNode)
        {
            if (frameworkNode is YamlScalar { IsEmpty: false } frameworkName) framework = frameworkName.Trimmed;
            else if (frameworkNode is YamlMapping map) { inline = Framework(name, map); framework = name; }
            else Bad(frameworkNode, "framework");
        }

        var metadata = new List<MetadataField>();
        foreach (var (key, value) in root.Mapping("metadata", Say("metadata"))?.Entries ?? [])
        {
            var required = value is YamlScalar { Text: "required" };
            if (value is not YamlScalar { Text: "required" or "optional" }) Bad(value, "metadata-field");
            metadata.Add(new MetadataField(key.Text, required));
        }

        var tables = new Dictionary<string, FormTable>(StringComparer.Ordinal);
        if (root.Mapping("tables", Say("tables")) is { } tablesNode)
        {
            tablesNode.CheckKeys(Model.Form.TableNames, listKnown: true);
            foreach (var (key, value) in tablesNode.Entries)
            {
                var tableName = key.Text;
                if (!Model.Form.TableNames.Contains(tableName)) continue;
                if (value is YamlSequence columns) tables[tableName] = new FormTable(tableName, Columns(columns));
                else Bad(value, "table", ("table", tableName));
            }
        }
        else if (!root.Has("tables")) root.Missing("tables");

        var sums = new List<ColumnSum>();
        foreach (var item in root.Sequence("sums", Say("sums"))?.Items ?? [])
            if (Sum(item, tables) is { } sum) sums.Add(sum);

        var checks = new Dictionary<string, CheckSeverity>(StringComparer.Ordinal);
        if (root.Mapping("checks", Say("checks")) is { } checksNode)
        {
            checksNode.CheckKeys(CheckNames, listKnown: true);
            foreach (var (key, value) in checksNode.Entries)
            {
                if (!CheckNames.Contains(key.Text)) continue;
                if (value is YamlScalar { Trimmed: var level } && Severities.TryGetValue(level, out var severity)) checks[key.Text] = severity;
                else Bad(value, "check-severity");
            }
        }

        // Every table is there for the templates (form.tables["department"].columns), empty when not declared.
        foreach (var table in Model.Form.TableNames.Where(t => !tables.ContainsKey(t)))
            tables[table] = new FormTable(table, Array.Empty<FormColumn>());
        var limits = root.Value("limits") is { } limitsNode ? Limits(limitsNode) : FormLimits.None;
        var qualitative = root.Value("qualitative_values") is { } qualitativeNode ? Qualitative(qualitativeNode) : QualitativeValues.Shared;
        return _diagnostics.ErrorCount > errors ? null
            : new Form(name, title, kind, framework, inline, metadata, tables, sums, checks)
            {
                SourcePath = root.File.Path, Limits = limits, QualitativeValues = qualitative,
            };
    }

    /// <summary>limits: max_rows_per_file, max_content_mb, max_pages: whole numbers above 0, each optional.</summary>
    private static FormLimits Limits(YamlValue node)
    {
        if (node is not YamlMapping map)
        {
            Bad(node, "limits");
            return FormLimits.None;
        }
        map.CheckKeys(LimitKeys, listKnown: true);
        int? Limit(string key)
        {
            if (map.Value(key) is not { } value) return null;
            if (value is YamlScalar { Trimmed: var text } && int.TryParse(text, System.Globalization.NumberStyles.None,
                    System.Globalization.CultureInfo.InvariantCulture, out var number) && number > 0)
                return number;
            Bad(value, "limit", ("key", key), ("value", (value as YamlScalar)?.Text));
            return null;
        }
        return new FormLimits(Limit("max_rows_per_file"), Limit("max_content_mb"), Limit("max_pages"));
    }

    /// <summary>qualitative_values: add: [值, …] (besides the shared list) or replace: [值, …] (instead of it).</summary>
    private static QualitativeValues Qualitative(YamlValue node)
    {
        if (node is not YamlMapping { Entries.Count: 1 } map)
        {
            Bad(node, "qualitative-values");
            return QualitativeValues.Shared;
        }
        map.CheckKeys(new[] { "add", "replace" }, listKnown: true);
        var (key, value) = map.Entries[0];
        var mode = key.Text;
        if (mode is not ("add" or "replace")) return QualitativeValues.Shared;
        if (value is not YamlSequence list || list.Items.Any(v => v is not YamlScalar { Text.Length: > 0 }))
        {
            Bad(value, "qualitative-values");
            return QualitativeValues.Shared;
        }
        var values = list.Items.Select(v => ((YamlScalar)v).Trimmed).Where(v => v.Length > 0).Distinct().ToList();
        return new QualitativeValues(values, ReplacesShared: mode == "replace");
    }

    private List<FormColumn> Columns(YamlSequence sequence)
    {
        var columns = new List<FormColumn>();
        foreach (var item in sequence.Items)
        {
            if (item is not YamlMapping column)
            {
                Bad(item, "column");
                continue;
            }
            column.CheckKeys(ColumnKeys, listKnown: true);
            var name = column.NonEmptyText("name");
            if (name is null)
            {
                column.Missing("name");
                continue;
            }
            if (columns.Any(c => c.Name == name))
            {
                Bad(column, "column-twice", ("name", name));
                continue;
            }
            var kind = column.Choice("kind", ColumnKinds) ?? ColumnKind.Text;
            var expected = column.Value("required") is YamlScalar { Text: "expected" };
            var required = !expected && (Requirement(column) ?? true);
            var values = new List<string>();
            if (column.Value("values") is YamlSequence list)
                values.AddRange(list.Items.OfType<YamlScalar>().Select(v => v.Trimmed).Where(v => v.Length > 0));
            if (kind == ColumnKind.Enumeration && values.Count == 0)
                Bad(column, "enumeration-values", ("name", name));
            var width = column.NonEmptyText("width");
            if (width is not null && !ColumnWidth().IsMatch(width))
            {
                Bad(column.Value("width")!, "width", ("name", name), ("value", width));
                width = null;
            }
            var role = Role(column, name, kind, columns);
            columns.Add(new FormColumn(name, kind, required, values, column.NonEmptyText("label") ?? name)
            {
                Width = width, Role = role, Line = column.Line, Note = column.NonEmptyText("note"),
                Expected = expected, EmptyUnder = EmptyUnder(column, name, role, required),
                Quantitative = ValueTypes(column, "quantitative", name, role, values),
                Qualitative = ValueTypes(column, "qualitative", name, role, values),
            });
        }
        return columns;
    }

    /// <summary>role: one of <see cref="ColumnRoles"/>, of a kind that fits it, given to one column of the table (but milestone and value).</summary>
    private ColumnRole Role(YamlMapping column, string name, ColumnKind kind, IReadOnlyList<FormColumn> before)
    {
        if (column.NonEmptyText("role") is not { } text) return ColumnRole.None;
        var node = column.Value("role")!;
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
    private bool? Requirement(YamlMapping column)
    {
        var text = column.NonEmptyText("required");
        if (text is null) return null;
        if (text is "true" or "yes") return true;
        if (text is "false" or "no") return false;
        Bad(column.Value("required")!, "required", ("value", text));
        return null;
    }

    /// <summary>empty_under: [一级, …] of a required level2/level3 column: the 一级 under which it may be empty.</summary>
    private IReadOnlyList<string> EmptyUnder(YamlMapping column, string name, ColumnRole role, bool required)
    {
        if (column.Value("empty_under") is not { } node) return Array.Empty<string>();
        if (role is not (ColumnRole.Level2 or ColumnRole.Level3) || !required)
        {
            Bad(node, "empty-under-role", ("name", name));
            return Array.Empty<string>();
        }
        if (node is not YamlSequence list || list.Items.Count == 0 || list.Items.Any(v => v is not YamlScalar { Text.Length: > 0 }))
        {
            Bad(node, "empty-under", ("name", name));
            return Array.Empty<string>();
        }
        return list.Items.Select(v => ((YamlScalar)v).Trimmed).ToList();
    }

    /// <summary>quantitative: / qualitative: of a value-type column: which of its values mean a number, which a qualitative value.</summary>
    private IReadOnlyList<string> ValueTypes(YamlMapping column, string key, string name, ColumnRole role, IReadOnlyList<string> values)
    {
        if (column.Value(key) is not { } node) return Array.Empty<string>();
        if (role != ColumnRole.ValueType)
        {
            Bad(node, "value-types-role", ("name", name), ("key", key));
            return Array.Empty<string>();
        }
        if (node is not YamlSequence list || list.Items.Any(v => v is not YamlScalar { Text.Length: > 0 }))
        {
            Bad(node, "value-types", ("name", name), ("key", key), ("example", values.Count > 0 ? values[0] : "…"));
            return Array.Empty<string>();
        }
        var result = new List<string>();
        foreach (var item in list.Items.Cast<YamlScalar>())
        {
            var value = item.Trimmed;
            if (values.Contains(value)) result.Add(value);
            else Bad(item, "value-type-unknown", ("value", value), ("name", name), ("values", values));
        }
        return result;
    }

    private ColumnSum? Sum(YamlValue node, IReadOnlyDictionary<string, FormTable> tables)
    {
        if (node is not YamlMapping map)
        {
            Bad(node, "sum");
            return null;
        }
        map.CheckKeys(new[] { "table", "total", "parts" }, listKnown: true);
        var table = map.NonEmptyText("table") ?? Model.Form.Projects;
        var total = map.NonEmptyText("total");
        var parts = map.Value("parts") is YamlSequence list ? list.Items.OfType<YamlScalar>().Select(p => p.Text).ToList() : new List<string>();
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

    private IndicatorFramework? Framework(string name, YamlMapping root)
    {
        var errors = _diagnostics.ErrorCount;
        root.CheckKeys(new[] { "title", "level1" }, listKnown: true);
        if (root.Value("level1") is not YamlSequence levels)
        {
            Bad(root, "framework-levels");
            return null;
        }
        var result = new List<FrameworkLevel1>();
        foreach (var item in levels.Items)
        {
            if (item is YamlMapping map && map.NonEmptyText("name") is { } level1 && map.Value("level2") is YamlSequence list)
            {
                map.CheckKeys(new[] { "name", "level2", "optional" }, listKnown: true);
                var level2 = list.Items.OfType<YamlScalar>().Select(s => s.Trimmed).Where(s => s.Length > 0).ToList();
                result.Add(new FrameworkLevel1(level1, level2, map.Bool("optional") ?? false));
                continue;
            }
            Bad(item, "framework-level");
        }
        return _diagnostics.ErrorCount > errors ? null : new IndicatorFramework(name, root.NonEmptyText("title") ?? name, result);
    }

    private static string Say(string wording, params (string Name, object? Value)[] arguments) =>
        DiagnosticCatalog.FormInvalid[wording].Format(arguments);

    private static void Bad(YamlValue node, string wording, params (string Name, object? Value)[] arguments) =>
        node.Error(Say(wording, arguments));
}
