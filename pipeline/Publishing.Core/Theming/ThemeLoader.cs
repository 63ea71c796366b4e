using Publishing.Diagnostics;
using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Publishing.Theming;

/// <summary>
/// Reads templates/theme/&lt;name&gt;.yaml into a <see cref="Theme"/>. Keys are the properties' names in
/// snake_case; an unknown key or a value of the wrong kind is a <see cref="YamlException"/> at its line, so a
/// typo in a theme never goes unnoticed. Bound by hand over the YAML node tree (the parser the manifest already
/// warmed up) rather than by YamlDotNet's deserializer, whose set-up costs a cold start ~60 ms.
/// </summary>
public static class ThemeLoader
{
    /// <summary>
    /// Reads and checks a theme. Every problem (unknown key, wrong kind of value, and what
    /// <see cref="ThemeRules"/> checks: colours, sizes, names, fonts, page geometry) is collected and
    /// thrown together as one <see cref="ThemeInvalidException"/>, so an editor fixes them in one pass
    /// and `validate` refuses all that `build` would.
    /// </summary>
    public static Theme Load(string templatesDirectory, string name = "default") => Load(templatesDirectory, name, null);

    /// <summary>
    /// The theme with a form's own theme.yaml (templates/forms/&lt;form&gt;/theme.yaml) laid over it: only the keys the
    /// form writes change (a page setup's margins, one style's size), sections and named entries merged key by key.
    /// A problem in the form's file is reported at its place in that file (<see cref="ThemeProblem.File"/>).
    /// </summary>
    public static Theme Load(string templatesDirectory, string name, string? overridePath)
    {
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw new YamlException($"主题名“{name}”只能由字母、数字、“-”和“_”组成");
        var path = Path.Combine(templatesDirectory, "theme", name + ".yaml");
        if (!File.Exists(path)) throw new FileNotFoundException($"没有名为“{name}”的主题（应有 templates/theme/{name}.yaml）", path);

        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(path)));
        var binder = new Binder();
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new YamlException("主题文件应是“名称: 值”的表（page:、fonts:、body:、styles: ……）");
        if (binder.Bind(root, typeof(Theme), "") is not Theme theme) throw new ThemeInvalidException(binder.Problems);
        theme.BaseDirectory = Path.GetFullPath(templatesDirectory);
        theme.SourcePath = DisplayPaths.For(path);
        var overridden = new HashSet<Mark>();
        string? overrideShown = null;
        if (overridePath is not null && File.Exists(overridePath))
        {
            overrideShown = DisplayPaths.For(overridePath);
            var overrideStream = new YamlStream();
            try
            {
                overrideStream.Load(new StringReader(File.ReadAllText(overridePath)));
            }
            catch (YamlException e)
            {
                throw new ThemeInvalidException([new ThemeProblem(e.Start, e.Message) { File = overrideShown }]);
            }
            if (overrideStream.Documents.Count > 0 && overrideStream.Documents[0].RootNode is YamlMappingNode overrideRoot)
            {
                binder.File = overrideShown;
                binder.BindOnto(overrideRoot, theme, "");
                binder.File = null;
                overridden.UnionWith(binder.OverrideMarks);
            }
            else if (overrideStream.Documents.Count > 0)
                throw new ThemeInvalidException([new ThemeProblem(overrideStream.Documents[0].RootNode.Start,
                    "表单的主题文件应是“名称: 值”的表，只写要改的几项（如 page: { margin_top_mm: 20 }）") { File = overrideShown }]);
        }
        binder.Problems.AddRange(ThemeRules.Check(theme, binder.Places)
            .Select(p => overridden.Contains(p.Place) ? p with { File = overrideShown } : p));
        // One problem per value: a rule and a section's own check may both see a bad margin.
        var problems = binder.Problems.DistinctBy(p => (p.Place.Line, p.Place.Column)).ToList();
        if (problems.Count > 0) throw new ThemeInvalidException(problems);
        return theme;
    }

    /// <summary>Binds YAML nodes onto the theme's classes, noting where each value was written.</summary>
    private sealed class Binder
    {
        public List<ThemeProblem> Problems { get; } = new();

        /// <summary>Where each value was written, by its key path ("page.footer.size_pt", "fonts.serif.regular[0]").</summary>
        public Dictionary<string, Mark> Places { get; } = new(StringComparer.Ordinal);

        /// <summary>The file being bound when it is not the theme's own (a form's theme.yaml); its problems name it.</summary>
        public string? File { get; set; }

        /// <summary>Where the values of the form's file were written.</summary>
        public HashSet<Mark> OverrideMarks { get; } = new();

        private void Problem(Mark at, string message) => Problems.Add(new ThemeProblem(at, message) { File = File });

        /// <summary>
        /// Lays a mapping over an already bound object: each key it writes replaces that value, except a section
        /// (a class) or a named entry of a table, which is merged key by key in turn. Lists and single values are replaced.
        /// </summary>
        [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "Publishing.Theming is kept whole by ILLink.Descriptors.xml")]
        public void BindOnto(YamlMappingNode node, object target, string key)
        {
            if (target is IDictionary map)
            {
                var valueType = target.GetType().GetGenericArguments()[1];
                foreach (var (keyNode, value) in node.Children)
                {
                    var name = Scalar(keyNode);
                    var joined = Join(key, name);
                    if (map.Contains(name) && map[name] is { } existing && IsSection(valueType) && value is YamlMappingNode section)
                    {
                        Note(joined, value);
                        BindOnto(section, existing, joined);
                    }
                    else if (Bind(value, valueType, joined) is { } bound)
                    {
                        Note(joined, value);
                        map[name] = bound;
                    }
                }
                return;
            }
            var properties = target.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanWrite)
                .ToDictionary(p => SnakeCase(p.Name), StringComparer.Ordinal);
            foreach (var (keyNode, value) in node.Children)
            {
                var name = Scalar(keyNode);
                if (!properties.TryGetValue(name, out var property))
                {
                    Problem(keyNode.Start, $"主题中没有“{name}”这一项；这里可写的有：{string.Join(", ", properties.Keys.Order(StringComparer.Ordinal))}");
                    continue;
                }
                var joined = Join(key, name);
                var type = property.PropertyType;
                if (property.GetValue(target) is { } existing && value is YamlMappingNode section
                    && (IsSection(type) || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))))
                {
                    Note(joined, value);
                    BindOnto(section, existing, joined);
                    continue;
                }
                if (Bind(value, type, joined) is { } bound)
                {
                    Note(joined, value);
                    property.SetValue(target, bound);
                }
            }
            // A section that checks its own values: the merged values, each problem at the key the form wrote (or its section).
            if (target is IThemeChecked checkedSection)
                foreach (var problem in checkedSection.Problems())
                {
                    var at = node.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode k && k.Value == problem.Key);
                    Problem(at.Key is null ? node.Start : at.Value.Start, problem.Message);
                }
        }

        /// <summary>Notes where a value of the form's file was written, and every value below it.</summary>
        private void Note(string key, YamlNode value)
        {
            foreach (var node in value.AllNodes) OverrideMarks.Add(node.Start);
            Places[key] = value.Start;
        }

        private static bool IsSection(Type type) =>
            type.IsClass && type != typeof(string) && !(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
            && !(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>));

        /// <summary>The bound value, or null (the problem noted) when the node does not fit the type.</summary>
        public object? Bind(YamlNode node, Type type, string key)
        {
            Places[key] = node.Start;
            try
            {
                return BindValue(node, type, key);
            }
            catch (YamlException e)
            {
                Problem(e.Start, e.Message);
                return null;
            }
        }

        // The binder reflects over the theme's classes, reached through their properties' types, which the trimming
        // analysis cannot follow; the whole Publishing.Theming namespace is kept with every constructor and property
        // by ILLink.Descriptors.xml (embedded in this assembly), so the ahead-of-time compiled command binds as here.
        [UnconditionalSuppressMessage("Trimming", "IL2067", Justification = "Publishing.Theming is kept whole by ILLink.Descriptors.xml")]
        [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Publishing.Theming is kept whole by ILLink.Descriptors.xml")]
        private object BindValue(YamlNode node, Type type, string key)
        {
            if (type == typeof(string)) return Scalar(node);
            if (type == typeof(double)) return Parse(node, s => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture), "数字");
            if (type == typeof(int)) return Parse(node, s => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture), "整数");
            if (type == typeof(bool)) return Parse(node, s => bool.Parse(s), "true 或 false");

            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
            {
                var list = (IList)Activator.CreateInstance(type)!;
                var itemType = type.GetGenericArguments()[0];
                foreach (var item in Expect<YamlSequenceNode>(node, "列表（每项以 - 开头）").Children) if (Bind(item, itemType, $"{key}[{list.Count}]") is { } bound) list.Add(bound);
                return list;
            }
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
            {
                var map = (IDictionary)Activator.CreateInstance(type)!;
                var valueType = type.GetGenericArguments()[1];
                foreach (var (keyNode, value) in Expect<YamlMappingNode>(node, "“名称: 值”的表").Children)
                {
                    var name = Scalar(keyNode);
                    if (Bind(value, valueType, Join(key, name)) is { } bound) map[name] = bound;
                }
                return map;
            }

            var target = Activator.CreateInstance(type)!;
            var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanWrite)
                .ToDictionary(p => SnakeCase(p.Name), StringComparer.Ordinal);
            foreach (var (keyNode, value) in Expect<YamlMappingNode>(node, "“名称: 值”的表").Children)
            {
                var name = Scalar(keyNode);
                if (!properties.TryGetValue(name, out var property))
                {
                    Problem(keyNode.Start, $"主题中没有“{name}”这一项；这里可写的有：{string.Join(", ", properties.Keys.Order(StringComparer.Ordinal))}");
                    continue;
                }
                if (Bind(value, property.PropertyType, Join(key, name)) is { } bound) property.SetValue(target, bound);
            }
            // A section that checks its own values (page geometry): each problem at the key it names.
            if (target is IThemeChecked checkedSection)
            {
                var mapping = (YamlMappingNode)node;
                foreach (var problem in checkedSection.Problems())
                {
                    var at = mapping.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode k && k.Value == problem.Key);
                    Problem(at.Key is null ? mapping.Start : at.Value.Start, problem.Message);
                }
            }
            return target;
        }

        private static string Join(string key, string name) => key.Length == 0 ? name : $"{key}.{name}";
    }

    private static T Expect<T>(YamlNode node, string what) where T : YamlNode =>
        node as T ?? throw new YamlException(node.Start, node.End, $"这里应写{what}");

    private static string Scalar(YamlNode node) => Expect<YamlScalarNode>(node, "单个值").Value ?? "";

    private static object Parse(YamlNode node, Func<string, object> parse, string what)
    {
        var text = Scalar(node);
        try
        {
            return parse(text);
        }
        catch (FormatException)
        {
            throw new YamlException(node.Start, node.End, $"“{text}”应为{what}");
        }
        catch (OverflowException)
        {
            throw new YamlException(node.Start, node.End, $"“{text}”超出了允许的范围");
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
