using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Publishing.Output;

namespace Publishing.Build;

/// <summary>
/// Content hashes of input files and folders. A file's SHA-256 is remembered with its size and modification
/// time (in OutputRoot/.publishing/stamps.tsv), so a no-op rebuild stats the 50 MB of fonts instead of reading
/// them; a file whose size or time changed is hashed again, and only a changed hash counts as a change
/// (touching a file without editing it rebuilds nothing). Thread-safe.
/// </summary>
internal sealed class InputFingerprints
{
    private readonly string _stampsPath;
    private readonly ConcurrentDictionary<string, Stamp> _stamps = new(StringComparer.Ordinal);
    private bool _dirty;

    private sealed record Stamp(long Length, long WriteTicks, string Hash);

    public InputFingerprints(string stateDirectory)
    {
        _stampsPath = Path.Combine(stateDirectory, "stamps.tsv");
        try
        {
            foreach (var line in File.ReadLines(_stampsPath))
            {
                var fields = line.Split('\t');
                if (fields.Length == 4 && long.TryParse(fields[1], CultureInfo.InvariantCulture, out var length) &&
                    long.TryParse(fields[2], CultureInfo.InvariantCulture, out var ticks))
                    _stamps[fields[0]] = new Stamp(length, ticks, fields[3]);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No stamps yet (or unreadable): every file is hashed once.
        }
    }

    public string OfFile(string fullPath)
    {
        // A pipe or device is never opened (it could wait forever); the build refuses it with PUB1007.
        if (Content.RegularFiles.Of(fullPath) is var kind && kind != Content.RegularFiles.Kind.Regular) return $"not-a-file:{kind}";
        var info = new FileInfo(fullPath);
        var ticks = info.LastWriteTimeUtc.Ticks;
        if (_stamps.TryGetValue(fullPath, out var known) && known.Length == info.Length && known.WriteTicks == ticks)
            return known.Hash;
        using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var hash = Convert.ToHexStringLower(SHA256.HashData(stream));
        _stamps[fullPath] = new Stamp(info.Length, ticks, hash);
        _dirty = true;
        return hash;
    }

    /// <summary>
    /// Every file below <paramref name="directory"/>: names and contents, in ordinal order, hidden files left out.
    /// Walked without following links out of the folder (<see cref="Content.FolderWalk"/>); a broken link counts by
    /// its name (the build reports it).
    /// </summary>
    public string OfFolder(string directory, bool filesMayLeave = false)
    {
        var walk = Content.FolderWalk.Walk(directory, filesMayLeave);
        var text = new StringBuilder();
        foreach (var file in walk.Files)
        {
            string hash;
            try
            {
                hash = OfFile(file.Full);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                hash = "unreadable"; // gone or locked since the walk: the build reads (and reports) it, or does not need it
            }
            text.Append(file.Relative).Append('\0').Append(hash).Append('\n');
        }
        foreach (var problem in walk.Problems) text.Append("broken-link\0").Append(problem.LinkPath).Append('\n');
        return Of(text.ToString());
    }

    public static string Of(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Keeps the stamps for the next run; losing them costs only time, so failures are ignored.</summary>
    public void Save()
    {
        if (!_dirty) return;
        var text = new StringBuilder();
        foreach (var (path, stamp) in _stamps.OrderBy(s => s.Key, StringComparer.Ordinal))
            text.Append(CultureInfo.InvariantCulture, $"{path}\t{stamp.Length}\t{stamp.WriteTicks}\t{stamp.Hash}\n");
        try
        {
            AtomicFile.WriteText(_stampsPath, text.ToString());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
