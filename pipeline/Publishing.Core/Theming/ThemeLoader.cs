using System.Collections;
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
    public static Theme Load(string templatesDirectory, string name = "default")
    {
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw new YamlException($"theme name '{name}' may only contain letters, digits, '-' and '_'");
        var path = Path.Combine(templatesDirectory, "theme", name + ".yaml");
        if (!File.Exists(path)) throw new FileNotFoundException($"there is no theme '{name}' (templates/theme/{name}.yaml)", path);

        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(path)));
        var theme = stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root
            ? (Theme)Bind(root, typeof(Theme))
            : throw new YamlException("a theme is a mapping of keys to values (page:, fonts:, body:, styles: …)");
        theme.BaseDirectory = Path.GetFullPath(templatesDirectory);
        theme.SourcePath = Content.DisplayPaths.For(path);
        return theme;
    }

    private static object Bind(YamlNode node, Type type)
    {
        if (type == typeof(string)) return Scalar(node);
        if (type == typeof(double)) return Parse(node, s => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture), "a number");
        if (type == typeof(int)) return Parse(node, s => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture), "a whole number");
        if (type == typeof(bool)) return Parse(node, s => bool.Parse(s), "true or false");

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            var list = (IList)Activator.CreateInstance(type)!;
            var itemType = type.GetGenericArguments()[0];
            foreach (var item in Expect<YamlSequenceNode>(node, "a list").Children) list.Add(Bind(item, itemType));
            return list;
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            var map = (IDictionary)Activator.CreateInstance(type)!;
            var valueType = type.GetGenericArguments()[1];
            foreach (var (key, value) in Expect<YamlMappingNode>(node, "a mapping").Children) map[Scalar(key)] = Bind(value, valueType);
            return map;
        }

        var target = Activator.CreateInstance(type)!;
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .ToDictionary(p => SnakeCase(p.Name), StringComparer.Ordinal);
        foreach (var (keyNode, value) in Expect<YamlMappingNode>(node, "a mapping").Children)
        {
            var key = Scalar(keyNode);
            if (!properties.TryGetValue(key, out var property))
                throw new YamlException(keyNode.Start, keyNode.End,
                    $"unknown theme key '{key}'; known here: {string.Join(", ", properties.Keys.Order(StringComparer.Ordinal))}");
            property.SetValue(target, Bind(value, property.PropertyType));
        }
        if (target is IThemeChecked checkedSection && checkedSection.Problems().FirstOrDefault() is { Key: not null } problem)
        {
            var mapping = (YamlMappingNode)node;
            var at = mapping.Children.FirstOrDefault(kv => Scalar(kv.Key) == problem.Key);
            var located = at.Key is null ? (YamlNode)mapping : at.Value;
            throw new YamlException(located.Start, located.End, problem.Message);
        }
        return target;
    }

    private static T Expect<T>(YamlNode node, string what) where T : YamlNode =>
        node as T ?? throw new YamlException(node.Start, node.End, $"expected {what} here");

    private static string Scalar(YamlNode node) => Expect<YamlScalarNode>(node, "a single value").Value ?? "";

    private static object Parse(YamlNode node, Func<string, object> parse, string what)
    {
        var text = Scalar(node);
        try
        {
            return parse(text);
        }
        catch (FormatException)
        {
            throw new YamlException(node.Start, node.End, $"'{text}' should be {what}");
        }
        catch (OverflowException)
        {
            throw new YamlException(node.Start, node.End, $"'{text}' is out of range");
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
