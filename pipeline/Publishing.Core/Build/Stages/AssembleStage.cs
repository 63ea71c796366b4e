using AngleSharp.Dom;
using Publishing.Assembly;
using Publishing.Diagnostics;
using Publishing.Layout;
using Publishing.Model;
using Publishing.Theming;

namespace Publishing.Build.Stages;

/// <summary>
/// Stage 3, assemble: the checked model and theme through the Scriban templates (<see cref="DocumentAssembler"/>)
/// into one HTML document (docs/html-vocabulary.md), within the theme's HTML limits, then parsed once
/// (<see cref="AssembledDocument"/>).
/// Templates are parsed once per builder and shared by its documents.
/// </summary>
internal sealed class AssembleStage(string templatesDirectory)
{
    /// <summary>The run's assembler, which the site's pages are rendered with too.</summary>
    public DocumentAssembler Assembler { get; } = new(templatesDirectory);

    public AssembledDocument? Run(CheckedDocument checkedDocument, DiagnosticBag diagnostics, CancellationToken cancel)
    {
        var (document, theme) = checkedDocument;
        string? html, css;
        using (StageTimes.Measure("document/assemble"))
        {
            html = Assembler.AssembleHtml(document, theme, diagnostics);
            if (html is not null && !WithinHtmlLimits(html, document, theme, diagnostics)) return null;
            css = Assembler.AssembleStylesheet(theme, diagnostics);
        }
        if (html is null || css is null) return null;
        cancel.ThrowIfCancellationRequested();
        IDocument dom;
        using (StageTimes.Measure("document/parse"))
            dom = AssembledDocument.Parse(html);
        return new AssembledDocument(document, theme, dom, html, css);
    }

    /// <summary>Validation's assembly: the templates run and the HTML measured against the limits, nothing parsed.</summary>
    public void Check(CheckedDocument checkedDocument, DiagnosticBag diagnostics)
    {
        var (document, theme) = checkedDocument;
        if (Assembler.AssembleHtml(document, theme, diagnostics) is { } html) WithinHtmlLimits(html, document, theme, diagnostics);
        Assembler.AssembleStylesheet(theme, diagnostics);
    }

    /// <summary>The assembled HTML within the theme's limits.max_html_blocks and max_html_mb (PUB6004, PUB6005 otherwise).</summary>
    private static bool WithinHtmlLimits(string html, PublishingDocument document, Theme theme, DiagnosticBag diagnostics) =>
        HtmlLimits.Check(html, document, theme.Limits.For(document.Form), $"主题 {theme.SourcePath}", diagnostics);
}
