namespace Publishing.Tests.Support;

/// <summary>A copy of templates/ (fonts linked, not copied) whose theme/default.yaml (or another preset) is the given text.</summary>
public static class ThemeTemplates
{
    public static string DefaultTheme => File.ReadAllText(Path.Combine(RepoPaths.Templates, "theme", "default.yaml"));

    /// <summary>The 1-based line of the first line containing <paramref name="text"/>.</summary>
    public static int LineOf(string yaml, string text) => yaml.Split('\n').ToList().FindIndex(l => l.Contains(text, StringComparison.Ordinal)) + 1;

    public static string With(string yaml, string name = "default")
    {
        var templates = RepoPaths.NewTempDirectory("templates");
        foreach (var directory in Directory.GetDirectories(RepoPaths.Templates))
            if (Path.GetFileName(directory) != "fonts") RepoPaths.CopyDirectory(directory, Path.Combine(templates, Path.GetFileName(directory)));
        foreach (var file in Directory.GetFiles(RepoPaths.Templates))
            File.Copy(file, Path.Combine(templates, Path.GetFileName(file)));
        RepoPaths.LinkFiles(Path.Combine(RepoPaths.Templates, "fonts"), Path.Combine(templates, "fonts"));
        File.WriteAllText(Path.Combine(templates, "theme", name + ".yaml"), yaml);
        return templates;
    }
}
