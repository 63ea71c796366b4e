using System.Threading.Channels;

namespace Publishing.Cli.Serve;

/// <summary>
/// Watches the content and templates folders and hands on the set of changed paths once the writes have
/// settled: editors save in bursts (a temporary file, then a rename over the original), so one save is one
/// batch. Paths of temporary files are passed on too; the builder decides what they touch.
/// </summary>
internal sealed class ChangeWatcher : IDisposable
{
    private readonly List<FileSystemWatcher> _watchers = new();
    private readonly Channel<string> _events = Channel.CreateUnbounded<string>();
    private readonly TimeSpan _quiet;

    public ChangeWatcher(IEnumerable<string> folders, TimeSpan quiet)
    {
        _quiet = quiet;
        foreach (var folder in folders.Where(Directory.Exists))
        {
            var watcher = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
                InternalBufferSize = 64 * 1024,
            };
            watcher.Changed += (_, e) => _events.Writer.TryWrite(e.FullPath);
            watcher.Created += (_, e) => _events.Writer.TryWrite(e.FullPath);
            watcher.Deleted += (_, e) => _events.Writer.TryWrite(e.FullPath);
            watcher.Renamed += (_, e) => { _events.Writer.TryWrite(e.OldFullPath); _events.Writer.TryWrite(e.FullPath); };
            // Too many events at once (a checkout): treat it as a change of everything.
            watcher.Error += (_, _) => _events.Writer.TryWrite(folder);
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    /// <summary>Whether a change is waiting (then a PDF build waits for it).</summary>
    public bool HasPending => _events.Reader.Count > 0;

    /// <summary>The next batch: waits for a first change, then until no change came for the quiet period.</summary>
    public async Task<IReadOnlySet<string>> NextBatchAsync(CancellationToken cancel)
    {
        var batch = new HashSet<string>(StringComparer.Ordinal) { await _events.Reader.ReadAsync(cancel) };
        while (true)
        {
            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            quiet.CancelAfter(_quiet);
            try
            {
                batch.Add(await _events.Reader.ReadAsync(quiet.Token));
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
            {
                return batch;
            }
        }
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers) watcher.Dispose();
    }
}
