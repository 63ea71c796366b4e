namespace Publishing.Yaml;

/// <summary>
/// What a settings file may hold. Settings are a few hundred lines; these bounds are far above any real file and
/// keep a huge or hostile one (10 MB of text, thousands of nested [ or {, aliases that expand a billion-fold) to a
/// located error in linear time and bounded memory, never a hang or a stack overflow.
/// </summary>
public static class YamlLimits
{
    /// <summary>Characters of one file (about 1 MB of ASCII).</summary>
    public const int MaxCharacters = 1 << 20;

    /// <summary>Levels of mappings and lists inside one another.</summary>
    public const int MaxDepth = 64;

    /// <summary>Values of one file, each alias counted as the values it stands for.</summary>
    public const int MaxValues = 100_000;
}
