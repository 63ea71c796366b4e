using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Publishing.Model;
using Publishing.Theming;

namespace Publishing.Assembly;

/// <summary>
/// The assemble stage's value: the assembled HTML parsed once into the document object every later stage reads:
/// the PDF mapper (which also builds the tagged PDF's structure from it, with the rows' template marks), then the
/// preview page, which works on the same tree after the PDF is done with it. Source references are kept, so a
/// problem the mapper finds is located at its line. Beside it the HTML text as the templates wrote it (its rows
/// still carry their template marks), the theme's stylesheet, and the model and theme it was assembled from.
/// </summary>
public sealed record AssembledDocument(PublishingDocument Document, Theme Theme, IDocument Dom, string Html, string Stylesheet)
{
    public static IDocument Parse(string html) =>
        new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true }).ParseDocument(html);

    /// <summary>Removes the rows' template marks (<see cref="TemplateRowMarks"/>), which only the PDF reads, from the tree.</summary>
    public static void StripTemplateMarks(IDocument document)
    {
        foreach (var row in document.QuerySelectorAll($"[{TemplateRowMarks.Attribute}]").ToList())
            row.RemoveAttribute(TemplateRowMarks.Attribute);
    }
}
