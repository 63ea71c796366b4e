using System.Runtime.InteropServices;

namespace Publishing.Content;

/// <summary>
/// Whether a path is an ordinary file. A named pipe or a device named as content would make the read
/// wait forever (a pipe without a writer) or never end (/dev/zero), and a folder cannot be read at all,
/// so they are refused before anything opens them. .NET exposes no file type on Unix (a pipe reads as
/// FileAttributes.Normal), so the type is asked of the kernel with statx(2), whose buffer layout is the
/// same on every Linux architecture; elsewhere only folders are told apart.
/// </summary>
public static class RegularFiles
{
    public enum Kind { Missing, Regular, Directory, Other }

    public static Kind Of(string path)
    {
        if (Directory.Exists(path)) return Kind.Directory;
        if (!File.Exists(path)) return Kind.Missing;
        if (!OperatingSystem.IsLinux()) return Kind.Regular;
        try
        {
            return StatxType(path) switch
            {
                null => Kind.Regular, // the kernel could not tell (no statx): read it as before
                FileTypeRegular => Kind.Regular,
                FileTypeDirectory => Kind.Directory,
                _ => Kind.Other,
            };
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return Kind.Regular;
        }
    }

    private const int AtFdCwd = -100;
    private const uint StatxTypeMask = 0x1;
    private const int FileTypeMask = 0xF000, FileTypeRegular = 0x8000, FileTypeDirectory = 0x4000;

    private static int? StatxType(string path)
    {
        // struct statx is 256 bytes; stx_mode is the 16-bit field at offset 28.
        var buffer = new byte[256];
        if (Statx(AtFdCwd, path, 0, StatxTypeMask, buffer) != 0) return null;
        return BitConverter.ToUInt16(buffer, 28) & FileTypeMask;
    }

    [DllImport("libc", EntryPoint = "statx", CharSet = CharSet.Ansi, BestFitMapping = false)]
    private static extern int Statx(int directoryFd, string path, int flags, uint mask, [Out] byte[] buffer);
}
