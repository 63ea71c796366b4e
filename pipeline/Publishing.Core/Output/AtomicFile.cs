using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Publishing.Output;

/// <summary>
/// Writes a file so that readers see either the old one or the complete new one: the bytes go to a
/// temporary file (.name.&lt;pid&gt;.tmp) in the same folder, are flushed to disk (or, in a many-document
/// run, once at its end: <see cref="DeferredFlush"/>), then renamed over the target. An interrupted build
/// leaves at worst a stray temporary file, never a half-written output: on SIGINT/SIGTERM the command
/// removes its own (<see cref="DiscardAllPending"/>), and a later build removes those of a killed one
/// (<see cref="SweepStale"/>).
/// </summary>
public static partial class AtomicFile
{
    private static readonly HashSet<string> Pending = new(StringComparer.Ordinal);
    private static readonly Lock PendingLock = new();
    private static bool _stopping;

    /// <param name="later">Flush with the rest of the run instead of now (the file is added to it).</param>
    public static void Write(string path, ReadOnlySpan<byte> bytes, DeferredFlush? later = null)
    {
        var temporary = Prepare(path, bytes, flush: later is null);
        Commit(temporary, path);
        later?.Add(path);
    }

    public static void WriteText(string path, string text, DeferredFlush? later = null) => Write(path, Utf8(text), later);

    /// <summary>Writes only when the file does not already hold these bytes (its time and inode then stay). Returns whether it wrote.</summary>
    public static bool WriteIfChanged(string path, byte[] bytes)
    {
        if (Holds(path, bytes)) return false;
        Write(path, bytes);
        return true;
    }

    public static bool WriteTextIfChanged(string path, string text) => WriteIfChanged(path, Utf8(text));

    /// <summary>Whether the file exists with exactly these bytes (the size is compared before anything is read).</summary>
    public static bool Holds(string path, byte[] bytes)
    {
        var info = new FileInfo(path);
        return info.Exists && info.Length == bytes.Length && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes);
    }

    private static byte[] Utf8(string text) => new System.Text.UTF8Encoding(false).GetBytes(text);

    /// <summary>
    /// First half of a write: the complete bytes in a temporary file beside <paramref name="path"/>,
    /// flushed to disk unless <paramref name="flush"/> is false (the caller flushes later, <see cref="DeferredFlush"/>).
    /// Returns the temporary file's path for <see cref="Commit"/> (or <see cref="Discard"/>).
    /// </summary>
    public static string Prepare(string path, ReadOnlySpan<byte> bytes, bool flush = true)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        lock (PendingLock)
        {
            if (_stopping) throw new OperationCanceledException("the build is being stopped");
            Pending.Add(temporary);
        }
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                if (flush) stream.Flush(flushToDisk: true);
            }
            // A stop that came while writing has already swept the pending files: do not leave this one behind.
            if (Volatile.Read(ref _stopping)) throw new OperationCanceledException("the build is being stopped");
        }
        catch
        {
            Discard(temporary);
            throw;
        }
        return temporary;
    }

    /// <summary>Second half: the rename that replaces the target in one step.</summary>
    public static void Commit(string temporary, string path)
    {
        try
        {
            File.Move(temporary, path, overwrite: true);
            lock (PendingLock) Pending.Remove(temporary);
        }
        catch
        {
            Discard(temporary);
            throw;
        }
    }

    public static void Discard(string temporary)
    {
        try { File.Delete(temporary); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        lock (PendingLock) Pending.Remove(temporary);
    }

    /// <summary>
    /// Tests only (PUBLISHING_TEST_COMMIT_PAUSE_MS): a pause between the renames of a set, so that a test can send its
    /// signal in the middle of them, which otherwise last microseconds.
    /// </summary>
    private static readonly int CommitPause =
        int.TryParse(Environment.GetEnvironmentVariable("PUBLISHING_TEST_COMMIT_PAUSE_MS"), NumberStyles.None, CultureInfo.InvariantCulture, out var pause) ? pause : 0;

    /// <summary>Held while one document's set of files is renamed into place; a stop waits for it (see <see cref="CommitTogether"/>).</summary>
    private static readonly Lock CommitLock = new();

    /// <summary>
    /// The second half for a set of files that belong together (a document's HTML page, PDF and fonts): all are
    /// renamed, then <paramref name="after"/> runs (removing outputs no longer current), with no stop in between —
    /// a SIGINT/SIGTERM that arrives meanwhile waits for the renames (a few milliseconds) and one that came before
    /// discards the set whole. So a stopped build leaves each document's files all old or all new.
    /// </summary>
    public static void CommitTogether(IReadOnlyList<(string Temporary, string Target)> prepared, Action<string>? committed = null, Action? after = null)
    {
        lock (CommitLock)
        {
            if (Volatile.Read(ref _stopping))
            {
                foreach (var (temporary, _) in prepared) Discard(temporary);
                throw new OperationCanceledException("the build is being stopped");
            }
            for (var i = 0; i < prepared.Count; i++)
            {
                try
                {
                    if (i > 0 && CommitPause > 0) Thread.Sleep(CommitPause);
                    Commit(prepared[i].Temporary, prepared[i].Target);
                    committed?.Invoke(prepared[i].Target);
                }
                catch
                {
                    for (var j = i + 1; j < prepared.Count; j++) Discard(prepared[j].Temporary);
                    throw;
                }
            }
            after?.Invoke();
        }
    }

    /// <summary>Folders built in a hidden place and renamed into place when complete (the nightly's staging folder).</summary>
    private static readonly HashSet<string> PendingFolders = new(StringComparer.Ordinal);

    /// <summary>A folder being built to be renamed into place later: a stop before then removes it.</summary>
    public static void BeginFolder(string path)
    {
        lock (PendingLock)
        {
            if (_stopping) throw new OperationCanceledException("the build is being stopped");
            PendingFolders.Add(path);
        }
        Directory.CreateDirectory(path);
    }

    /// <summary>Renames a folder begun with <see cref="BeginFolder"/> into place, unless a stop came first (then it is removed by the stop).</summary>
    public static void CommitFolder(string path, string target)
    {
        lock (CommitLock)
        {
            if (Volatile.Read(ref _stopping)) throw new OperationCanceledException("the build is being stopped");
            Directory.Move(path, target);
            lock (PendingLock) PendingFolders.Remove(path);
        }
    }

    /// <summary>
    /// Removes every temporary file and folder this process has begun and not yet renamed (an interrupted build),
    /// after any set of files being renamed together has been completed.
    /// </summary>
    public static void DiscardAllPending()
    {
        string[] pending, folders;
        lock (CommitLock)
        lock (PendingLock)
        {
            _stopping = true;
            pending = Pending.ToArray();
            folders = PendingFolders.ToArray();
        }
        foreach (var temporary in pending) Discard(temporary);
        foreach (var folder in folders)
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    [GeneratedRegex(@"^\..+\.(\d{1,9})\.tmp$")]
    private static partial Regex TemporaryName();

    /// <summary>
    /// Removes our temporary files in <paramref name="directory"/> (and its subfolders when
    /// <paramref name="recursive"/>) left by a build that was killed: those whose process id belongs to
    /// no running process. Another build writing the same folder at this moment keeps its files.
    /// </summary>
    public static void SweepStale(string directory, bool recursive = false)
    {
        if (!Directory.Exists(directory)) return;
        var options = new EnumerationOptions { RecurseSubdirectories = recursive, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
        foreach (var file in Directory.EnumerateFiles(directory, ".*.tmp", options))
        {
            var match = TemporaryName().Match(Path.GetFileName(file));
            if (!match.Success) continue;
            var pid = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            if (pid != Environment.ProcessId && !IsRunning(pid)) Discard(file);
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
