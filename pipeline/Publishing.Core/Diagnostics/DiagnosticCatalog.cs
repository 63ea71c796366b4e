namespace Publishing.Diagnostics;

/// <summary>
/// Every diagnostic Publishing reports, by kind: its code (<see cref="DiagnosticCodes"/>), default severity, title and
/// message templates, one file per area (DiagnosticCatalog.Files.cs, .Tables.cs …). Call sites never write message
/// text; they fill an entry's parameters: <c>DiagnosticCatalog.FileNotFound.At(path, line, column, ("file", name))</c>.
/// docs/diagnostics.md is written from this catalog and a test keeps it in step: each entry's heading (code, title,
/// severity) is there, and every example message there is one of the entry's templates filled in.
/// </summary>
public static partial class DiagnosticCatalog;
