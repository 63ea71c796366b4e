using AngleSharp.Dom;
using Publishing.Assembly;
using Publishing.Diagnostics;
using Publishing.Layout.Flow;

namespace Publishing.Rendering.Pdf;

/// <summary>
/// Maps an element of the assembled HTML to blocks, handing each kind to its own mapper: headings and
/// paragraphs (<see cref="TextBlocks"/>), lists (<see cref="ListBlocks"/>), tables (<see cref="TableBlocks"/>),
/// the unit line (<see cref="UnitLineBlock"/>). Containers map their children; anything else is read as text.
/// </summary>
internal sealed class BlockMapper(PdfStyles styles)
{
    public PdfStyles Styles { get; } = styles;

    private readonly List<Diagnostic> _diagnostics = new();
    private readonly HashSet<(string, string, int)> _reported = new();

    /// <summary>What the mapping could not honour, located in the content (data-src) or the assembled HTML.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    /// <summary>A warning at the element: its content's source (data-src) when it has one, else its line in index.html.</summary>
    public void Warn(IElement element, string code, string message)
    {
        var (path, line) = Locate(element);
        if (_reported.Add((code + message, path, line))) _diagnostics.Add(Diagnostic.Warning(code, path, line, 0, message));
    }

    /// <summary>
    /// A warning about a table row at the template line that wrote it (its <see cref="TemplateRowMarks"/> mark),
    /// once per template row, naming the first data row it met; without a mark, at the row itself.
    /// </summary>
    public void WarnAtTemplate(IElement row, string code, string message)
    {
        if (TemplateRowMarks.Parse(row.GetAttribute(TemplateRowMarks.Attribute)) is not { } at)
        {
            Warn(row, code, message);
            return;
        }
        if (!_reported.Add((code, at.Path, at.Line))) return;
        var data = Model.SourceLocation.Parse(row.GetAttribute("data-src")) is { } source ? $"（模板的这一行在文档中首次写出的是数据 {source.Path} 第 {source.Line} 行。）" : "";
        _diagnostics.Add(Diagnostic.Warning(code, at.Path, at.Line, at.Column, message + data));
    }

    public static (string Path, int Line) Locate(IElement element) =>
        InlineText.SourceOf(element) is { } source ? (source.Path, source.Line) : ("index.html", element.SourceReference?.Position.Line ?? 0);

    /// <summary>The blocks of an element's children (or of the element itself).</summary>
    public List<Block> Blocks(IElement element, bool includeSelf = false)
    {
        var result = new List<Block>();
        if (includeSelf) { Block(element, result); return result; }
        foreach (var child in element.Children) Block(child, result);
        return result;
    }

    public void Block(IElement e, List<Block> into)
    {
        switch (e.LocalName)
        {
            case "h1" when e.ClassList.Contains("part-title"):
                into.Add(TextBlocks.PartTitle(e, Styles));
                break;
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                into.Add(TextBlocks.Heading(e, Styles));
                break;
            case "p":
                into.Add(TextBlocks.Paragraph(e, Styles));
                break;
            case "ol" or "ul":
                ListBlocks.List(e, into, this);
                break;
            case "table":
                into.Add(TableBlocks.Table(e, this));
                break;
            case "div" when e.ClassList.Contains("page-break"):
                into.Add(new PageBreak());
                break;
            case "div" when e.ClassList.Contains("unit-line"):
                into.Add(UnitLineBlock.Map(e, Styles));
                break;
            case "section" or "div" or "article" or "main" or "nav" or "header" or "footer" or "blockquote":
                var children = Blocks(e);
                if (children.Count == 0) break;
                // new-page: starts a page (a project's form on a page of its own); keep-together: moves on whole when it does not fit.
                if (e.ClassList.Contains("new-page")) into.Add(new PageBreak());
                into.Add(new Stack(children) { Anchor = HtmlToLayout.IdOf(e), KeepTogether = e.ClassList.Contains("keep-together") });
                break;
            default:
                if (!string.IsNullOrWhiteSpace(e.TextContent)) into.Add(TextBlocks.Paragraph(e, Styles));
                break;
        }
    }
}
