namespace Publishing.Output;

/// <summary>
/// Writes a file so that readers see either the old one or the complete new one: the bytes go to a
/// temporary file in the same folder, are flushed to disk, then renamed over the target.
/// An interrupted build leaves at worst a stray *.tmp file, never a half-written output.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, ReadOnlySpan<byte> bytes)
    {
        var temporary = Prepare(path, bytes);
        Commit(temporary, path);
    }

    public static void WriteText(string path, string text) => Write(path, new System.Text.UTF8Encoding(false).GetBytes(text));

    /// <summary>
    /// First half of a write: the complete bytes in a temporary file beside <paramref name="path"/>,
    /// flushed to disk. Returns the temporary file's path for <see cref="Commit"/> (or <see cref="Discard"/>).
    /// </summary>
    public static string Prepare(string path, ReadOnlySpan<byte> bytes)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        try
        {
            using var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None);
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
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
    }
}
