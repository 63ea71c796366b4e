using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Publishing.Theming;

/// <summary>Reads templates/theme/&lt;name&gt;.yaml; unknown keys are errors so a typo never goes unnoticed.</summary>
public static class ThemeLoader
{
    public static Theme Load(string templatesDirectory, string name = "default")
    {
        var path = Path.Combine(templatesDirectory, "theme", name + ".yaml");
        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(UnderscoredNamingConvention.Instance)
            .Build();
        var theme = deserializer.Deserialize<Theme>(File.ReadAllText(path)) ?? new Theme();
        theme.BaseDirectory = Path.GetFullPath(templatesDirectory);
        return theme;
    }
}
