using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Publishing.Markdown.Extensions.DataReferences;

namespace Publishing.Markdown.Extensions.CjkSoftBreaks;

/// <summary>
/// Editors wrap long Chinese lines anywhere; a soft line break between two wide (CJK) characters is
/// not a word space and must vanish, as CSS Text 3's segment-break rules say. Between Latin words it
/// stays a space.
/// </summary>
public sealed class CjkSoftBreakExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline) => pipeline.DocumentProcessed += RemoveCjkSoftBreaks;

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    /// <summary>
    /// Removes the soft breaks that sit between two wide characters. Runs when the document is parsed, and
    /// again once data references have their values (a break beside 《{{code.项目名称}}》 depends on the name).
    /// </summary>
    public static void RemoveCjkSoftBreaks(MarkdownDocument document)
    {
        var softBreaks = document.Descendants<LineBreakInline>().Where(b => !b.IsHard).ToList();
        foreach (var lineBreak in softBreaks)
        {
            var before = LastChar(lineBreak.PreviousSibling);
            var after = FirstChar(lineBreak.NextSibling);
            if (before is { } b && after is { } a && WideCharacters.IsWide(b) && WideCharacters.IsWide(a))
                lineBreak.Remove();
        }
    }

    private static char? LastChar(Inline? inline) => inline switch
    {
        LiteralInline literal when literal.Content.Length > 0 => literal.Content.Text[literal.Content.End],
        ContainerInline container => LastChar(container.LastChild),
        CodeInline code when code.Content.Length > 0 => code.Content[^1],
        DataReferenceInline { Value.Length: > 0 } reference => reference.Value[^1],
        _ => null,
    };

    private static char? FirstChar(Inline? inline) => inline switch
    {
        LiteralInline literal when literal.Content.Length > 0 => literal.Content.Text[literal.Content.Start],
        ContainerInline container => FirstChar(container.FirstChild),
        CodeInline code when code.Content.Length > 0 => code.Content[0],
        DataReferenceInline { Value.Length: > 0 } reference => reference.Value[0],
        _ => null,
    };
}

public static class CjkSoftBreakExtensionMethods
{
    public static MarkdownPipelineBuilder UseCjkSoftBreaks(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.Extensions.AddIfNotAlready<CjkSoftBreakExtension>();
        return pipeline;
    }
}
