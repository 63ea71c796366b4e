using System.Globalization;
using Publishing.Diagnostics;

namespace Publishing.Content;

/// <summary>
/// The size limits the loader enforces while it reads a document (the theme's limits:), so an oversized
/// document stops at the first row or file past them instead of after parsing all of it. SettingsPath names
/// the file where a maintainer raises them, for the message (ContentSettingsPath for the size limit, when a form
/// sets one limit and the theme the other).
/// </summary>
public sealed record ContentLimits(int MaxRowsPerFile, long MaxContentBytes, string SettingsPath, string? ContentSettingsPath = null)
{
    /// <summary>No limits: reading an old revision to compare against, where the current limits do not apply.</summary>
    public static ContentLimits None { get; } = new(int.MaxValue, long.MaxValue, "");

    internal void ReportTooManyRows(DiagnosticBag diagnostics, string path, int line) =>
        diagnostics.Add(DiagnosticCatalog.TooManyRows.At(path, line, 1, ("limit", MaxRowsPerFile), ("settings", SettingsPath)));

    internal void ReportTooLarge(DiagnosticBag diagnostics, string largestPath, long largestBytes, long totalBytes) =>
        diagnostics.Add(DiagnosticCatalog.ContentTooLarge.At(largestPath, 0, 0, ("total", Megabytes(totalBytes)), ("limit", Megabytes(MaxContentBytes)),
            ("largest", Megabytes(largestBytes)), ("settings", ContentSettingsPath ?? SettingsPath)));

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.#", CultureInfo.InvariantCulture);
}
