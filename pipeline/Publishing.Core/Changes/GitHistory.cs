using System.Diagnostics;
using System.Formats.Tar;
using Publishing.Diagnostics;

namespace Publishing.Changes;

/// <summary>
/// The content folder's git history, through the git command (an editor who commits has it; LibGit2Sharp's
/// native library would add 2 MB per platform for the three questions asked here). Every question answers
/// null when the folder is not in a git work tree or git is not installed.
/// </summary>
public static class GitHistory
{
    /// <summary>The last commit that touched the folder (short hash), with "+" when it has uncommitted edits.</summary>
    public static string? Revision(string directory)
    {
        // Outside a work tree there is nothing to ask: no git process is started (a county's nightly outside
        // git would otherwise start two per document).
        if (!InWorkTree(directory)) return null;
        var commit = Run(directory, "log", "-1", "--format=%h", "--", ".")?.Trim();
        if (string.IsNullOrEmpty(commit)) return null;
        var dirty = Run(directory, "status", "--porcelain", "--", ".");
        return string.IsNullOrWhiteSpace(dirty) ? commit : commit + "+";
    }

    /// <summary>
    /// Writes the document folder as it was at <paramref name="revision"/> under <paramref name="target"/> and
    /// returns its path there; null with the reason when the revision or the folder is unknown to git.
    /// </summary>
    public static (string? Directory, string? Problem) Export(string documentDirectory, string revision, string target)
    {
        var top = Run(documentDirectory, "rev-parse", "--show-toplevel")?.Trim();
        if (string.IsNullOrEmpty(top)) return (null, DiagnosticCatalog.SinceRevisionUnavailable["not-a-repository"].Format());
        if (Run(documentDirectory, "rev-parse", "--verify", "--quiet", revision + "^{commit}") is null)
            return (null, DiagnosticCatalog.SinceRevisionUnavailable["no-revision"].Format(("revision", revision)));
        var relative = Path.GetRelativePath(top, Path.GetFullPath(documentDirectory)).Replace('\\', '/');
        var tar = RunBytes(top, "archive", "--format=tar", revision, "--", relative);
        if (tar is null || tar.Length == 0) return (null, DiagnosticCatalog.SinceRevisionUnavailable["no-folder"].Format(("revision", revision), ("folder", relative)));
        Directory.CreateDirectory(target);
        using (var stream = new MemoryStream(tar)) TarFile.ExtractToDirectory(stream, target, overwriteFiles: true);
        var exported = Path.Combine(target, relative);
        return Directory.Exists(exported) ? (exported, null) : (null, $"修订“{revision}”中没有文件夹 {relative}");
    }

    private static bool InWorkTree(string directory) => WorkTreeTop(directory) is not null;

    /// <summary>The folder itself or the nearest one above it that holds .git (a folder, or a file for a linked work tree).</summary>
    internal static string? WorkTreeTop(string directory)
    {
        for (var at = new DirectoryInfo(Path.GetFullPath(directory)); at is not null; at = at.Parent)
            if (Path.Exists(Path.Combine(at.FullName, ".git"))) return at.FullName;
        return null;
    }

    internal static bool IsUnder(string path, string folder) =>
        path == folder || path.StartsWith(folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    internal static string? Run(string directory, params string[] args)
    {
        var bytes = RunBytes(directory, args);
        return bytes is null ? null : System.Text.Encoding.UTF8.GetString(bytes);
    }

    private static byte[]? RunBytes(string directory, params string[] args)
    {
        if (!Directory.Exists(directory)) return null;
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        try
        {
            using var process = Process.Start(start);
            if (process is null) return null;
            using var output = new MemoryStream();
            var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
            _ = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            copy.Wait();
            return process.ExitCode == 0 ? output.ToArray() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // git is not installed
        }
    }
}
