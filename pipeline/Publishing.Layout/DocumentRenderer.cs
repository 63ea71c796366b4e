using Publishing.Layout.Ofd;
using Publishing.Layout.Pages;
using Publishing.Layout.Pdf;

namespace Publishing.Layout;

/// <summary>The engine's front door: lay a document out, then write it as PDF, as OFD, or both from the same pages.</summary>
public static class DocumentRenderer
{
    public static LayoutResult RenderPdf(LayoutDocument document, Stream output) => Render(document, output, null);

    /// <summary>One layout, written to each stream given: <paramref name="pdf"/> as PDF, <paramref name="ofd"/> as OFD.</summary>
    public static LayoutResult Render(LayoutDocument document, Stream? pdf, Stream? ofd)
    {
        LayoutResult layout;
        using (StageTimes.Measure("document/pdf/layout"))
            layout = DocumentLayout.Run(document);
        if (pdf is not null)
            using (StageTimes.Measure("document/pdf/write"))
                PdfWriter.Write(document, layout, pdf);
        if (ofd is not null)
            using (StageTimes.Measure("document/pdf/ofd"))
                OfdWriter.Write(document, layout, ofd);
        return layout;
    }
}
