using Publishing.Changes;
using Publishing.Diagnostics;
using Publishing.Layout;
using Publishing.Model;
using Publishing.Output;

namespace Publishing.Site;

/// <summary>What a document's site pages are made from, besides the assembled HTML and the stylesheet.</summary>
public sealed record DocumentPagesInput(
    PublishingDocument Document,
    AngleSharp.Dom.IDocument Assembled,
    string Stylesheet,
    string TemplatesDirectory,
    string OutputDirectory,
    bool WithHtml,
    int? PdfPageCount,
    IReadOnlyDictionary<string, int> PdfPageNumbers,
    string? PdfFileName,
    IReadOnlyList<Diagnostic> Warnings,
    string? Since,
    SiteTemplates Templates,
    GitRevisions Revisions,
    Theming.Theme? Theme = null);

/// <summary>
/// A document's files on the site: the document page with its chrome, theme.css with the web-font subsets, the
/// change page with the snapshots it compares, and build.json for the index. An HTML-only build removes a PDF
/// left by an earlier build, so no stale PDF is linked as current.
/// </summary>
public static class DocumentPages
{
    public static bool Add(RenderedDocument output, DocumentPagesInput input, DiagnosticBag diagnostics)
    {
        var document = input.Document;
        var meta = document.Metadata;
        string? revision;
        using (StageTimes.Measure("document/site/git"))
            revision = input.Revisions.Of(document.ContentDirectory);
        var title = meta.Title;
        ChangeSet? changes = null;

        if (input.WithHtml)
        {
            var changeTime = StageTimes.Measure("document/site/changes");
            var current = DocumentSnapshot.From(document, revision);
            var previous = Baseline.Previous(current, input.OutputDirectory);
            var baseline = input.Since is not null
                ? Baseline.FromGit(document.ContentDirectory, input.Since, new Forms.FormCatalog(input.TemplatesDirectory), diagnostics)
                : previous is null ? null : (previous, Baseline.Label(previous));
            if (input.Since is not null && baseline is null) return false;
            if (baseline is { } found) changes = ChangeDetector.Compare(found.Snapshot, current, found.Label);
            changeTime.Dispose();

            var pageTime = StageTimes.Measure("document/site/page");
            var page = PreviewPage.Render(input.Assembled, new PreviewInputs(
                title, meta.Status, meta.Date, revision, input.PdfPageNumbers, input.PdfFileName,
                input.Warnings.Select(w => PageWarningOf(w, document.ContentDirectory)).ToList(), changes, input.Theme), input.Templates, diagnostics);
            var changePage = ChangePage.Render(title, changes, input.Templates, diagnostics);
            if (page is null || changePage is null) return false;
            output.AddText("index.html", page);
            output.AddText(ChangePage.FileName, changePage);
            pageTime.Dispose();
            IReadOnlyList<(string Path, byte[] Bytes)> subsets;
            using (StageTimes.Measure("document/site/webfonts"))
                subsets = WebFonts.Subsets(input.Stylesheet, input.TemplatesDirectory, page, changePage);
            foreach (var (path, bytes) in subsets) output.Add(path, bytes);
            output.AddText("theme.css", WebFonts.Versioned(input.Stylesheet, subsets));
            output.AddText(Baseline.CurrentFile, current.ToJson());
            if (previous is not null) output.AddText(Baseline.PreviousFile, previous.ToJson());
        }

        var pdf = input.PdfFileName;
        if (pdf is null) output.Remove(document.Slug + ".pdf");
        var last = BuildRecord.Read(input.OutputDirectory);
        output.AddText(BuildRecord.FileName, new BuildRecord(
            document.Slug, meta.Title, meta.Department, meta.Year, meta.Status, meta.Date.ToString("yyyy-MM-dd"),
            input.PdfPageCount,
            input.Warnings.Count, BuildRecord.Now(), revision, pdf,
            input.WithHtml ? changes?.Count : last?.Changes,
            input.WithHtml ? changes?.BaselineLabel : last?.Baseline, Supervisor(meta)).ToJson());
        return true;
    }

    /// <summary>
    /// The 主管部门 the document names in a form's field (主管部门, 主管部门及编码: "示例县农业农村局 201001"), its
    /// code left off; null when it names none (the index then groups it under its own department).
    /// </summary>
    private static string? Supervisor(Model.DocumentMetadata meta)
    {
        var value = meta.Fields.Where(f => f.Key.StartsWith("主管部门", StringComparison.Ordinal) && f.Value.Trim().Length > 0)
            .OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Value.Trim()).FirstOrDefault();
        return value is null ? null : System.Text.RegularExpressions.Regex.Replace(value, @"[\s（(]*[0-9]+[)）]?$", "").Trim() is { Length: > 0 } name ? name : value;
    }

    /// <summary>A warning located relative to the document folder, as the page's data-src attributes are.</summary>
    private static PageWarning PageWarningOf(Diagnostic warning, string documentDirectory)
    {
        string? source = null;
        if (warning.Path.Length > 0)
        {
            var relative = Path.GetRelativePath(documentDirectory, Path.GetFullPath(warning.Path)).Replace('\\', '/');
            if (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative)) source = relative;
        }
        var shown = source ?? warning.Path;
        var location = warning.Line > 0 ? $"{shown}({warning.Line},{Math.Max(warning.Column, 1)})" : shown;
        return new PageWarning(warning.Code, warning.Message, location, source, warning.Line);
    }
}
