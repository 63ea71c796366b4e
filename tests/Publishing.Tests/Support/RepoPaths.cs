namespace Publishing.Tests.Support;

/// <summary>Where things are in the repository the tests run from.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();
    public static string Templates => Path.Combine(Root, "templates");
    public static string Content => Path.Combine(Root, "content");
    public static string Sample => Path.Combine(Content, "chengde-xinfang-2021");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Publishing.sln"))) return directory.FullName;
        throw new InvalidOperationException("Publishing.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>
    /// A fresh empty folder under this test run's own temp folder. The run's folder is removed when the test
    /// process exits, and folders left by runs that were killed are swept at the next run, so repeated runs do
    /// not fill the disk.
    /// </summary>
    public static string NewTempDirectory(string prefix = "publishing-test")
    {
        var path = Path.Combine(RunTempRoot.Value, $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    private const string RunRootPrefix = "publishing-tests-";
    private static readonly Lazy<string> RunTempRoot = new(CreateRunTempRoot);

    private static string CreateRunTempRoot()
    {
        SweepRootsOfEndedRuns();
        var root = Path.Combine(Path.GetTempPath(), RunRootPrefix + Environment.ProcessId);
        Directory.CreateDirectory(root);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(root);
        return root;
    }

    private static void SweepRootsOfEndedRuns()
    {
        foreach (var root in Directory.GetDirectories(Path.GetTempPath(), RunRootPrefix + "*"))
        {
            var pid = Path.GetFileName(root)[RunRootPrefix.Length..];
            if (int.TryParse(pid, out var id) && !ProcessIsAlive(id)) TryDelete(root);
        }
    }

    private static bool ProcessIsAlive(int id)
    {
        try { using var process = System.Diagnostics.Process.GetProcessById(id); return !process.HasExited; }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }

    private static void TryDelete(string folder)
    {
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { }                      // a child process still writing: the next run sweeps it
        catch (UnauthorizedAccessException) { }
    }

    /// <summary>A fresh content folder holding a copy of the sample as &lt;name&gt;/, to mutate in a test.</summary>
    public static (string Content, string Document) CopyOfSample(string name = "doc")
    {
        var content = NewTempDirectory("content");
        var document = Path.Combine(content, name);
        CopyDirectory(Sample, document);
        return (content, document);
    }

    /// <summary>
    /// A folder of links to each file of <paramref name="source"/> (the fonts, not copied: 50 MB). Files, not the
    /// folder: a link from templates/ to a folder outside it is refused by the build (it could lead anywhere).
    /// </summary>
    public static void LinkFiles(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source)) File.CreateSymbolicLink(Path.Combine(target, Path.GetFileName(file)), file);
    }

    /// <summary>
    /// A copy of templates/ (the fonts linked, not copied) whose theme has <paramref name="line"/> replaced by
    /// <paramref name="replacement"/>; the line must be there, so a renamed theme key fails the test that relies on it.
    /// </summary>
    public static string TemplatesWithThemeLine(string line, string replacement)
    {
        var templates = NewTempDirectory("templates");
        foreach (var folder in Directory.GetDirectories(Templates))
        {
            var target = Path.Combine(templates, Path.GetFileName(folder));
            if (Path.GetFileName(folder) == "fonts") LinkFiles(folder, target);
            else CopyDirectory(folder, target);
        }
        foreach (var file in Directory.GetFiles(Templates)) File.Copy(file, Path.Combine(templates, Path.GetFileName(file)));
        var theme = Path.Combine(templates, "theme", "default.yaml");
        var text = File.ReadAllText(theme);
        text.ShouldContain(line);
        File.WriteAllText(theme, text.Replace(line, replacement));
        return templates;
    }

    /// <summary>A copy of templates/ whose theme's <c>limits:</c> section is <paramref name="limitsYaml"/>.</summary>
    public static string TemplatesWithLimits(string limitsYaml)
    {
        var templates = NewTempDirectory("templates");
        CopyDirectory(Templates, templates);
        var theme = Path.Combine(templates, "theme", "default.yaml");
        var text = File.ReadAllText(theme);
        var start = text.IndexOf("limits:\n", StringComparison.Ordinal);
        var end = text.IndexOf("\ncolors:", start, StringComparison.Ordinal);
        File.WriteAllText(theme, text[..start] + limitsYaml + text[end..]);
        return templates;
    }

    /// <summary>Copies a folder tree.</summary>
    public static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
