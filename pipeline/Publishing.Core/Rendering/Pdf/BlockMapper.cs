using AngleSharp.Dom;
using Publishing.Assembly;
using Publishing.Diagnostics;
using Publishing.Layout.Flow;
using Publishing.Layout.Structure;

namespace Publishing.Rendering.Pdf;

/// <summary>
/// Maps an element of the assembled HTML to blocks, handing each kind to its own mapper: headings and
/// paragraphs (<see cref="TextBlocks"/>), lists (<see cref="ListBlocks"/>), tables (<see cref="TableBlocks"/>),
/// the unit line (<see cref="UnitLineBlock"/>). Containers map their children; anything else is read as text.
/// </summary>
internal sealed class BlockMapper(PdfStyles styles, StructureBuilder structure)
{
    public PdfStyles Styles { get; } = styles;
    public StructureBuilder Structure { get; } = structure;

    private readonly List<Diagnostic> _diagnostics = new();
    private readonly HashSet<(string, string, int)> _reported = new();

    /// <summary>What the mapping could not honour, located in the content (data-src) or the assembled HTML.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    /// <summary>A warning at the element: its content's source (data-src) when it has one, else its line in index.html.</summary>
    public void Warn(IElement element, DiagnosticMessage message)
    {
        var (path, line) = Locate(element);
        if (_reported.Add((message.Kind.Code + message.Text, path, line))) _diagnostics.Add(message.At(path, line, 0));
    }

    /// <summary>
    /// A warning about a table row at the template line that wrote it (its <see cref="TemplateRowMarks"/> mark),
    /// once per template row, naming the first data row it met; without a mark, at the row itself.
    /// </summary>
    /// <param name="message">A template whose last parameter, {data}, this fills with the data row.</param>
    public void WarnAtTemplate(IElement row, MessageTemplate message, params (string Name, object? Value)[] arguments)
    {
        if (TemplateRowMarks.Parse(row.GetAttribute(TemplateRowMarks.Attribute)) is not { } at)
        {
            Warn(row, message.With([.. arguments, ("data", "")]));
            return;
        }
        if (!_reported.Add((message.Kind.Code, at.Path, at.Line))) return;
        var data = Model.SourceLocation.Parse(row.GetAttribute("data-src")) is { } source ? DiagnosticPhrases.TemplateRowData(source.Path, source.Line) : "";
        _diagnostics.Add(message.At(at.Path, at.Line, at.Column, [.. arguments, ("data", data)]));
    }

    public static (string Path, int Line) Locate(IElement element) =>
        InlineText.SourceOf(element) is { } source ? (source.Path, source.Line) : ("index.html", element.SourceReference?.Position.Line ?? 0);

    /// <summary>The blocks of an element's children (or of the element itself), their structure under <paramref name="parent"/>.</summary>
    public List<Block> Blocks(IElement element, StructureElement? parent, bool includeSelf = false)
    {
        var result = new List<Block>();
        if (includeSelf) { Block(element, result, parent); return result; }
        foreach (var child in element.Children) Block(child, result, parent);
        Structure.OpenCaption = null;
        return result;
    }

    /// <summary>The blocks of one element, its structure element(s) added under <paramref name="parent"/>.</summary>
    public void Block(IElement e, List<Block> into, StructureElement? parent)
    {
        switch (e.LocalName)
        {
            case "h1" when e.ClassList.Contains("part-title"):
                into.Add(TextBlocks.PartTitle(e, Styles, Structure.Add(parent, Structure.Heading(1))));
                break;
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6" when e.ClassList.Contains("table-caption") && FollowingTable(e) is { } table:
                into.Add(TextBlocks.Heading(e, Styles, Structure.CaptionFor(table, parent)));
                break;
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                into.Add(TextBlocks.Heading(e, Styles, Structure.Add(parent, Structure.Heading(TextBlocks.HeadingLevel(e)))));
                break;
            case "p":
                into.Add(TextBlocks.Paragraph(e, Styles, Structure.Add(parent, Roles.Paragraph)));
                break;
            case "ol" or "ul":
                ListBlocks.List(e, into, this, Structure.Add(parent, Roles.List));
                break;
            case "table":
                into.Add(TableBlocks.Table(e, this, Structure.TableFor(e, parent)));
                Structure.OpenCaption = null;
                break;
            case "div" when e.ClassList.Contains("page-break"):
                into.Add(new PageBreak());
                break;
            case "div" when e.ClassList.Contains("unit-line"):
                into.Add(UnitLineBlock.Map(e, Styles, Structure.Add(Structure.OpenCaption ?? parent, Roles.Paragraph)));
                break;
            case "section" or "div" or "article" or "main" or "nav" or "header" or "footer" or "blockquote":
                var element = Structure.Add(parent, e.LocalName switch
                {
                    "blockquote" => "BlockQuote",
                    "div" or "header" or "footer" => Roles.Div,
                    _ => Roles.Sect,
                });
                var children = Blocks(e, element);
                if (children.Count == 0) break;
                // new-page: starts a page (a project's form on a page of its own); keep-together: moves on whole when it does not fit.
                if (e.ClassList.Contains("new-page")) into.Add(new PageBreak());
                into.Add(new Stack(children) { Anchor = HtmlToLayout.IdOf(e), KeepTogether = e.ClassList.Contains("keep-together"), Source = BlockSource.Of(e) });
                break;
            default:
                if (!string.IsNullOrWhiteSpace(e.TextContent)) into.Add(TextBlocks.Paragraph(e, Styles, Structure.Add(parent, Roles.Paragraph)));
                break;
        }
    }

    /// <summary>The table a caption names: the next table among its following siblings, before any other heading.</summary>
    private static IElement? FollowingTable(IElement caption)
    {
        for (var e = caption.NextElementSibling; e is not null; e = e.NextElementSibling)
        {
            if (e.LocalName == "table") return e;
            if (e.LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "section" or "p" or "ol" or "ul") return null;
        }
        return null;
    }
}
