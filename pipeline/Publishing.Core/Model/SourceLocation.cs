namespace Publishing.Model;

/// <summary>Where a piece of content came from: a path relative to the repository (or content root), 1-based line and column.</summary>
public readonly record struct SourceLocation(string Path, int Line, int Column = 1)
{
    /// <summary>Written into the assembled HTML as data-src="path:line" (docs/html-vocabulary.md).</summary>
    public override string ToString() => $"{Path}:{Line}";

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
