using Publishing.Changes;

namespace Publishing.Site;

/// <summary>What the document page shows around the assembled document.</summary>
public sealed record PreviewInputs(
    string Title,
    string Status,
    DateOnly Date,
    string? Revision,
    IReadOnlyDictionary<string, int> PageNumbers,
    string? PdfFileName,
    IReadOnlyList<PageWarning> Warnings,
    ChangeSet? Changes,
    Theming.Theme? Theme = null);

/// <summary>A check warning of the document; <see cref="Source"/> is relative to the document folder, as data-src is.</summary>
public sealed record PageWarning(string Code, string Message, string Location, string? Source, int Line);
