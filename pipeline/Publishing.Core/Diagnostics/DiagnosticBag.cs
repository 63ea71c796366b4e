namespace Publishing.Diagnostics;

/// <summary>Diagnostics are values: collected while working, sorted and printed once.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = new();
    private readonly List<Func<Diagnostic, Diagnostic>> _annotators = new();

    public IReadOnlyList<Diagnostic> Items => _items;
    public bool HasErrors => _items.Any(d => d.IsError);
    public int ErrorCount => _items.Count(d => d.IsError);
    public int WarningCount => _items.Count(d => !d.IsError);

    public void Add(Diagnostic diagnostic) => _items.Add(Annotated(diagnostic));
    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics) Add(diagnostic);
    }

    /// <summary>
    /// Adds a step every diagnostic passes through as it is added: a workbook's tables add the cell's own
    /// reference (工作表“指标”单元格 B7) to every diagnostic at one of their cells, whichever stage reports it.
    /// </summary>
    public void AddAnnotator(Func<Diagnostic, Diagnostic> annotate) => _annotators.Add(annotate);

    private Diagnostic Annotated(Diagnostic diagnostic)
    {
        foreach (var annotate in _annotators) diagnostic = annotate(diagnostic);
        return diagnostic;
    }

    /// <summary>Sorted by file, line, column and code, duplicates removed: the order they are printed in.</summary>
    public IReadOnlyList<Diagnostic> Sorted() => _items.Distinct().Order().ToList();
}
