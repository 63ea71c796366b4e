namespace Publishing.Cli.Serve;

/// <summary>The documents whose PDF is wanted, each once, in the order asked for.</summary>
internal sealed class PdfQueue
{
    private readonly List<string> _waiting = new();
    private readonly SemaphoreSlim _signal = new(0);

    public void Add(string slug)
    {
        lock (_waiting)
        {
            if (_waiting.Contains(slug)) return;
            _waiting.Add(slug);
        }
        _signal.Release();
    }

    public async Task<string> NextAsync(CancellationToken cancel)
    {
        while (true)
        {
            await _signal.WaitAsync(cancel);
            lock (_waiting)
            {
                if (_waiting.Count == 0) continue;
                var slug = _waiting[0];
                _waiting.RemoveAt(0);
                return slug;
            }
        }
    }
}
