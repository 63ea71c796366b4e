using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;
using Publishing.Diagnostics;

namespace Publishing.Output;

/// <summary>The output folder cannot be used: not writable (read-only file system, no permission), or another run held it too long.</summary>
public sealed class OutputUnavailableException(string path, DiagnosticMessage problem) : IOException(problem.Text)
{
    /// <summary>The file or folder the problem is at (the lock file, or the folder that could not be made).</summary>
    public string Path { get; } = path;

    /// <summary>What went wrong, as the catalog words it (PUB5001).</summary>
    public DiagnosticMessage Problem { get; } = problem;
}

/// <summary>
/// One run at a time in an output folder, and a run that cannot have the folder says why at once. An exclusive
/// flock(2) on a lock file whose text names the holder (process id, since when): the kernel releases it when the
/// holder ends however it ends, so the lock of a killed run is simply taken over. A lock file that cannot be
/// opened (EROFS, EACCES) is not contention: it fails at once (<see cref="OutputUnavailableException"/>). A held
/// lock is reported once, naming the holder, and waited for at most the given time, then it fails clearly.
/// Only on Linux (the open flags are Linux's); elsewhere the folder is not locked.
/// </summary>
public sealed class RunLock : IDisposable
{
    private readonly SafeFileHandle? _handle;

    private RunLock(SafeFileHandle? handle) => _handle = handle;

    /// <param name="wait">How long to wait for another run to finish.</param>
    /// <param name="waiting">Told once, with the holder in words, when the lock is held by another run.</param>
    /// <param name="tookOver">Told when the lock file names a process that ended without releasing it (a killed run).</param>
    public static RunLock Acquire(string path, TimeSpan wait, Action<string>? waiting = null, Action<string>? tookOver = null)
    {
        if (!OperatingSystem.IsLinux()) return new RunLock(null); // the flags below are Linux's
        var folder = System.IO.Path.GetDirectoryName(path)!;
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputUnavailableException(folder, DiagnosticCatalog.OutputWriteFailed["create-folder"].With(("reason", Reason(e))));
        }
        var fd = Open(path, OpenReadWrite | OpenCreate | OpenCloseOnExec, 0b110_100_100);
        if (fd < 0) throw new OutputUnavailableException(path, DiagnosticCatalog.OutputWriteFailed["create-lock"].With(("reason", Describe(Marshal.GetLastPInvokeError()))));
        var handle = new SafeFileHandle(fd, ownsHandle: true);
        var deadline = DateTime.UtcNow + wait;
        var told = false;
        while (true)
        {
            if (Flock(fd, LockExclusive | LockNonBlocking) == 0) break;
            var errno = Marshal.GetLastPInvokeError();
            if (errno != ErrnoWouldBlock && errno != ErrnoInterrupted)
            {
                handle.Dispose();
                throw new OutputUnavailableException(path, DiagnosticCatalog.OutputWriteFailed["lock"].With(("reason", Describe(errno))));
            }
            var holder = Holder(path);
            if (DateTime.UtcNow >= deadline)
            {
                handle.Dispose();
                throw new OutputUnavailableException(path, DiagnosticCatalog.OutputWriteFailed["held"].With(("holder", holder), ("seconds", Seconds(wait))));
            }
            if (!told) waiting?.Invoke($"另一个运行（{holder}）正在使用 {Diagnostics.DisplayPaths.For(folder)}，等它结束（最多 {Seconds(wait)} 秒）……");
            told = true;
            Thread.Sleep(200);
        }
        var previous = ReadHolder(path);
        if (previous is { Pid: var pid } && pid != Environment.ProcessId)
            tookOver?.Invoke($"接管了进程 {pid} 留下的锁（它{(previous.Value.Since is { } since ? $"自 {since} 起运行，" : "")}没有正常结束）");
        WriteHolder(handle);
        return new RunLock(handle);
    }

    public void Dispose() => _handle?.Dispose(); // closing the file releases the flock

    /// <summary>The holder as its lock file names it: "进程 1234，自 2026-12-06 16:00:00 UTC 起".</summary>
    private static string Holder(string path) => ReadHolder(path) switch
    {
        { Since: { } since } h => Words["holder-since"].Format(("pid", h.Pid), ("since", since)),
        { } h => Words["holder"].Format(("pid", h.Pid)),
        null => Words["holder-unknown"].Format(),
    };

    /// <summary>The pid and start time the lock file holds, read without taking a lock (.NET's open would try one).</summary>
    private static (int Pid, string? Since)? ReadHolder(string path)
    {
        var fd = Open(path, OpenReadOnly | OpenCloseOnExec, 0);
        if (fd < 0) return null;
        using var stream = new FileStream(new SafeFileHandle(fd, ownsHandle: true), FileAccess.Read);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var fields = (reader.ReadLine() ?? "").Split('\t');
        if (!int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) return null;
        return (pid, fields.Length > 1 && fields[1].Length > 0 ? fields[1] : null);
    }

    private static void WriteHolder(SafeFileHandle handle)
    {
        var text = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessId}\t{DateTime.UtcNow:yyyy-MM-dd HH:mm:ss} UTC\n"));
        Truncate((int)handle.DangerousGetHandle(), 0);
        RandomAccess.Write(handle, text, 0);
    }

    /// <summary>PUB5001's wordings, the reasons and the holder's description included.</summary>
    private static DiagnosticKind Words => DiagnosticCatalog.OutputWriteFailed;

    private static string Seconds(TimeSpan wait) => wait.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>An exception of .NET's file API in words: on Unix its HResult is the errno.</summary>
    private static string Reason(Exception e) => e is UnauthorizedAccessException ? Describe(ErrnoAccess)
        : e.HResult is > 0 and < 200 ? Describe(e.HResult) : e.Message;

    private static string Describe(int errno) => errno switch
    {
        ErrnoReadOnly => Words["read-only"].Format(),
        ErrnoAccess or ErrnoPermission => Words["no-permission"].Format(),
        ErrnoNoSpace => Words["disk-full"].Format(),
        ErrnoNoEntry => Words["no-folder"].Format(),
        _ => Words["errno"].Format(("errno", errno)),
    };

    private const int OpenReadOnly = 0, OpenReadWrite = 2, OpenCreate = 0x40, OpenCloseOnExec = 0x80000;
    private const int LockExclusive = 2, LockNonBlocking = 4;
    private const int ErrnoPermission = 1, ErrnoNoEntry = 2, ErrnoInterrupted = 4, ErrnoWouldBlock = 11, ErrnoAccess = 13, ErrnoNoSpace = 28, ErrnoReadOnly = 30;

    [DllImport("libc", EntryPoint = "open", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false)]
    private static extern int Open(string path, int flags, int mode);

    [DllImport("libc", EntryPoint = "ftruncate", SetLastError = true)]
    private static extern int Truncate(int fd, long length);

    [DllImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static extern int Flock(int fd, int operation);
}
