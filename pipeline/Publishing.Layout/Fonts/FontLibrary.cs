namespace Publishing.Layout.Fonts;

/// <summary>
/// Opens each font file once and shares it. A file replaced since it was opened (a maintainer dropping a new
/// version into templates/fonts while `serve` runs) is opened again, so the next run's chains draw with it; the
/// replaced face stays open, as documents of a run in flight may still be drawing with it, until the library is
/// disposed. Dispose to release the mapped files.
/// </summary>
public sealed class FontLibrary : IDisposable
{
    private readonly Dictionary<string, (FontFace Face, DateTime Written, long Length)> _faces = new(StringComparer.Ordinal);
    private readonly List<FontFace> _replaced = new();
    private readonly Lock _lock = new();

    public FontFace Load(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var file = new FileInfo(full);
        lock (_lock)
        {
            if (_faces.TryGetValue(full, out var known) && (!file.Exists || (known.Written == file.LastWriteTimeUtc && known.Length == file.Length)))
                return known.Face;
            var face = FontFace.Open(full);
            if (known.Face is not null) _replaced.Add(known.Face);
            _faces[full] = (face, file.LastWriteTimeUtc, file.Length);
            return face;
        }
    }

    public FontChain Chain(string name, IEnumerable<string> paths) => new(name, paths.Select(Load).ToList());

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var (face, _, _) in _faces.Values) face.Dispose();
            foreach (var face in _replaced) face.Dispose();
            _faces.Clear();
            _replaced.Clear();
        }
    }
}
