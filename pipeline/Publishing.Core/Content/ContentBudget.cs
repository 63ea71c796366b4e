using Publishing.Diagnostics;

namespace Publishing.Content;

/// <summary>
/// The bytes a document has read so far, against its limit. Each file's size is asked of the file system
/// before it is opened, so a file that would take the document past the limit is never read.
/// </summary>
internal sealed class ContentBudget
{
    private readonly ContentLimits _limits;
    private readonly List<(string Display, long Bytes)> _files = new();
    private long _total;

    public ContentBudget(ContentLimits limits) => _limits = limits;

    /// <summary>Counts the file; whether it is still within the limit, so it may be read.</summary>
    public bool Admit(string fullPath, string display)
    {
        if (_files.Any(f => f.Display == display)) return _total <= _limits.MaxContentBytes;
        long bytes;
        try
        {
            bytes = RegularFiles.Of(fullPath) == RegularFiles.Kind.Regular ? new FileInfo(fullPath).Length : 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            bytes = 0; // the read reports why it cannot open the file
        }
        _files.Add((display, bytes));
        _total += bytes;
        return _total <= _limits.MaxContentBytes;
    }

    /// <summary>One error at the largest file when the document went past the limit.</summary>
    public void Report(DiagnosticBag diagnostics)
    {
        if (_total <= _limits.MaxContentBytes) return;
        var largest = _files.MaxBy(f => f.Bytes);
        _limits.ReportTooLarge(diagnostics, largest.Display, largest.Bytes, _total);
    }
}
