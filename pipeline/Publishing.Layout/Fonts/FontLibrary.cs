namespace Publishing.Layout.Fonts;

/// <summary>Opens each font file once and shares it. Dispose to release the mapped files.</summary>
public sealed class FontLibrary : IDisposable
{
    private readonly Dictionary<string, FontFace> _faces = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public FontFace Load(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        lock (_lock)
        {
            if (!_faces.TryGetValue(full, out var face))
                _faces[full] = face = FontFace.Open(full);
            return face;
        }
    }

    public FontChain Chain(string name, IEnumerable<string> paths) => new(name, paths.Select(Load).ToList());

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var face in _faces.Values) face.Dispose();
            _faces.Clear();
        }
    }
}
