using Publishing.Diagnostics;

namespace Publishing.Build;

public enum DocumentStatus
{
    /// <summary>Rendered in this run and its outputs are in place.</summary>
    Built,
    /// <summary>Its inputs had not changed since the last build into the same output folder: not rendered again.</summary>
    UpToDate,
    /// <summary>Errors (or warnings under --warnings-as-errors) or an internal error: nothing of it was written.</summary>
    Failed,
    /// <summary>Checked only (validate): no outputs asked for.</summary>
    Validated,
}

/// <summary>
/// What a run did with one document: what the build report, the progress display, the preview site's index
/// and the nightly's record of the last good draft are made from.
/// </summary>
/// <param name="Slug">The document's folder name, also its folder below the output root.</param>
/// <param name="ContentDirectory">The document's folder (full path).</param>
/// <param name="OutputDirectory">OutputRoot/&lt;slug&gt; (full path), whether or not anything was written.</param>
/// <param name="Files">The output files, relative to <paramref name="OutputDirectory"/> (index.html, theme.css, &lt;slug&gt;.pdf).</param>
/// <param name="Pages">PDF pages, when a PDF was made.</param>
/// <param name="Bytes">Total size of <paramref name="Files"/>.</param>
/// <param name="Diagnostics">Everything found in this document, sorted.</param>
/// <param name="Duration">Time spent on it in this run (near zero when up to date).</param>
/// <param name="Changed">Whether its outputs differ from what the output folder held before this run.</param>
public sealed record DocumentResult(
    string Slug,
    string ContentDirectory,
    string OutputDirectory,
    IReadOnlyList<string> Files,
    int? Pages,
    long Bytes,
    IReadOnlyList<Diagnostic> Diagnostics,
    TimeSpan Duration,
    DocumentStatus Status,
    bool Changed)
{
    public bool Succeeded => Status != DocumentStatus.Failed;
    public int ErrorCount => Diagnostics.Count(d => d.IsError);
    public int WarningCount => Diagnostics.Count(d => !d.IsError);

    /// <summary>The PDF's path, when one was made.</summary>
    public string? PdfPath => Files.FirstOrDefault(f => f.EndsWith(".pdf", StringComparison.Ordinal)) is { } pdf
        ? Path.Combine(OutputDirectory, pdf)
        : null;
}

/// <summary>One run over many documents: a result per document, in the order of their slugs.</summary>
public sealed record BatchResult(IReadOnlyList<DocumentResult> Documents, TimeSpan Duration, int Jobs)
{
    public int ErrorCount => Documents.Sum(d => d.ErrorCount);
    public int WarningCount => Documents.Sum(d => d.WarningCount);
    public int FailedCount => Documents.Count(d => d.Status == DocumentStatus.Failed);
    public int BuiltCount => Documents.Count(d => d.Status == DocumentStatus.Built);
    public int UpToDateCount => Documents.Count(d => d.Status == DocumentStatus.UpToDate);

    /// <summary>Every document's diagnostics, sorted by file, line and column as they are printed.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => Documents.SelectMany(d => d.Diagnostics).Distinct().Order().ToList();

    /// <summary>What the site index shows of this run per document.</summary>
    public IReadOnlyList<Site.DocumentOutcome> Outcomes() => Documents.Select(d =>
    {
        var errors = d.Diagnostics.Where(x => x.IsError).ToList();
        return new Site.DocumentOutcome(d.Slug, errors.Count, errors.FirstOrDefault()?.ToString());
    }).ToList();
}
