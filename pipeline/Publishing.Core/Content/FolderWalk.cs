using Publishing.Diagnostics;

namespace Publishing.Content;

/// <summary>
/// The files of a folder tree (a document's folder, templates/), walked without ever leaving it: folders are
/// entered only where they really are, never through a symbolic link, so a link to / or a loop of links cannot
/// make a walk of the whole machine or an endless one. A link that dangles, loops, or leads out of the folder
/// (to a folder anywhere outside; to a file outside where <c>filesMayLeave</c> is false) is a
/// <see cref="LinkProblem"/> for the caller to report at the link. Hidden entries (names starting with ".",
/// editors' and version control's) are skipped.
/// </summary>
public static class FolderWalk
{
    /// <param name="Relative">The path below the root, with '/'.</param>
    /// <param name="Full">The absolute path as walked (a link's own path for a linked file).</param>
    public sealed record Entry(string Relative, string Full, bool IsLink, string? LinkTarget);

    public sealed record LinkProblem(string LinkPath, DiagnosticMessage Message);

    public sealed record Result(IReadOnlyList<Entry> Files, IReadOnlyList<LinkProblem> Problems);

    public static Result Walk(string root, bool filesMayLeave)
    {
        root = Path.GetFullPath(root);
        var files = new List<Entry>();
        var problems = new List<LinkProblem>();
        var folders = new Stack<string>();
        folders.Push(root);
        var options = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = true, AttributesToSkip = 0 };
        while (folders.Count > 0)
        {
            var folder = folders.Pop();
            foreach (var info in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", options))
            {
                if (info.Name.StartsWith('.')) continue;
                var relative = Path.GetRelativePath(root, info.FullName).Replace('\\', '/');
                if (info.LinkTarget is { } target)
                {
                    if (LinkProblemOf(root, info, target, filesMayLeave) is { } message) problems.Add(new LinkProblem(info.FullName, message));
                    else if (File.Exists(info.FullName)) files.Add(new Entry(relative, info.FullName, true, target));
                    // A link to a folder inside the root: that folder's files are walked where they are.
                    continue;
                }
                if (info is DirectoryInfo) folders.Push(info.FullName);
                else files.Add(new Entry(relative, info.FullName, false, null));
            }
        }
        files.Sort((a, b) => string.CompareOrdinal(a.Relative, b.Relative));
        problems.Sort((a, b) => string.CompareOrdinal(a.LinkPath, b.LinkPath));
        return new Result(files, problems);
    }

    /// <summary>Why the link cannot be followed, in an editor's words; null when it leads to something inside (or a file outside, if allowed).</summary>
    private static DiagnosticMessage? LinkProblemOf(string root, FileSystemInfo link, string target, bool filesMayLeave)
    {
        FileSystemInfo? final;
        try
        {
            final = link.ResolveLinkTarget(returnFinalTarget: true);
        }
        catch (IOException)
        {
            return DiagnosticCatalog.BrokenLink["loop"].With(("link", link.Name), ("target", target));
        }
        if (final is null || !Path.Exists(final.FullName))
            return DiagnosticCatalog.BrokenLink["dangling"].With(("link", link.Name), ("target", target));
        var inside = RealPaths.IsInside(root, final.FullName);
        if (inside) return null;
        if (Directory.Exists(final.FullName))
            return DiagnosticCatalog.BrokenLink["folder-outside"].With(("link", link.Name), ("target", target));
        return filesMayLeave ? null : DiagnosticCatalog.BrokenLink["file-outside"].With(("link", link.Name), ("target", target));
    }
}
