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

/// <summary>
/// The document page's model (templates/site/document-page.html.sbn). <see cref="Pdf"/> is the URL-escaped PDF
/// file name, null when no PDF was built in this run; <see cref="Changes"/> is -1 when there is no previous draft.
/// <see cref="Head"/>, <see cref="Toc"/> and <see cref="Document"/> are markup serialized from the DOM.
/// </summary>
public sealed record DocumentPageModel(
    string Title, string Status, string Date, string? Revision, string? Pdf, int Changes, int ChangedMarks,
    IReadOnlyList<MarkedWarning> Warnings, string Head, string BodyClass, IReadOnlyList<PageAttribute> BodyAttributes,
    string Toc, string Document);

/// <summary>An attribute the document template gave its body (data-page="landscape"), kept on the page's body.</summary>
public sealed record PageAttribute(string Name, string Value);
