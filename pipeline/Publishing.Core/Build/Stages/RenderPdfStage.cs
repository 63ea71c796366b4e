using Publishing.Assembly;
using Publishing.Diagnostics;
using Publishing.Layout;
using Publishing.Rendering.Pdf;

namespace Publishing.Build.Stages;

/// <summary>
/// The fixed-layout stage's value: the files asked for (neither when the build makes HTML only) and the pages
/// they were laid out on (their count and each anchor's page, which the preview's 目录 shows).
/// </summary>
internal sealed record FixedLayout(FixedLayoutFiles Files, PdfPages Pages);

/// <summary>
/// Stage 4a, render the fixed layout: the assembled tree laid out once (<see cref="PdfOutput"/>, the layout engine
/// underneath) and written as PDF and/or OFD: the OFD when asked for on the command line, or beside every PDF when
/// the theme says ofd: true. The templates' use of the vocabulary is checked with it.
/// </summary>
internal sealed class RenderPdfStage(BuildOptions options)
{
    /// <returns>The files, or null when the document has errors.</returns>
    public FixedLayout? Run(AssembledDocument assembled, DiagnosticBag diagnostics)
    {
        var (document, theme) = (assembled.Document, assembled.Theme);
        var pages = new PdfPages();
        var withPdf = options.Formats.HasFlag(OutputFormats.Pdf);
        var withOfd = options.Formats.HasFlag(OutputFormats.Ofd) || (withPdf && theme.Ofd);
        if (!withPdf && !withOfd) return new FixedLayout(new FixedLayoutFiles(null, null), pages);
        FixedLayoutFiles? files;
        using (StageTimes.Measure("document/pdf"))
            files = PdfOutput.Render(document, assembled.Dom, theme, diagnostics, pages, withPdf, withOfd);
        using (StageTimes.Measure("document/vocabulary"))
            diagnostics.AddRange(TemplateVocabularyCheck.Check(options.TemplatesDirectory,
                document.Form.Name.Length > 0 ? document.Form.Folder : null));
        return files is null ? null : new FixedLayout(files, pages);
    }
}
