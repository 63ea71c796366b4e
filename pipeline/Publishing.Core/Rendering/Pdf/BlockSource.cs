using AngleSharp.Dom;
using Publishing.Assembly;
using Publishing.Model;

namespace Publishing.Rendering.Pdf;

/// <summary>
/// Where a block of the PDF came from: the value the layout engine carries, without reading it, on blocks, table
/// rows and spans, and hands back in what it reports (a character no font has, a cell's value cut, a row taller than
/// a page, a 目录 line whose target is missing). <see cref="At"/> is the nearest place the assembled HTML names, the
/// content the element shows (<c>data-src</c>: the Markdown block, the CSV row) or the template line that wrote it
/// (<c>data-template</c>), whichever is on the nearer element; <see cref="Content"/> is the nearest content, in
/// which <see cref="SourcePositions"/> finds the character or the cell. Read from the DOM alone.
/// </summary>
internal sealed record BlockSource(SourceLocation At, SourceLocation? Content)
{
    /// <summary>The source of <paramref name="element"/>; without either attribute on it or an ancestor, its place in
    /// the assembled HTML (index.html).</summary>
    public static BlockSource Of(IElement element)
    {
        SourceLocation? at = null;
        for (var e = element; e is not null; e = e.ParentElement)
        {
            if (SourceLocation.Parse(e.GetAttribute("data-src")) is { } content) return new BlockSource(at ?? content, content);
            if (at is null && TemplateRowMarks.Parse(e.GetAttribute(TemplateRowMarks.Attribute)) is var (path, line, column))
                at = new SourceLocation(path, line, column);
        }
        return new BlockSource(at ?? InHtml(element), null);
    }

    /// <summary>Whether the element names a place itself (else its source is its parent's).</summary>
    public static bool Marked(IElement element) =>
        element.HasAttribute("data-src") || element.HasAttribute(TemplateRowMarks.Attribute);

    private static SourceLocation InHtml(IElement element) =>
        element.SourceReference?.Position is { } p ? new SourceLocation("index.html", p.Line, p.Column) : new SourceLocation("index.html", 0, 0);
}
