namespace Publishing.Output;

/// <summary>Everything one document's build produced, held in memory until all of it succeeded.</summary>
public sealed class RenderedDocument
{
    private readonly SortedDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _removals = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, byte[]> Files => _files;

    /// <summary>Outputs of an earlier build that are no longer current (a PDF an HTML-only build did not remake).</summary>
    public IReadOnlyCollection<string> Removals => _removals;

    /// <summary>
    /// The assembled document (docs/html-vocabulary.md) that the PDF was rendered from, as the templates wrote it:
    /// its rows still carry their template marks, which the published preview page does not.
    /// </summary>
    public string AssembledHtml { get; init; } = "";

    /// <summary>The document and theme it was rendered from (the combined volume lays them out again).</summary>
    public Model.PublishingDocument? Document { get; init; }
    public Theming.Theme? Theme { get; init; }

    public void Remove(string relativePath) => _removals.Add(relativePath);

    /// <summary>Pages of the PDF, when one was rendered.</summary>
    public int? PdfPages { get; set; }

    public long TotalBytes => _files.Values.Sum(f => (long)f.Length);

    /// <summary>
    /// Whether <paramref name="directory"/> already holds exactly these outputs (files named in
    /// <paramref name="ignored"/>, such as a build time stamp, are not compared).
    /// </summary>
    public bool SameAs(string directory, params string[] ignored) =>
        _removals.All(r => !File.Exists(Path.Combine(directory, r))) &&
        _files.Where(f => !ignored.Contains(f.Key)).All(f =>
        {
            var path = Path.Combine(directory, f.Key);
            var existing = new FileInfo(path);
            return existing.Exists && existing.Length == f.Value.Length && File.ReadAllBytes(path).AsSpan().SequenceEqual(f.Value);
        });

    public void Add(string relativePath, byte[] bytes) => _files[relativePath] = bytes;

    public void AddText(string relativePath, string text) => Add(relativePath, new System.Text.UTF8Encoding(false).GetBytes(text));

    /// <summary>
    /// Publish: every file is first written completely beside its target, and only when all of them
    /// are on disk are they renamed into place, one atomic rename each. A failure while writing (disk
    /// full, permissions) leaves every previous output as it was, not some old and some new; so does a stop
    /// (SIGINT/SIGTERM): the renames are done together, before or after it (<see cref="AtomicFile.CommitTogether"/>).
    /// </summary>
    /// <param name="later">Flush the files to disk with the rest of the run (<see cref="DeferredFlush"/>), not each now.</param>
    public void WriteTo(string directory, DeferredFlush? later = null)
    {
        var prepared = new List<(string Temporary, string Target)>();
        try
        {
            foreach (var (relativePath, bytes) in _files)
            {
                var target = Path.Combine(directory, relativePath);
                prepared.Add((AtomicFile.Prepare(target, bytes, flush: later is null), target));
            }
        }
        catch
        {
            foreach (var (temporary, _) in prepared) AtomicFile.Discard(temporary);
            throw;
        }
        AtomicFile.CommitTogether(prepared, target => later?.Add(target), () =>
        {
            foreach (var relativePath in _removals)
            {
                var stale = Path.Combine(directory, relativePath);
                if (File.Exists(stale)) File.Delete(stale);
            }
        });
    }
}
