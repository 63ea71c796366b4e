using Publishing.Assembly;
using Publishing.Build.Stages;
using Publishing.Diagnostics;
using Publishing.Model;
using Publishing.Output;

namespace Publishing.Build;

/// <summary>
/// The pipeline for one document, as the named stages of Build/Stages/ with the value each hands on (docs/architecture.md):
/// load (folder → <see cref="LoadedDocument"/>) → check (→ <see cref="CheckedDocument"/>) → assemble (→ one parsed
/// <see cref="Assembly.AssembledDocument"/>) → render the PDF/OFD (→ <see cref="FixedLayout"/>) and the site
/// (→ <see cref="RenderedDocument"/>) → publish. Nothing is written unless every stage succeeded, so a failed build
/// keeps the last good draft. A bug met on the way is the document's PUB9001 (<see cref="DocumentIsolation"/>).
/// </summary>
public sealed class DocumentBuilder
{
    // One of each per builder (one per run): each keeps what its documents share, read once (forms, themes, check
    // data, parsed templates, git revisions).
    private readonly BuildOptions _options;
    private readonly LoadStage _load;
    private readonly CheckStage _check;
    private readonly AssembleStage _assemble;
    private readonly RenderPdfStage _renderPdf;
    private readonly RenderHtmlStage _renderHtml;
    private readonly PublishStage _publish;

    public DocumentBuilder(BuildOptions options)
    {
        _options = options;
        _load = new LoadStage(options.TemplatesDirectory);
        _check = new CheckStage(options.TemplatesDirectory);
        _assemble = new AssembleStage(options.TemplatesDirectory);
        _renderPdf = new RenderPdfStage(options);
        _renderHtml = new RenderHtmlStage(options, _assemble.Assembler);
        _publish = new PublishStage(options);
    }

    /// <summary>
    /// Everything up to, not including, writing: the outputs in memory (null, with PUB9001, on a bug of ours).
    /// <paramref name="cancel"/> stops it between stages with an OperationCanceledException (the live preview's
    /// build of content a newer save has replaced).
    /// </summary>
    public RenderedDocument? Render(string documentDirectory, DiagnosticBag diagnostics, CancellationToken cancel = default) =>
        DocumentIsolation.Run(documentDirectory, diagnostics, () =>
        {
            if (_load.Run(documentDirectory, diagnostics) is not { } loaded) return null;
            cancel.ThrowIfCancellationRequested();
            if (_check.Run(loaded, diagnostics) is not { } checkedDocument || Blocks(diagnostics)) return null;
            cancel.ThrowIfCancellationRequested();
            if (_assemble.Run(checkedDocument, diagnostics, cancel) is not { } assembled) return null;
            cancel.ThrowIfCancellationRequested();
            if (_renderPdf.Run(assembled, diagnostics) is not { } fixedLayout || Blocks(diagnostics)) return null;
            cancel.ThrowIfCancellationRequested();
            return _renderHtml.Run(assembled, fixedLayout, diagnostics);
        }, null);

    /// <summary>
    /// Load, check and assemble (one parse), nothing rendered (null, with its diagnostics, when it has errors): what
    /// the combined volume lays out, the tree handed over from this run rather than its HTML parsed again.
    /// </summary>
    public AssembledDocument? Assemble(string documentDirectory, DiagnosticBag diagnostics) =>
        DocumentIsolation.Run(documentDirectory, diagnostics, () =>
        {
            if (_load.Run(documentDirectory, diagnostics) is not { } loaded) return null;
            if (_check.Run(loaded, diagnostics) is not { } checkedDocument || Blocks(diagnostics)) return null;
            return _assemble.Run(checkedDocument, diagnostics, CancellationToken.None);
        }, null);

    /// <summary>
    /// Writes a document rendered by <see cref="Render"/> into OutputRoot/&lt;slug&gt;/; returns whether it was
    /// written (a bug met while writing is PUB9001 at the document).
    /// </summary>
    public bool Write(string documentDirectory, RenderedDocument rendered, DiagnosticBag diagnostics) =>
        DocumentIsolation.Run(documentDirectory, diagnostics, () => _publish.Run(documentDirectory, rendered, diagnostics), false);

    /// <summary>Builds one document into OutputRoot/&lt;slug&gt;/ (render, then write); returns whether its outputs were written.</summary>
    public bool Build(string documentDirectory, DiagnosticBag diagnostics)
    {
        var local = new DiagnosticBag();
        var rendered = Render(documentDirectory, local);
        diagnostics.AddRange(local.Items);
        return rendered is not null && !Blocks(local) && Write(documentDirectory, rendered, diagnostics);
    }

    /// <summary>
    /// Load, check and assemble (templates' errors are content to fix too) without rendering or writing anything.
    /// </summary>
    public PublishingDocument? Validate(string documentDirectory, DiagnosticBag diagnostics) =>
        DocumentIsolation.Run(documentDirectory, diagnostics, () =>
        {
            if (_load.Run(documentDirectory, diagnostics) is not { } loaded) return null;
            if (_check.Run(loaded, diagnostics) is { } checkedDocument && !diagnostics.HasErrors) _assemble.Check(checkedDocument, diagnostics);
            return loaded.Document;
        }, null);

    private bool Blocks(DiagnosticBag diagnostics) =>
        diagnostics.HasErrors || (_options.WarningsAsErrors && diagnostics.WarningCount > 0);
}
