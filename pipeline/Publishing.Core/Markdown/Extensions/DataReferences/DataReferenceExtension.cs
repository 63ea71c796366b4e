using Markdig;
using Markdig.Renderers;

namespace Publishing.Markdown.Extensions.DataReferences;

/// <summary>Data references in narrative text: <c>{{项目编码.预算数}}</c> → "60.00".</summary>
public sealed class DataReferenceExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline) => pipeline.InlineParsers.AddIfNotAlready<DataReferenceParser>();

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html) html.ObjectRenderers.AddIfNotAlready<HtmlDataReferenceRenderer>();
    }
}

public static class DataReferenceExtensionMethods
{
    public static MarkdownPipelineBuilder UseDataReferences(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.Extensions.AddIfNotAlready<DataReferenceExtension>();
        return pipeline;
    }
}
