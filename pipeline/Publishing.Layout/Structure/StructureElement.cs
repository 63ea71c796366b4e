namespace Publishing.Layout.Structure;

/// <summary>
/// One element of a document's logical structure (ISO 32000-1 §14.7–14.8: the tagged PDF's structure tree):
/// a standard role (<see cref="Roles"/>), its children in reading order, and the attributes assistive technology
/// reads (a header cell's scope, a merged cell's spans, a language, alternative text). The tree is built before
/// layout by whoever knows the document's structure (the HTML mapper); blocks and the marks layout makes point
/// at the element their content belongs to (<c>Tag</c>), and the PDF writer turns those pointers into marked
/// content and the structure tree. A mark with no element is an artifact: page furniture, rules, backgrounds,
/// repeated header rows. Elements are built once and only read after that, by any number of layout passes.
/// </summary>
public sealed class StructureElement
{
    private readonly List<StructureElement> _children = new();

    public StructureElement(string role) => Role = role;

    /// <summary>The standard structure type: Document, Part, Sect, H1–H6, P, L, LI, Lbl, LBody, Table, TR, TH, TD …</summary>
    public string Role { get; }
    public StructureElement? Parent { get; private set; }
    public IReadOnlyList<StructureElement> Children => _children;

    /// <summary>A header cell's scope: "Column", "Row" or "Both" (PDF/UA: every TH has one).</summary>
    public string? Scope { get; init; }
    public int RowSpan { get; init; } = 1;
    public int ColSpan { get; init; } = 1;
    /// <summary>The language of this element's text when it differs from the document's (BCP 47, e.g. "en").</summary>
    public string? Language { get; init; }
    /// <summary>Alternative text, read instead of the content (a figure).</summary>
    public string? AlternativeText { get; init; }
    /// <summary>What a link does, in words (its annotation's /Contents: PDF/UA asks every annotation for one).</summary>
    public string? Description { get; init; }

    /// <summary>A new child, after the children made before it.</summary>
    public StructureElement Add(string role) => Add(new StructureElement(role));

    public StructureElement Add(StructureElement child)
    {
        if (child.Parent is not null) throw new InvalidOperationException("a structure element has one parent");
        child.Parent = this;
        _children.Add(child);
        return child;
    }

    public IEnumerable<StructureElement> Descendants()
    {
        foreach (var child in _children)
        {
            yield return child;
            foreach (var d in child.Descendants()) yield return d;
        }
    }

    public override string ToString() => Role;
}

/// <summary>The standard structure types we use (ISO 32000-1 §14.8.4), so no role map is needed.</summary>
public static class Roles
{
    public const string Document = "Document", Part = "Part", Sect = "Sect", Div = "Div", Paragraph = "P", Span = "Span";
    public const string Toc = "TOC", TocItem = "TOCI", Reference = "Reference", Link = "Link", Caption = "Caption";
    public const string List = "L", ListItem = "LI", Label = "Lbl", ListBody = "LBody";
    public const string Table = "Table", TableHead = "THead", TableBody = "TBody", TableFoot = "TFoot", Row = "TR", HeaderCell = "TH", Cell = "TD";

    /// <summary>H1–H6 for a heading at <paramref name="level"/> (clamped to 1–6).</summary>
    public static string Heading(int level) => "H" + Math.Clamp(level, 1, 6);
}
