using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Publishing.Output;

/// <summary>
/// One flush to disk for a whole run instead of one per file. A many-document build writes ten files per
/// document; flushing each before its rename cost ~4 ms of CPU and 15–35 ms of waiting per document, as much as
/// laying the document out. The files of a run are written completely and renamed into place as before (an
/// interrupted or killed build still leaves every file old or new, never half-written: that needs no flush);
/// what the flush adds is surviving a power cut, and that is given once, when the run ends, before it records
/// anything that relies on the files (the incremental cache, the nightly's <c>latest</c>).
/// On Linux that is one <c>syncfs</c> per file system written to; elsewhere each file is flushed in turn.
/// </summary>
public sealed class DeferredFlush
{
    private readonly ConcurrentBag<string> _files = new();

    /// <summary>Files written (renamed into place) without a flush of their own.</summary>
    public void Add(string path) => _files.Add(path);

    /// <summary>
    /// Makes every file added so far durable. <paramref name="root"/> is the folder they were written below (the
    /// output folder): one flush covers all of them unless a link took some folder to another file system.
    /// Returns how many flushes it took.
    /// </summary>
    public int Complete(string root)
    {
        var files = _files.ToArray();
        _files.Clear();
        if (files.Length == 0) return 0;
        if (!OperatingSystem.IsLinux()) return FlushEach(files);
        // One file names its file system; a folder inside one already flushed shares it unless a link leads
        // elsewhere, so each folder's real location decides.
        var realRoot = Content.RealPaths.Resolve(root) + Path.DirectorySeparatorChar;
        var byFolder = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in files.GroupBy(f => Path.GetDirectoryName(f)!, StringComparer.Ordinal))
        {
            var folder = Content.RealPaths.Resolve(group.Key) + Path.DirectorySeparatorChar;
            byFolder.TryAdd(folder.StartsWith(realRoot, StringComparison.Ordinal) ? realRoot : folder, group.First());
        }
        var flushed = new List<string>();
        foreach (var (folder, file) in byFolder)
        {
            if (flushed.Any(done => folder.StartsWith(done, StringComparison.Ordinal))) continue;
            if (!SyncFileSystemOf(file)) return FlushEach(files);
            flushed.Add(folder);
        }
        return flushed.Count;
    }

    private static int FlushEach(string[] files)
    {
        foreach (var file in files)
        {
            try
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
                stream.Flush(flushToDisk: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone or replaced since (a later run), or read-only now: what was written stays written.
            }
        }
        return files.Length;
    }

    private static bool SyncFileSystemOf(string file)
    {
        try
        {
            using var handle = File.OpenHandle(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return syncfs(handle) == 0;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int syncfs(SafeFileHandle fd);
}
