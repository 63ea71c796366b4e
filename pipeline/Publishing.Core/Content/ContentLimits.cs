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
        diagnostics.Error(DiagnosticCodes.TooManyRows, path, line, 1,
            $"这个数据文件超过了每个文件最多 {Number(MaxRowsPerFile)} 行数据的上限，从这一行起超出（后面的行不再读取）。" +
            $"请核对是否误粘贴了重复或多余的行；确实需要时，把数据分到几个文档中，或请维护者调高 {SettingsPath} 中的 limits.max_rows_per_file。");

    internal void ReportTooLarge(DiagnosticBag diagnostics, string largestPath, long largestBytes, long totalBytes) =>
        diagnostics.Error(DiagnosticCodes.ContentTooLarge, largestPath, 0, 0,
            $"文档的内容共 {Megabytes(totalBytes)} MB，超过了 {Megabytes(MaxContentBytes)} MB 的上限；其中最大的是这个文件（{Megabytes(largestBytes)} MB）。" +
            $"请核对是否误粘贴了大段重复内容；确实需要时，把内容分到几个文档中，或请维护者调高 {ContentSettingsPath ?? SettingsPath} 中的 limits.max_content_mb。");

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.#", CultureInfo.InvariantCulture);
}
