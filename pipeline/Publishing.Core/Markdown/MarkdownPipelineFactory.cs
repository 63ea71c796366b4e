using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Publishing.Markdown.Extensions.CjkSoftBreaks;
using Publishing.Markdown.Extensions.DataReferences;

namespace Publishing.Markdown;

/// <summary>The one Markdown pipeline for narrative sections: CommonMark plus what Chinese official text needs.</summary>
public static class MarkdownPipelineFactory
{
    public static MarkdownPipeline Create() =>
        new MarkdownPipelineBuilder()
            .UseCjkFriendlyEmphasis()
            .UsePipeTables()
            .UseAutoIdentifiers(AutoIdentifierOptions.GitHub) // keeps Chinese in ids
            .UseCjkSoftBreaks()
            .UseDataReferences()                             // {{项目编码.预算数}} cites a project's figure
            .UsePreciseSourceLocation()
            .DisableHtml()                                    // raw HTML is shown as text, never as markup
            .Build();
}
