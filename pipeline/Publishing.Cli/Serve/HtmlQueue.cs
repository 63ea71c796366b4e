namespace Publishing.Cli.Serve;

/// <summary>
/// The documents whose HTML a save asked for, each once, in the order asked for, and the one being built. A save that
/// touches the document being built cancels that build (it renders content the save has replaced): the build stops
/// at its next stage and is dropped, never written, and the document is built again from the newest save at once.
/// </summary>
internal sealed class HtmlQueue
{
    private readonly object _gate = new();
    private readonly List<string> _waiting = new();
    private readonly SemaphoreSlim _signal = new(0);
    private (string Slug, CancellationTokenSource Cancel)? _building;

    public void Add(IEnumerable<string> slugs)
    {
        lock (_gate)
            foreach (var slug in slugs)
            {
                if (!_waiting.Contains(slug)) _waiting.Add(slug);
                if (_building is { } building && building.Slug == slug) building.Cancel.Cancel();
            }
        _signal.Release();
    }

    /// <summary>The next document to build and the token a newer save cancels it with; call <see cref="Done"/> after.</summary>
    public async Task<(string Slug, CancellationToken Cancel)> NextAsync(CancellationToken stopping)
    {
        while (true)
        {
            lock (_gate)
                if (_waiting.Count > 0)
                {
                    var slug = _waiting[0];
                    _waiting.RemoveAt(0);
                    var cancel = CancellationTokenSource.CreateLinkedTokenSource(stopping);
                    _building = (slug, cancel);
                    return (slug, cancel.Token);
                }
            await _signal.WaitAsync(stopping);
        }
    }

    public void Done()
    {
        lock (_gate)
        {
            _building?.Cancel.Dispose();
            _building = null;
        }
    }

    /// <summary>Whether a document waits to be built (then a PDF build waits for it).</summary>
    public bool HasWaiting
    {
        get
        {
            lock (_gate) return _waiting.Count > 0 || _building is not null;
        }
    }
}
