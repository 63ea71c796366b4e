using System.Collections.Concurrent;
using Publishing.Assembly;
using Publishing.Changes;
using Publishing.Checks;
using Publishing.Content;
using Publishing.Diagnostics;
using Publishing.Forms;
using Publishing.Layout;
using Publishing.Model;
using Publishing.Output;
using Publishing.Rendering.Pdf;
using Publishing.Site;
using Publishing.Theming;

namespace Publishing.Build;

/// <summary>
/// The pipeline for one document: content → model → checks → assemble (Scriban) → render (HTML | PDF | OFD)
/// → publish. Nothing is written unless every stage succeeded, so a failed build keeps the last good draft.
/// </summary>
public sealed class DocumentBuilder
{
    private readonly BuildOptions _options;
    private readonly DocumentAssembler _assembler;
    private readonly SiteTemplates _site;

    public DocumentBuilder(BuildOptions options)
    {
        _options = options;
        _assembler = new DocumentAssembler(options.TemplatesDirectory);
        _site = new SiteTemplates(_assembler);
        _checkData = new CheckData(options.TemplatesDirectory);
        _forms = new FormCatalog(options.TemplatesDirectory);
        _revisions = new GitRevisions(options.ContentRoot);
    }

    /// <summary>The forms and frameworks, read once for all the documents this builder handles.</summary>
    private readonly FormCatalog _forms;

    /// <summary>The checks' data files, read once for all the documents this builder handles.</summary>
    private readonly CheckData _checkData;

    /// <summary>The documents' git revisions, asked of git once for all the documents this builder handles.</summary>
    private readonly GitRevisions _revisions;

    /// <summary>
    /// Loads and checks a document and the theme it names, and assembles it (templates' errors are
    /// content to fix too), without rendering or writing anything. A bug met on the way is PUB9001 (null).
    /// </summary>
    public PublishingDocument? Validate(string documentDirectory, DiagnosticBag diagnostics) =>
        DocumentIsolation.Run(documentDirectory, diagnostics, () => Checked(documentDirectory, diagnostics), null);

    private PublishingDocument? Checked(string documentDirectory, DiagnosticBag diagnostics)
    {
        var (document, theme) = LoadAndCheck(documentDirectory, diagnostics);
        if (document is null || theme is null || diagnostics.HasErrors) return document;
        if (_assembler.AssembleHtml(document, theme, diagnostics) is { } html) WithinHtmlLimits(html, document, theme, diagnostics);
        _assembler.AssembleStylesheet(theme, diagnostics);
        return document;
    }

    private (PublishingDocument? Document, Theme? Theme) LoadAndCheck(string documentDirectory, DiagnosticBag diagnostics, CancellationToken cancel = default)
    {
        var manifest = DocumentLoader.ReadManifest(documentDirectory, _forms, diagnostics);
        if (manifest is null) return (null, null);
        // The theme before the content files: its limits stop an oversized file at its first row or byte too many.
        var theme = LoadTheme(manifest.Metadata.Theme, manifest.Form, diagnostics);
        // The form may set its own limits (form.yaml limits:); the messages then name the file that set each one.
        var limits = (theme?.Limits ?? new LimitsTheme()).For(manifest.Form);
        var themePath = theme?.SourcePath ?? "文件";
        PublishingDocument? document;
        using (StageTimes.Measure("document/load"))
            document = DocumentLoader.Load(documentDirectory, manifest,
                new ContentLimits(limits.MaxRowsPerFile, limits.MaxContentBytes, LimitsTheme.SetIn(manifest.Form, themePath, l => l.MaxRowsPerFile),
                    LimitsTheme.SetIn(manifest.Form, themePath, l => l.MaxContentMb)), diagnostics);
        if (document is null) return (null, null);
        cancel.ThrowIfCancellationRequested();
        using (StageTimes.Measure("document/checks"))
            ContentChecks.Run(document, new CheckContext(_options.TemplatesDirectory, _checkData), diagnostics);
        return (document, theme);
    }

    /// <summary>Builds one document into OutputRoot/&lt;slug&gt;/; returns whether its outputs were written.</summary>
    public bool Build(string documentDirectory, DiagnosticBag diagnostics)
    {
        var local = new DiagnosticBag();
        var rendered = Render(documentDirectory, local);
        diagnostics.AddRange(local.Items);
        if (rendered is null || Blocks(local)) return false;
        return Write(documentDirectory, rendered, diagnostics);
    }

    /// <summary>
    /// Writes a document rendered by <see cref="Render"/> into OutputRoot/&lt;slug&gt;/; returns whether it was
    /// written (a bug met while writing is PUB9001 at the document).
    /// </summary>
    public bool Write(string documentDirectory, RenderedDocument rendered, DiagnosticBag diagnostics) =>
        DocumentIsolation.Run(documentDirectory, diagnostics, () => Written(documentDirectory, rendered, diagnostics), false);

    private bool Written(string documentDirectory, RenderedDocument rendered, DiagnosticBag diagnostics)
    {
        var slug = Path.GetFileName(Path.GetFullPath(documentDirectory).TrimEnd(Path.DirectorySeparatorChar));
        try
        {
            AtomicFile.SweepStale(Path.Combine(_options.OutputRoot, slug), recursive: true);
            rendered.WriteTo(Path.Combine(_options.OutputRoot, slug));
            SiteAssets.Publish(_options.TemplatesDirectory, _options.OutputRoot);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.OutputWriteFailed, DisplayPaths.For(Path.Combine(_options.OutputRoot, slug)), 0, 0,
                $"无法写入输出：{e.Message}");
            return false;
        }
    }

    /// <summary>
    /// Everything up to, not including, writing: the outputs in memory (null, with PUB9001, on a bug of ours).
    /// <paramref name="cancel"/> stops it between stages with an OperationCanceledException (the live preview's
    /// build of content a newer save has replaced).
    /// </summary>
    public RenderedDocument? Render(string documentDirectory, DiagnosticBag diagnostics, CancellationToken cancel = default) =>
        DocumentIsolation.Run(documentDirectory, diagnostics, () => Rendered(documentDirectory, diagnostics, cancel), null);

    private RenderedDocument? Rendered(string documentDirectory, DiagnosticBag diagnostics, CancellationToken cancel)
    {
        var (document, theme) = LoadAndCheck(documentDirectory, diagnostics, cancel);
        if (document is null || theme is null || Blocks(diagnostics)) return null;
        cancel.ThrowIfCancellationRequested();

        string? html, css;
        using (StageTimes.Measure("document/assemble"))
        {
            html = _assembler.AssembleHtml(document, theme, diagnostics);
            if (html is not null && !WithinHtmlLimits(html, document, theme, diagnostics)) return null;
            css = _assembler.AssembleStylesheet(theme, diagnostics);
        }
        if (html is null || css is null) return null;
        cancel.ThrowIfCancellationRequested();

        var output = new RenderedDocument { AssembledHtml = html, Document = document, Theme = theme };
        // Parsed once: the PDF mapper reads the tree (with the rows' template marks, to locate a row's problem in its
        // template), then the preview page works on it, the marks removed.
        AngleSharp.Dom.IDocument dom;
        using (StageTimes.Measure("document/parse"))
            dom = AssembledDocument.Parse(html);
        var pages = new PdfPages();
        string? pdfName = null;
        var withPdf = _options.Formats.HasFlag(OutputFormats.Pdf);
        // The OFD when asked for on the command line, or beside every PDF when the theme says ofd: true.
        var withOfd = _options.Formats.HasFlag(OutputFormats.Ofd) || (withPdf && theme.Ofd);
        if (withPdf || withOfd)
        {
            FixedLayoutFiles? files;
            using (StageTimes.Measure("document/pdf"))
                files = PdfOutput.Render(document, dom, theme, diagnostics, pages, withPdf, withOfd);
            using (StageTimes.Measure("document/vocabulary"))
                diagnostics.AddRange(Rendering.Pdf.TemplateVocabularyCheck.Check(_options.TemplatesDirectory,
                    document.Form.Name.Length > 0 ? document.Form.Folder : null));
            if (files is null) return null;
            if (files.Pdf is { } pdf)
            {
                pdfName = document.Slug + ".pdf";
                output.Add(pdfName, pdf);
                output.PdfPages = pages.Count;
            }
            if (files.Ofd is { } ofd) output.Add(document.Slug + ".ofd", ofd);
        }
        // An OFD an earlier build made and this one did not is no longer current (as the PDF, in DocumentPages).
        if (!withOfd) output.Remove(document.Slug + ".ofd");
        if (Blocks(diagnostics)) return null;
        cancel.ThrowIfCancellationRequested();

        AssembledDocument.StripTemplateMarks(dom);
        var site = new DocumentPagesInput(document, dom, css, _options.TemplatesDirectory,
            Path.Combine(_options.OutputRoot, document.Slug), _options.Formats.HasFlag(OutputFormats.Html),
            pdfName is null ? null : pages.Count, pages.Anchors, pdfName,
            diagnostics.Items.Where(d => !d.IsError).Distinct().Order().ToList(), _options.Since, _site, _revisions, theme);
        using (StageTimes.Measure("document/site"))
            return DocumentPages.Add(output, site, diagnostics) ? output : null;
    }

    /// <summary>The assembled HTML within the theme's limits.max_html_blocks and max_html_mb (PUB6004, PUB6005 otherwise).</summary>
    private static bool WithinHtmlLimits(string html, PublishingDocument document, Theme theme, DiagnosticBag diagnostics) =>
        HtmlLimits.Check(html, document, theme.Limits.For(document.Form), $"主题 {theme.SourcePath}", diagnostics);

    // Each theme is read once per builder (one per run) and shared read-only by every document that names it;
    // a theme that cannot be read gives every such document the same diagnostic.
    private readonly ConcurrentDictionary<string, Lazy<(Theme? Theme, IReadOnlyList<Diagnostic> Problems)>> _themes = new(StringComparer.Ordinal);

    private Theme? LoadTheme(string name, Form form, DiagnosticBag diagnostics)
    {
        // A form folder may hold its own theme.yaml, laid over the named theme for the form's documents.
        var overridePath = form.Name.Length > 0 ? Path.Combine(_options.TemplatesDirectory, form.Folder, FormThemeFile) : null;
        if (overridePath is not null && !File.Exists(overridePath)) overridePath = null;
        var (theme, problems) = _themes.GetOrAdd(overridePath is null ? name : name + "\n" + form.Name,
            _ => new Lazy<(Theme?, IReadOnlyList<Diagnostic>)>(() => ReadTheme(name, overridePath))).Value;
        diagnostics.AddRange(problems);
        return theme;
    }

    /// <summary>A form's own theme overrides, in its folder (templates/forms/&lt;name&gt;/theme.yaml).</summary>
    public const string FormThemeFile = "theme.yaml";

    /// <summary>The theme, or every problem it has (each at its value in the theme file or the form's theme.yaml).</summary>
    private (Theme?, IReadOnlyList<Diagnostic>) ReadTheme(string name, string? overridePath)
    {
        try
        {
            return (ThemeLoader.Load(_options.TemplatesDirectory, name, overridePath), Array.Empty<Diagnostic>());
        }
        catch (Exception e) when (e is IOException or YamlDotNet.Core.YamlException)
        {
            var path = DisplayPaths.For(Path.Combine(_options.TemplatesDirectory, "theme", name + ".yaml"));
            List<(string? File, int Line, int Column, string Message)> problems = e switch
            {
                ThemeInvalidException invalid => invalid.Problems.Select(p => (p.File, (int)p.Place.Line, (int)p.Place.Column, p.Message)).ToList(),
                YamlDotNet.Core.YamlException y => [(null, (int)y.Start.Line, (int)y.Start.Column, y.InnerException is null ? y.Message : e.Message)],
                _ => [(null, 0, 0, e.Message)],
            };
            return (null, problems.Select(p => Diagnostic.Error(DiagnosticCodes.ThemeInvalid, p.File ?? path, p.Line, p.Column, $"主题文件有误：{StripLocation(p.Message)}")).ToList());
        }
    }

    /// <summary>YamlException messages start with "(Line: 3, Col: 5, …): "; the diagnostic says where already.</summary>
    private static string StripLocation(string message)
    {
        var end = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && end > 0 ? message[(end + 3)..] : message;
    }

    private bool Blocks(DiagnosticBag diagnostics) =>
        diagnostics.HasErrors || (_options.WarningsAsErrors && diagnostics.WarningCount > 0);
}
