using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Publishing.Markdown.Extensions.DataReferences;

/// <summary>Writes the resolved figure as plain, escaped text (the reference as written when unresolved).</summary>
public sealed class HtmlDataReferenceRenderer : HtmlObjectRenderer<DataReferenceInline>
{
    protected override void Write(HtmlRenderer renderer, DataReferenceInline reference) =>
        renderer.WriteEscape(reference.Value ?? reference.Written);
}
