using AngleSharp.Dom;
using Publishing.Assembly;
using Publishing.Diagnostics;
using Publishing.Model;
using Scriban.Runtime;

namespace Publishing.Build;

/// <summary>
/// The combined volume's cover and 目录 are templates (templates/volume/), which a bureau restyles as it does the
/// documents' and the site's: a change there shows in the next volume, no recompiling. They run in the same
/// sandbox as the document templates (every printed value escaped), with the volume's
/// <see cref="VolumeFrontMatter"/> as <c>volume</c>, and write the document vocabulary (docs/html-vocabulary.md).
/// </summary>
internal static class VolumeTemplates
{
    public const string FrontMatter = "volume/volume.html.sbn";

    /// <summary>The front matter's tree (the PDF reads it as a document's cover and 目录), or null with the template's errors.</summary>
    public static IDocument? Render(DocumentAssembler assembler, VolumeFrontMatter volume, DiagnosticBag diagnostics)
    {
        var html = assembler.Render(FrontMatter, new ScriptObject { ["volume"] = volume }, diagnostics,
            output: new TemplateOutputOptions(MarksRows: true));
        return html is null ? null : AssembledDocument.Parse(html);
    }
}
