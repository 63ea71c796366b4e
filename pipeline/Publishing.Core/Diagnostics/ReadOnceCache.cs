namespace Publishing.Diagnostics;

/// <summary>
/// Files read once per build run and shared by every document (check data, forms, frameworks). The problems
/// found while reading one are handed again to each document that asks for it, so every document's result
/// stays complete. Thread-safe: documents are built in parallel.
/// </summary>
public sealed class ReadOnceCache
{
    private readonly Dictionary<string, (object? Value, IReadOnlyList<Diagnostic> Found)> _remembered = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public T Get<T>(string key, DiagnosticBag diagnostics, Func<DiagnosticBag, T> read)
    {
        lock (_lock)
        {
            if (!_remembered.TryGetValue(key, out var entry))
            {
                var found = new DiagnosticBag();
                entry = (read(found), found.Items.ToList());
                _remembered[key] = entry;
            }
            diagnostics.AddRange(entry.Found);
            return (T)entry.Value!;
        }
    }
}
