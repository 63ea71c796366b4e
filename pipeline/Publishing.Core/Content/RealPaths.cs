namespace Publishing.Content;

/// <summary>
/// Where a path really leads once every symbolic link along it is followed — a linked folder on the way
/// counts as much as a linked file — so "is it inside this folder?" cannot be fooled by links.
/// </summary>
public static class RealPaths
{
    public static string Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? "/";
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            try
            {
                FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
                if (info.LinkTarget is not null)
                    current = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? current;
            }
            catch (IOException)
            {
                // A link loop or an unreadable link: leave the path as written; the read will fail and be reported.
            }
        }
        return current;
    }

    /// <summary>Whether <paramref name="path"/> really lies inside <paramref name="folder"/> (both resolved).</summary>
    public static bool IsInside(string folder, string path)
    {
        var realFolder = Resolve(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return Resolve(path).StartsWith(realFolder, StringComparison.Ordinal);
    }
}
