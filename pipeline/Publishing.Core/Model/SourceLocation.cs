namespace Publishing.Model;

/// <summary>Where a piece of content came from: a path relative to the repository (or content root), 1-based line and column.</summary>
public readonly record struct SourceLocation(string Path, int Line, int Column = 1)
{
    public override string ToString() => $"{Path}:{Line}";
}
