namespace Publishing.Diagnostics;

public enum Severity { Warning, Error }

/// <summary>
/// One problem found in the input, located at a file, line and column (1-based; 0 when unknown).
/// Printed in the MSBuild form so editors and CI can jump to it:
/// <c>path(line,col): error PUB0001: message</c>. Made from an entry of <see cref="DiagnosticCatalog"/>
/// (<c>DiagnosticCatalog.FileNotFound.At(path, line, column, ("file", name))</c>), never from text written at the call site.
/// </summary>
public sealed record Diagnostic(string Path, int Line, int Column, Severity Severity, string Code, string Message)
    : IComparable<Diagnostic>
{
    public bool IsError => Severity == Severity.Error;

    public override string ToString()
    {
        var location = Line > 0 ? $"({Line},{Math.Max(Column, 1)})" : "";
        var severity = IsError ? "error" : "warning";
        return $"{Path}{location}: {severity} {Code}: {Message}";
    }

    public int CompareTo(Diagnostic? other)
    {
        if (other is null) return 1;
        var byPath = string.CompareOrdinal(Path, other.Path);
        if (byPath != 0) return byPath;
        var byLine = Line.CompareTo(other.Line);
        if (byLine != 0) return byLine;
        var byColumn = Column.CompareTo(other.Column);
        return byColumn != 0 ? byColumn : string.CompareOrdinal(Code, other.Code);
    }
}
