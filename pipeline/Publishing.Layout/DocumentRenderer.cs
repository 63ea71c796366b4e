using Publishing.Layout.Pages;
using Publishing.Layout.Pdf;

namespace Publishing.Layout;

/// <summary>The engine's front door: lay a document out, then write it as PDF.</summary>
public static class DocumentRenderer
{
    public static LayoutResult RenderPdf(LayoutDocument document, Stream output)
    {
        LayoutResult layout;
        using (StageTimes.Measure("document/pdf/layout"))
            layout = DocumentLayout.Run(document);
        using (StageTimes.Measure("document/pdf/write"))
            PdfWriter.Write(document, layout, output);
        return layout;
    }
}
