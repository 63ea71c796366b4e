using Publishing.Text;
using System.Globalization;
using Publishing.Diagnostics;
using Publishing.Forms;
using Publishing.Model;
using Publishing.Yaml;

namespace Publishing.Content;

/// <summary>
/// Reads document.yaml through the shared settings-file layer (<see cref="YamlFile"/>), key by key, so that every
/// missing key, unknown key or bad value is reported at its own line and column under its own PUB110x code.
/// </summary>
public sealed class ManifestReader
{
    private static readonly string[] TopKeys =
        { "form", "title", "department", "year", "status", "prepared_by", "reviewed_by", "unit", "currency", "framework", "theme", "date", "parts" };
    private static readonly string[] PartKeys = { "number", "title", "sections", "projects", "indicators", "department", "department_indicators" };

    /// <summary>document.yaml's mistakes, each under its own code.</summary>
    public static readonly YamlFileKind FileKind = new(
        DiagnosticCodes.ManifestSyntax, DiagnosticCodes.ManifestMissingKey, DiagnosticCodes.ManifestUnknownKey, DiagnosticCodes.ManifestBadValue);

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
        if (YamlFile.ReadMapping(text, _path, FileKind, _diagnostics, DiagnosticCatalog.ManifestSyntax["not-a-mapping"].Format()) is not { } root)
            return null;

        var errorsBefore = _diagnostics.ErrorCount;
        if (ReadForm(root) is not { } form) return null;
        _form = form;
        var budgetText = form.Kind == DocumentKind.BudgetText;
        root.CheckKeys(TopKeys.Concat(form.Metadata.Select(m => m.Key)).ToArray());
        var unit = root.Mapping("unit", BadValue("unit"));
        unit?.CheckKeys(new[] { "code", "name" });

        var metadata = new DocumentMetadata(
            Title: root.RequiredText("title"),
            Department: budgetText ? root.RequiredText("department") : root.OptionalText("department") ?? "",
            Year: RequiredYear(root),
            Status: root.OptionalText("status") ?? "草案",
            PreparedBy: budgetText ? root.RequiredText("prepared_by") : root.OptionalText("prepared_by") ?? "",
            ReviewedBy: budgetText ? root.RequiredText("reviewed_by") : root.OptionalText("reviewed_by") ?? "",
            UnitCode: unit is not null ? unit.RequiredText("code") : budgetText && !root.Has("unit") ? root.RequiredText("unit") : "",
            UnitName: unit is null ? "" : unit.RequiredText("name"),
            Currency: root.OptionalText("currency") ?? "万元",
            Framework: root.OptionalText("framework") ?? form.Framework,
            Theme: ThemeName(root),
            Date: RequiredDate(root))
        {
            ManifestPath = _path,
            Locations = root.Entries.ToDictionary(entry => entry.Name, entry => entry.Value.Location, StringComparer.Ordinal),
            Fields = form.Metadata.ToDictionary(m => m.Key, m => m.Required ? root.RequiredText(m.Key) : root.OptionalText(m.Key) ?? "", StringComparer.Ordinal),
        };

        var framework = ReadFramework(root, form, metadata.Framework);
        var parts = ReadParts(root);
        return _diagnostics.ErrorCount > errorsBefore ? null : new DocumentManifest(_path, metadata, parts, form, framework);
    }

    /// <summary>The form document.yaml names (form: …), or the sample's form when it names none.</summary>
    private Form? ReadForm(YamlMapping root)
    {
        var name = root.OptionalText("form") ?? FormCatalog.DefaultForm;
        if (_forms.LoadForm(name, _diagnostics) is { } form) return form;
        if (FormCatalog.IsPlainName(name) && _forms.FormNames().Contains(name)) return null; // the form file's own errors are reported
        var known = _forms.FormNames();
        var nearest = known.Where(k => EditDistance.Between(k, name) <= Math.Max(2, k.Length / 3)).MinBy(k => EditDistance.Between(k, name));
        var message = known.Count > 0
            ? DiagnosticCatalog.UnknownForm["listed"].Format(("name", name), ("suggestion", DiagnosticPhrases.DidYouMean(nearest)), ("forms", known))
            : DiagnosticCatalog.UnknownForm["none-exist"].Format(("name", name), ("suggestion", DiagnosticPhrases.DidYouMean(nearest)));
        (root.Value("form") ?? root).Error(DiagnosticCodes.UnknownForm, message);
        return null;
    }

    /// <summary>The framework document.yaml names, else the form's (inline in form.yaml, or a file it names).</summary>
    private IndicatorFramework? ReadFramework(YamlMapping root, Form form, string name)
    {
        var named = root.Value("framework");
        if (named is null && form.InlineFramework is { } inline) return inline;
        if (_forms.LoadFramework(name, _diagnostics) is { } framework) return framework;
        if (FormCatalog.IsPlainName(name) && _forms.FrameworkNames().Contains(name)) return null;
        var known = _forms.FrameworkNames();
        (named ?? root).Error(known.Count > 0 ? BadValue("unknown-framework", ("name", name), ("frameworks", known)) : BadValue("no-frameworks", ("name", name)));
        return null;
    }

    private IReadOnlyList<ManifestPart> ReadParts(YamlMapping root)
    {
        if (root.Value("parts") is not { } node)
        {
            root.Missing("parts");
            return Array.Empty<ManifestPart>();
        }
        if (node is not YamlSequence { Items.Count: > 0 } sequence)
        {
            node.Error(BadValue("parts"));
            return Array.Empty<ManifestPart>();
        }

        var parts = new List<ManifestPart>();
        foreach (var item in sequence.Items)
        {
            if (item is not YamlMapping part)
            {
                item.Error(BadValue("part"));
                continue;
            }
            part.CheckKeys(PartKeys);
            var sections = new List<FileReference>();
            foreach (var entry in part.Sequence("sections", BadValue("sections"))?.Items ?? [])
            {
                if (entry is YamlScalar { Text.Length: > 0 } file) sections.Add(new FileReference(file.Text, file.Location));
                else entry.Error(BadValue("section"));
            }
            var projects = OptionalReference(part, "projects");
            var indicators = OptionalReference(part, "indicators");
            var department = OptionalReference(part, "department");
            var departmentIndicators = OptionalReference(part, "department_indicators");
            if (projects is not null && indicators is null) part.Missing("indicators");
            if (department is not null && departmentIndicators is null) part.Missing("department_indicators");
            if (sections.Count == 0 && projects is null && departmentIndicators is null)
                part.Error(BadValue("empty-part"));
            var budgetText = _form.Kind == DocumentKind.BudgetText;
            parts.Add(new ManifestPart(
                budgetText ? part.RequiredText("number") : part.OptionalText("number") ?? "",
                budgetText ? part.RequiredText("title") : part.OptionalText("title") ?? "",
                sections, projects, indicators) { Department = department, DepartmentIndicators = departmentIndicators });
        }
        return parts;
    }

    private static FileReference? OptionalReference(YamlMapping map, string key)
    {
        if (map.Value(key) is not { } node) return null;
        if (node is YamlScalar { Text.Length: > 0 } file) return new FileReference(file.Text, file.Location);
        node.Error(BadValue("table-path", ("key", key)));
        return null;
    }

    /// <summary>A theme is a file name in templates/theme/, never a path.</summary>
    private static string ThemeName(YamlMapping root)
    {
        var name = root.OptionalText("theme") ?? "default";
        if (name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) return name;
        root.Value("theme")!.Error(BadValue("theme", ("value", name)));
        return "default";
    }

    private static int RequiredYear(YamlMapping root)
    {
        var text = root.RequiredText("year");
        if (text.Length == 0) return 0;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1990 and <= 2100) return year;
        root.Value("year")!.Error(BadValue("year", ("value", text)));
        return 0;
    }

    /// <summary>
    /// The draft's date, required: it is the PDF's creation date and the preview's date stamp, and there is no
    /// right date to assume (the build's own date would make every rebuild differ; any fixed one is wrong).
    /// </summary>
    private static DateOnly RequiredDate(YamlMapping root)
    {
        if (root.Value("date") is not { } node)
        {
            root.Missing("date", DiagnosticCatalog.ManifestMissingKey["date"].Format());
            return default;
        }
        var text = (node as YamlScalar)?.Text ?? "";
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        node.Error(BadValue("date", ("value", text)));
        return default;
    }

    /// <summary>A PUB1104 wording of the catalog, for the settings layer to report at the value (under the file kind's code).</summary>
    private static string BadValue(string wording, params (string Name, object? Value)[] arguments) =>
        DiagnosticCatalog.ManifestBadValue[wording].Format(arguments);
}
