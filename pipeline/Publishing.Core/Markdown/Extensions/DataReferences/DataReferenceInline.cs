using Markdig.Syntax.Inlines;

namespace Publishing.Markdown.Extensions.DataReferences;

/// <summary>
/// <c>{{项目编码.字段}}</c> in narrative text: a figure of a project, taken from the document's data when
/// the section is rendered, so the prose never disagrees with the 绩效目标表.
/// </summary>
public sealed class DataReferenceInline : LeafInline
{
    /// <summary>The reference as written, braces included.</summary>
    public string Written { get; init; } = "";

    /// <summary>The project code, or "" when the reference has no "." between code and field.</summary>
    public string ProjectCode { get; init; } = "";

    public string Field { get; init; } = "";

    /// <summary>The resolved text; null until resolved, or when the reference is unknown.</summary>
    public string? Value { get; set; }
}
