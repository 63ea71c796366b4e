namespace Publishing.Diagnostics;

/// <summary>Paths in diagnostics: relative to the working directory when below it, with forward slashes.</summary>
public static class DisplayPaths
{
    public static string For(string fullPath)
    {
        var cwd = Path.GetFullPath(Environment.CurrentDirectory);
        var full = Path.GetFullPath(fullPath);
        var shown = full.StartsWith(cwd + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? Path.GetRelativePath(cwd, full)
            : full;
        return shown.Replace('\\', '/');
    }
}
