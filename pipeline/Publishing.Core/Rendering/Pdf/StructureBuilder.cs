using AngleSharp.Dom;
using Publishing.Layout.Structure;

namespace Publishing.Rendering.Pdf;

/// <summary>
/// Builds the tagged PDF's logical structure while the assembled HTML is mapped, from the same DOM elements the
/// blocks come from (docs/pdf-engine.md, "Tagged PDF"): parts, sections, headings at the level their numbering
/// gives (never skipping a level), paragraphs, lists, tables with their captions, the 目录. Without tagging (the
/// theme's pdf_standard: none) it builds nothing and every tag is null.
/// </summary>
internal sealed class StructureBuilder
{
    private int _lastHeading;
    private readonly Dictionary<IElement, StructureElement> _tables = new();

    public StructureBuilder(StructureElement? root) => Root = root;

    /// <summary>The element the document's content goes under (null: untagged).</summary>
    public StructureElement? Root { get; }

    /// <summary>The caption of a table whose rows are not mapped yet: the unit line between them goes into it.</summary>
    public StructureElement? OpenCaption { get; set; }

    public StructureElement? Add(StructureElement? parent, string role) => parent?.Add(role);

    /// <summary>
    /// H1–H6 for a heading the document's numbering puts at <paramref name="wanted"/>, but at most one below the
    /// heading before it: PDF/UA readers navigate by levels, and a section that opens with （一） under a part title
    /// must not jump from H1 to H3.
    /// </summary>
    public string Heading(int wanted)
    {
        var level = Math.Clamp(Math.Min(wanted, _lastHeading + 1), 1, 6);
        _lastHeading = level;
        return Roles.Heading(level);
    }

    /// <summary>A table's element made early, at its caption, so the caption is the table's first child.</summary>
    public StructureElement? TableFor(IElement table, StructureElement? parent)
    {
        if (_tables.Remove(table, out var made)) return made;
        return Add(parent, Roles.Table);
    }

    /// <summary>The caption of <paramref name="table"/>, a Caption as the first child of its Table element.</summary>
    public StructureElement? CaptionFor(IElement table, StructureElement? parent)
    {
        var element = Add(parent, Roles.Table);
        if (element is null) return null;
        _tables[table] = element;
        return OpenCaption = element.Add(Roles.Caption);
    }
}
