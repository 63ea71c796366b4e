using Markdig.Syntax.Inlines;

namespace Publishing.Markdown.Extensions.DataReferences;

/// <summary>
/// <c>{{编码.列名}}</c> or <c>{{编码.指标.列名}}</c> in narrative text: a cell of the document's data, taken when
/// the section is rendered, so the prose never disagrees with the 绩效目标表.
/// </summary>
public sealed class DataReferenceInline : LeafInline
{
    /// <summary>The reference as written, braces included.</summary>
    public string Written { get; init; } = "";

    /// <summary>What is between the braces, split at each "." and trimmed (one segment when there is no ".").</summary>
    public IReadOnlyList<string> Segments { get; init; } = Array.Empty<string>();

    /// <summary>The resolved text; null until resolved, or when the reference is unknown.</summary>
    public string? Value { get; set; }
}
