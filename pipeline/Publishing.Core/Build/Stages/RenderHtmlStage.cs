using Publishing.Assembly;
using Publishing.Changes;
using Publishing.Diagnostics;
using Publishing.Layout;
using Publishing.Output;
using Publishing.Site;

namespace Publishing.Build.Stages;

/// <summary>
/// Stage 4b, render the site: the document's outputs gathered in memory (<see cref="RenderedDocument"/>): the
/// fixed-layout files, then the site's (<see cref="DocumentPages"/>: the preview page worked on the same tree
/// the PDF read, the stylesheet with its web-font subsets, the change page, build.json). Nothing is written here.
/// </summary>
internal sealed class RenderHtmlStage(BuildOptions options, DocumentAssembler assembler)
{
    private readonly SiteTemplates _site = new(assembler);
    /// <summary>The documents' git revisions, asked of git once for all the documents of the builder.</summary>
    private readonly GitRevisions _revisions = new(options.ContentRoot);

    public RenderedDocument? Run(AssembledDocument assembled, FixedLayout fixedLayout, DiagnosticBag diagnostics)
    {
        var document = assembled.Document;
        var output = new RenderedDocument { AssembledHtml = assembled.Html, Document = document, Theme = assembled.Theme };
        string? pdfName = null;
        if (fixedLayout.Files.Pdf is { } pdf)
        {
            pdfName = document.Slug + ".pdf";
            output.Add(pdfName, pdf);
            output.PdfPages = fixedLayout.Pages.Count;
        }
        // An OFD an earlier build made and this one did not is no longer current (as the PDF, in DocumentPages).
        if (fixedLayout.Files.Ofd is { } ofd) output.Add(document.Slug + ".ofd", ofd);
        else output.Remove(document.Slug + ".ofd");

        // The preview page works on the tree the PDF mapper read, without the rows' template marks only the PDF reads.
        AssembledDocument.StripTemplateMarks(assembled.Dom);
        var site = new DocumentPagesInput(document, assembled.Dom, assembled.Stylesheet, options.TemplatesDirectory,
            Path.Combine(options.OutputRoot, document.Slug), options.Formats.HasFlag(OutputFormats.Html),
            pdfName is null ? null : fixedLayout.Pages.Count, fixedLayout.Pages.Anchors, pdfName,
            diagnostics.Items.Where(d => !d.IsError).Distinct().Order().ToList(), options.Since, _site, _revisions, assembled.Theme);
        using (StageTimes.Measure("document/site"))
            return DocumentPages.Add(output, site, diagnostics) ? output : null;
    }
}
