using Publishing.Diagnostics;
using Publishing.Model;
using Publishing.Theming;

namespace Publishing.Build;

/// <summary>Render → PDF: hands the assembled HTML to the PDF renderer (pipeline/Publishing.Layout underneath).</summary>
internal static class PdfOutput
{
    public static byte[]? Render(PublishingDocument document, string html, Theme theme, DiagnosticBag diagnostics)
    {
        diagnostics.Error(DiagnosticCodes.InternalError, document.Slug, 0, 0, "PDF 输出尚未接入。");
        return null;
    }
}
