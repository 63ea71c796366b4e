namespace Publishing.Output;

/// <summary>Everything one document's build produced, held in memory until all of it succeeded.</summary>
public sealed class RenderedDocument
{
    private readonly SortedDictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, byte[]> Files => _files;

    public void Add(string relativePath, byte[] bytes) => _files[relativePath] = bytes;

    public void AddText(string relativePath, string text) => Add(relativePath, new System.Text.UTF8Encoding(false).GetBytes(text));

    /// <summary>Publish: move every file into place, each atomically.</summary>
    public void WriteTo(string directory)
    {
        foreach (var (relativePath, bytes) in _files)
            AtomicFile.Write(Path.Combine(directory, relativePath), bytes);
    }
}
