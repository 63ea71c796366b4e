using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Publishing.Diagnostics;
using Publishing.Model;
using Publishing.Yaml;

namespace Publishing.Theming;

/// <summary>
/// Reads templates/theme/&lt;name&gt;.yaml into a <see cref="Theme"/> through the shared settings-file layer
/// (<see cref="YamlFile"/>), every problem a PUB4105 at its value. Keys are the properties' names in snake_case;
/// an unknown key or a value of the wrong kind is an error at its line, so a typo in a theme never goes unnoticed.
/// Bound by hand over the located tree rather than by YamlDotNet's deserializer, whose set-up costs a cold start ~60 ms.
/// </summary>
public static class ThemeLoader
{
    /// <summary>
    /// Every mistake of a theme file (or a form's theme.yaml) is PUB4105, its message starting 主题文件有误： (the
    /// catalog's theme wording with no problem filled in).
    /// </summary>
    public static readonly YamlFileKind FileKind = YamlFileKind.WithOneCode(DiagnosticCodes.ThemeInvalid)
        with { MessagePrefix = DiagnosticCatalog.ThemeInvalid["theme"].Format(("problem", "")) };

    /// <summary>The theme, or a <see cref="ThemeInvalidException"/> holding every problem it has.</summary>
    public static Theme Load(string templatesDirectory, string name = "default") => Load(templatesDirectory, name, null);

    /// <inheritdoc cref="Load(string, string, string?, DiagnosticBag)"/>
    public static Theme Load(string templatesDirectory, string name, string? overridePath)
    {
        var diagnostics = new DiagnosticBag();
        return Load(templatesDirectory, name, overridePath, diagnostics) ?? throw new ThemeInvalidException(diagnostics.Sorted());
    }

    /// <summary>
    /// Reads and checks a theme, with a form's own theme.yaml (templates/forms/&lt;form&gt;/theme.yaml) laid over it:
    /// only the keys the form writes change (a page setup's margins, one style's size), sections and named entries
    /// merged key by key. Every problem (unknown key, wrong kind of value, and what <see cref="ThemeRules"/> checks:
    /// colours, sizes, names, fonts, page geometry) is reported at once, each at its value in the file that wrote it,
    /// so an editor fixes them in one pass and `validate` refuses all that `build` would. Null when there is any.
    /// </summary>
    public static Theme? Load(string templatesDirectory, string name, string? overridePath, DiagnosticBag diagnostics)
    {
        var path = Path.Combine(templatesDirectory, "theme", name + ".yaml");
        var shown = DisplayPaths.For(path);
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            diagnostics.Add(DiagnosticCatalog.ThemeInvalid["name"].At(shown, 0, 0, ("name", name)));
            return null;
        }
        if (!File.Exists(path))
        {
            diagnostics.Add(DiagnosticCatalog.ThemeInvalid["missing"].At(shown, 0, 0, ("name", name)));
            return null;
        }

        var found = new DiagnosticBag();
        var theme = Read(Path.GetFullPath(templatesDirectory), path, shown, overridePath, found);
        // One problem per value: a rule and a section's own check may both see a bad margin.
        var problems = found.Items.DistinctBy(d => (d.Path, d.Line, d.Column)).ToList();
        diagnostics.AddRange(problems);
        if (problems.Count > 0 || theme is null) return null;
        theme.SourcePath = shown;
        return theme;
    }

    private static Theme? Read(string templatesDirectory, string path, string shown, string? overridePath, DiagnosticBag diagnostics)
    {
        if (Text(path, shown, diagnostics) is not { } text
            || YamlFile.ReadMapping(text, shown, FileKind, diagnostics, DiagnosticCatalog.ThemeInvalid["shape"].Format()) is not { } root)
            return null;
        var binder = new Binder();
        if (binder.Bind(root, typeof(Theme), "") is not Theme theme) return null;
        theme.BaseDirectory = templatesDirectory; // what font paths resolve against: the rules open the fonts
        if (overridePath is not null && File.Exists(overridePath))
        {
            var overrideShown = DisplayPaths.For(overridePath);
            if (Text(overridePath, overrideShown, diagnostics) is not { } overrideText) return null;
            var overrideRoot = YamlFile.ReadMapping(overrideText, overrideShown, FileKind, diagnostics,
                DiagnosticCatalog.ThemeInvalid["override-shape"].Format(), emptyIsAllowed: true);
            if (overrideRoot is null) return null;
            binder.BindOnto(overrideRoot, theme, "");
        }
        foreach (var problem in ThemeRules.Check(theme, binder.Places, shown))
            diagnostics.Add(DiagnosticCatalog.ThemeInvalid["theme"].At(problem.Place.Path, problem.Place.Line, problem.Place.Column, ("problem", problem.Message)));
        return theme;
    }

    private static string? Text(string path, string shown, DiagnosticBag diagnostics)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(DiagnosticCatalog.ThemeInvalid["theme"].At(shown, 0, 0, ("problem", e.Message)));
            return null;
        }
    }

    /// <summary>Binds the located tree onto the theme's classes, noting where each value was written.</summary>
    private sealed class Binder
    {
        /// <summary>Where each value was written (in the theme or the form's file), by its key path ("page.footer.size_pt", "fonts.serif.regular[0]").</summary>
        public Dictionary<string, SourceLocation> Places { get; } = new(StringComparer.Ordinal);

        /// <summary>
        /// Lays a mapping over an already bound object: each key it writes replaces that value, except a section
        /// (a class) or a named entry of a table, which is merged key by key in turn. Lists and single values are replaced.
        /// </summary>
        [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "Publishing.Theming is kept whole by ILLink.Descriptors.xml")]
        public void BindOnto(YamlMapping node, object target, string key)
        {
            if (target is IDictionary map)
            {
                var valueType = target.GetType().GetGenericArguments()[1];
                foreach (var (keyNode, value) in node.Entries)
                {
                    var name = keyNode.Text;
                    var joined = Join(key, name);
                    if (map.Contains(name) && map[name] is { } existing && IsSection(valueType) && value is YamlMapping section)
                    {
                        Places[joined] = value.Location;
                        BindOnto(section, existing, joined);
                    }
                    else if (Bind(value, valueType, joined) is { } bound) map[name] = bound;
                }
                return;
            }
            var properties = Properties(target.GetType());
            node.CheckKeys(properties.Keys.Order(StringComparer.Ordinal).ToList(), listKnown: true);
            foreach (var (keyNode, value) in node.Entries)
            {
                if (!properties.TryGetValue(keyNode.Text, out var property)) continue;
                var joined = Join(key, keyNode.Text);
                var type = property.PropertyType;
                if (property.GetValue(target) is { } existing && value is YamlMapping section
                    && (IsSection(type) || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))))
                {
                    Places[joined] = value.Location;
                    BindOnto(section, existing, joined);
                    continue;
                }
                if (Bind(value, type, joined) is { } bound) property.SetValue(target, bound);
            }
            CheckSection(target, node);
        }

        private static bool IsSection(Type type) =>
            type.IsClass && type != typeof(string) && !(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
            && !(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>));

        // The binder reflects over the theme's classes, reached through their properties' types, which the trimming
        // analysis cannot follow; the whole Publishing.Theming namespace is kept with every constructor and property
        // by ILLink.Descriptors.xml (embedded in this assembly), so the ahead-of-time compiled command binds as here.
        /// <summary>The bound value, or null (the problem reported at the value) when the node does not fit the type.</summary>
        [UnconditionalSuppressMessage("Trimming", "IL2067", Justification = "Publishing.Theming is kept whole by ILLink.Descriptors.xml")]
        [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Publishing.Theming is kept whole by ILLink.Descriptors.xml")]
        public object? Bind(YamlValue node, Type type, string key)
        {
            Places[key] = node.Location;
            if (type == typeof(string)) return Single(node, key)?.Text;
            if (type == typeof(double)) return Single(node, key)?.AsNumber();
            if (type == typeof(int)) return Single(node, key)?.AsWholeNumber();
            if (type == typeof(bool)) return Single(node, key)?.AsBool();

            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
            {
                if (Expect<YamlSequence>(node, DiagnosticCatalog.ThemeInvalid["a-list"].Format()) is not { } sequence) return null;
                var list = (IList)Activator.CreateInstance(type)!;
                var itemType = type.GetGenericArguments()[0];
                foreach (var item in sequence.Items) if (Bind(item, itemType, $"{key}[{list.Count}]") is { } bound) list.Add(bound);
                return list;
            }
            if (Expect<YamlMapping>(node, DiagnosticCatalog.ThemeInvalid["a-mapping"].Format()) is not { } mapping) return null;
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
            {
                var map = (IDictionary)Activator.CreateInstance(type)!;
                var valueType = type.GetGenericArguments()[1];
                foreach (var (keyNode, value) in mapping.Entries)
                    if (Bind(value, valueType, Join(key, keyNode.Text)) is { } bound) map[keyNode.Text] = bound;
                return map;
            }

            var target = Activator.CreateInstance(type)!;
            var properties = Properties(type);
            mapping.CheckKeys(properties.Keys.Order(StringComparer.Ordinal).ToList(), listKnown: true);
            foreach (var (keyNode, value) in mapping.Entries)
                if (properties.TryGetValue(keyNode.Text, out var property) && Bind(value, property.PropertyType, Join(key, keyNode.Text)) is { } bound)
                    property.SetValue(target, bound);
            CheckSection(target, mapping);
            return target;
        }

        /// <summary>A section that checks its own values (page geometry, limits): each problem at the key it names, else at the section.</summary>
        private static void CheckSection(object target, YamlMapping node)
        {
            if (target is not IThemeChecked checkedSection) return;
            foreach (var (problemKey, message) in checkedSection.Problems())
                (node.Value(problemKey) ?? node).Error(message);
        }

        [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Publishing.Theming is kept whole by ILLink.Descriptors.xml")]
        private static Dictionary<string, PropertyInfo> Properties(Type type) =>
            type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanWrite)
                .ToDictionary(p => SnakeCase(p.Name), StringComparer.Ordinal);

        private static string Join(string key, string name) => key.Length == 0 ? name : $"{key}.{name}";

        private static YamlScalar? Single(YamlValue node, string key) =>
            node as YamlScalar ?? Refused<YamlScalar>(node, SettingsFileWordings.Say("not-single", ("key", key[(key.LastIndexOf('.') + 1)..])));

        private static T? Expect<T>(YamlValue node, string what) where T : YamlValue =>
            node as T ?? Refused<T>(node, DiagnosticCatalog.ThemeInvalid["expected"].Format(("what", what)));

        private static T? Refused<T>(YamlValue node, string message) where T : class
        {
            node.Error(message);
            return null;
        }
    }

    /// <summary>MarginTopMm → margin_top_mm.</summary>
    internal static string SnakeCase(string name)
    {
        var result = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0) result.Append('_');
            result.Append(char.ToLowerInvariant(c));
        }
        return result.ToString();
    }
}
