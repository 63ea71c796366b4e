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

    /// <summary>A fresh empty folder under the system temp directory.</summary>
    public static string NewTempDirectory(string prefix = "publishing-test")
    {
        var path = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>A fresh content folder holding a copy of the sample as &lt;name&gt;/, to mutate in a test.</summary>
    public static (string Content, string Document) CopyOfSample(string name = "doc")
    {
        var content = NewTempDirectory("content");
        var document = Path.Combine(content, name);
        CopyDirectory(Sample, document);
        return (content, document);
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
