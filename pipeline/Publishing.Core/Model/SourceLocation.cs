namespace Publishing.Model;

/// <summary>Where a piece of content came from: a path relative to the repository (or content root), 1-based line and column.</summary>
public readonly record struct SourceLocation(string Path, int Line, int Column = 1)
{
    /// <summary>path:line, as a diagnostic names it.</summary>
    public override string ToString() => $"{Path}:{Line}";

    /// <summary>
    /// The value of data-src="path:line" (docs/html-vocabulary.md): the path relative to the document's folder
    /// (sections/01.md:9), so the published preview neither depends on the directory a build ran from nor shows
    /// the build machine's paths. <paramref name="documentFolder"/> is the folder as diagnostics show it.
    /// </summary>
    public string InDocument(string documentFolder) => $"{PathInDocument(Path, documentFolder)}:{Line}";

    /// <summary>A path as diagnostics show it, made relative to the document folder (shown the same way) when inside it.</summary>
    public static string PathInDocument(string path, string documentFolder)
    {
        if (documentFolder.Length == 0) return path;
        var prefix = documentFolder.EndsWith('/') ? documentFolder : documentFolder + "/";
        return path.StartsWith(prefix, StringComparison.Ordinal) ? path[prefix.Length..] : path;
    }

    /// <summary>Reads a data-src value back; null when there is none.</summary>
    public static SourceLocation? Parse(string? dataSrc)
    {
        if (string.IsNullOrWhiteSpace(dataSrc)) return null;
        var colon = dataSrc.LastIndexOf(':');
        return colon > 0 && int.TryParse(dataSrc[(colon + 1)..], out var line)
            ? new SourceLocation(dataSrc[..colon], line)
            : new SourceLocation(dataSrc, 0);
    }
}
