using System.Globalization;
using Publishing.Diagnostics;
using Publishing.Model;
using Publishing.Theming;

namespace Publishing.Build;

/// <summary>
/// The theme's size limits that the model can answer (rows per data file, bytes of content), checked right after
/// loading, before the checks and the templates run: a document past them fails with one error at the content
/// that is too large, instead of at the template sandbox's output limit in templates/partials.
/// </summary>
internal static class DocumentLimits
{
    /// <summary>Adds an error for each limit the document passes; returns whether it is within all of them.</summary>
    public static bool Check(PublishingDocument document, Theme theme, DiagnosticBag diagnostics)
    {
        var limits = theme.Limits;
        var errors = diagnostics.ErrorCount;
        var rows = document.Projects.Select(p => p.Source)
            .Concat(document.Indicators.Select(i => i.Source))
            .Concat(document.Parts.Where(p => p.Department is not null).Select(p => p.Department!.Source));
        foreach (var file in rows.GroupBy(r => r.Path, StringComparer.Ordinal))
        {
            var count = file.Count();
            if (count <= limits.MaxRowsPerFile) continue;
            var first = file.OrderBy(r => r.Line).ElementAt(limits.MaxRowsPerFile);
            diagnostics.Error(DiagnosticCodes.TooManyRows, first.Path, first.Line, 1,
                $"这个数据文件有 {Number(count)} 行数据，超过了每个文件最多 {Number(limits.MaxRowsPerFile)} 行的上限，从这一行起超出。" +
                $"请核对是否误粘贴了重复或多余的行；确实需要时，把数据分到几个文档中，或请维护者调高主题 {theme.SourcePath} 中的 limits.max_rows_per_file。");
        }

        var files = ContentFiles(document).ToList();
        var bytes = files.Sum(f => f.Bytes);
        if (bytes > limits.MaxContentBytes)
        {
            var largest = files.MaxBy(f => f.Bytes);
            diagnostics.Error(DiagnosticCodes.ContentTooLarge, largest.Path, 0, 0,
                $"文档的内容共 {Megabytes(bytes)} MB，超过了 {Number(limits.MaxContentMb)} MB 的上限；其中最大的是这个文件（{Megabytes(largest.Bytes)} MB）。" +
                $"请核对是否误粘贴了大段重复内容；确实需要时，把内容分到几个文档中，或请维护者调高主题 {theme.SourcePath} 中的 limits.max_content_mb。");
        }
        return diagnostics.ErrorCount == errors;
    }

    /// <summary>Every file the document was read from, once: document.yaml, the Markdown sections, the CSV tables.</summary>
    private static IEnumerable<(string Path, long Bytes)> ContentFiles(PublishingDocument document) =>
        new[] { document.Metadata.ManifestPath }
            .Concat(document.Sections.Select(s => s.Source.Path))
            .Concat(document.Projects.Select(p => p.Source.Path))
            .Concat(document.Indicators.Select(i => i.Source.Path))
            .Concat(document.Parts.Where(p => p.Department is not null).Select(p => p.Department!.Source.Path))
            .Where(path => path.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Select(path => (path, File.Exists(path) ? new FileInfo(path).Length : 0L));

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.0", CultureInfo.InvariantCulture);
}
