namespace Publishing.Diagnostics;

/// <summary>Diagnostics are values: collected while working, sorted and printed once.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = new();

    public IReadOnlyList<Diagnostic> Items => _items;
    public bool HasErrors => _items.Any(d => d.IsError);
    public int ErrorCount => _items.Count(d => d.IsError);
    public int WarningCount => _items.Count(d => !d.IsError);

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);
    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);

    public void Error(string code, string path, int line, int column, string message) =>
        Add(Diagnostic.Error(code, path, line, column, message));

    public void Warning(string code, string path, int line, int column, string message) =>
        Add(Diagnostic.Warning(code, path, line, column, message));

    /// <summary>Sorted by file, line, column and code, duplicates removed: the order they are printed in.</summary>
    public IReadOnlyList<Diagnostic> Sorted() => _items.Distinct().Order().ToList();
}
