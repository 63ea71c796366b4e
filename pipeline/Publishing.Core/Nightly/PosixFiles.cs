using System.Runtime.InteropServices;

namespace Publishing.Nightly;

/// <summary>
/// What .NET lacks for the nightly's folders: hard links and rename(2) of a symbolic link over another.
/// <see cref="CopyTree"/> copies a folder tree as hard links where the system allows (Linux, macOS), else as copies. Safe because every
/// output is replaced by an atomic rename, never rewritten in place: a later build never changes a linked file
/// of an earlier run. Keeps 14 nightlies of a county from holding 14 copies of the same PDFs and fonts.
/// </summary>
internal static class PosixFiles
{
    /// <summary>Replaces <paramref name="target"/> (a symbolic link) by <paramref name="source"/> in one step.</summary>
    public static void ReplaceLink(string source, string target)
    {
        if (!OperatingSystem.IsWindows() && Rename(source, target) == 0) return;
        // No atomic replacement here: there is a moment without the link, never a wrong one.
        if (Path.Exists(target) || new FileInfo(target).LinkTarget is not null) File.Delete(target);
        var link = new FileInfo(source).LinkTarget!;
        File.Delete(source);
        File.CreateSymbolicLink(target, link);
    }

    public static void CopyTree(string source, string target)
    {
        if (!Directory.Exists(source)) return;
        foreach (var directory in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories).Prepend(source))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, directory));
            Directory.CreateDirectory(destination);
            foreach (var file in Directory.EnumerateFiles(directory))
                LinkOrCopy(file, Path.Combine(destination, Path.GetFileName(file)));
        }
    }

    private static void LinkOrCopy(string source, string target)
    {
        if (!OperatingSystem.IsWindows())
        {
            try
            {
                if (Link(source, target) == 0) return;
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
            }
        }
        File.Copy(source, target, overwrite: true);
    }

    [DllImport("libc", EntryPoint = "rename", SetLastError = true)]
    private static extern int Rename([MarshalAs(UnmanagedType.LPUTF8Str)] string from, [MarshalAs(UnmanagedType.LPUTF8Str)] string to);

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int Link([MarshalAs(UnmanagedType.LPUTF8Str)] string existing, [MarshalAs(UnmanagedType.LPUTF8Str)] string created);
}
