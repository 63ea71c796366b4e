using Publishing.Layout.Structure;

namespace Publishing.Layout.Pdf;

/// <summary>
/// The tagged PDF's structure tree (ISO 32000-1 §14.7): the document's <see cref="StructureElement"/>s as
/// structure element objects, each holding, in reading order, its children and the marked content (MCIDs on
/// pages) and link annotations (OBJR) that belong to it; the parent tree that leads from a page's MCIDs and from
/// an annotation back to their elements; and the tree's root. Content is told here page by page while the pages
/// are written; the elements are written last, packed into object streams (they come in thousands).
/// </summary>
internal sealed class StructureTree
{
    /// <summary>A piece of an element's content: an MCID on a page, or an annotation (OBJR). <paramref name="Order"/>
    /// is the order the content was written in, which is the reading order within the element.</summary>
    private readonly record struct Content(int Order, int Page, int Mcid, int Annotation);

    private readonly StructureElement _root;
    private readonly Dictionary<StructureElement, int> _objects = new();
    private readonly Dictionary<StructureElement, List<Content>> _contents = new();
    /// <summary>The parent tree's entries in key order: a page's elements by MCID, or an annotation's element.</summary>
    private readonly List<object> _parents = new();
    private int _order;

    public StructureTree(StructureElement root, PdfFileWriter file)
    {
        _root = root;
        RootObject = file.Reserve();
        _objects[root] = file.Reserve();
        foreach (var element in root.Descendants()) _objects[element] = file.Reserve();
        Elements = _objects.Keys.ToHashSet();
    }

    /// <summary>The StructTreeRoot's object number (the catalog names it).</summary>
    public int RootObject { get; }

    /// <summary>Every element of the tree: content tagged with anything else is written as an artifact.</summary>
    public IReadOnlySet<StructureElement> Elements { get; }

    /// <summary>A page's marked content, MCID by MCID; returns the page's /StructParents key.</summary>
    public int AddPage(int page, IReadOnlyList<StructureElement> marked)
    {
        for (var mcid = 0; mcid < marked.Count; mcid++) ContentOf(marked[mcid]).Add(new Content(_order++, page, mcid, 0));
        _parents.Add(marked.ToArray());
        return _parents.Count - 1;
    }

    /// <summary>A link annotation of <paramref name="element"/>; returns the annotation's /StructParent key.</summary>
    public int AddAnnotation(int annotation, int page, StructureElement element)
    {
        ContentOf(element).Add(new Content(_order++, page, -1, annotation));
        _parents.Add(element);
        return _parents.Count - 1;
    }

    private List<Content> ContentOf(StructureElement element)
    {
        if (!_contents.TryGetValue(element, out var list)) _contents[element] = list = new List<Content>();
        return list;
    }

    public void Write(PdfFileWriter file, PdfBuffer buffer)
    {
        var first = new Dictionary<StructureElement, (int Order, int Page)>();
        FirstContent(_root, first);
        WriteElement(file, buffer, _root, RootObject, first);

        var parentTree = file.Reserve();
        buffer.Clear();
        buffer.Ascii("<< /Nums [");
        for (var key = 0; key < _parents.Count; key++)
        {
            buffer.Ascii("\n").Integer(key).Byte((byte)' ');
            if (_parents[key] is StructureElement single) Reference(buffer, _objects[single]);
            else
            {
                buffer.Byte((byte)'[');
                foreach (var element in (StructureElement[])_parents[key]) Reference(buffer, _objects[element]).Byte((byte)' ');
                buffer.Byte((byte)']');
            }
        }
        file.Object(parentTree, buffer.Ascii("] >>").Span);

        buffer.Clear();
        buffer.Ascii("<< /Type /StructTreeRoot /K ");
        Reference(buffer, _objects[_root]).Ascii(" /ParentTree ");
        Reference(buffer, parentTree).Ascii(" /ParentTreeNextKey ").Integer(_parents.Count).Ascii(" >>");
        file.Object(RootObject, buffer.Span);
    }

    /// <summary>The order and page of the first content of each element's subtree (int.MaxValue and 0 when it has none).</summary>
    private (int Order, int Page) FirstContent(StructureElement element, Dictionary<StructureElement, (int Order, int Page)> first)
    {
        var found = _contents.TryGetValue(element, out var own) && own.Count > 0 ? (own[0].Order, own[0].Page) : (int.MaxValue, 0);
        foreach (var child in element.Children)
            if (FirstContent(child, first) is var below && below.Order < found.Item1) found = below;
        first[element] = found;
        return found;
    }

    /// <summary>
    /// One element: its kids are its children in the order they were built (the document's order) with its own
    /// content placed among them by the order it was written, so a paragraph's text before and after a link
    /// reads around the link. An element without content of its own or below (an empty cell) stays where it was built.
    /// </summary>
    private void WriteElement(PdfFileWriter file, PdfBuffer buffer, StructureElement element, int parent,
        Dictionary<StructureElement, (int Order, int Page)> first)
    {
        var own = _contents.GetValueOrDefault(element) ?? [];
        var page = own.Count > 0 ? own[0].Page : first[element].Page;
        buffer.Clear();
        buffer.Ascii("<< /Type /StructElem /S /").Ascii(element.Role).Ascii(" /P ");
        Reference(buffer, parent);
        if (page > 0) Reference(buffer.Ascii(" /Pg "), page);
        buffer.Ascii(" /K [");
        var next = 0;
        foreach (var child in element.Children)
        {
            var at = first[child].Order;
            while (next < own.Count && (at != int.MaxValue && own[next].Order < at)) Kid(buffer, own[next++], page);
            Reference(buffer, _objects[child]).Byte((byte)' ');
        }
        while (next < own.Count) Kid(buffer, own[next++], page);
        buffer.Byte((byte)']');
        Attributes(buffer, element);
        if (element.Language is { Length: > 0 } lang) buffer.Ascii(" /Lang ").TextString(lang);
        if (element.AlternativeText is { Length: > 0 } alt) buffer.Ascii(" /Alt ").TextString(alt);
        file.PackedObject(_objects[element], buffer.Ascii(" >>").Span);
        foreach (var child in element.Children) WriteElement(file, buffer, child, _objects[element], first);
    }

    private static void Kid(PdfBuffer buffer, Content content, int elementPage)
    {
        if (content.Annotation > 0)
        {
            buffer.Ascii("<< /Type /OBJR /Obj ");
            Reference(buffer, content.Annotation).Ascii(" /Pg ");
            Reference(buffer, content.Page).Ascii(" >> ");
        }
        else if (content.Page == elementPage) buffer.Integer(content.Mcid).Byte((byte)' ');
        else
        {
            buffer.Ascii("<< /Type /MCR /Pg ");
            Reference(buffer, content.Page).Ascii(" /MCID ").Integer(content.Mcid).Ascii(" >> ");
        }
    }

    /// <summary>Table attributes (§14.8.5.7): a header cell's scope, a merged cell's spans.</summary>
    private static void Attributes(PdfBuffer buffer, StructureElement element)
    {
        if (element.Scope is null && element.RowSpan <= 1 && element.ColSpan <= 1) return;
        buffer.Ascii(" /A << /O /Table");
        if (element.Scope is { } scope) buffer.Ascii(" /Scope /").Ascii(scope);
        if (element.RowSpan > 1) buffer.Ascii(" /RowSpan ").Integer(element.RowSpan);
        if (element.ColSpan > 1) buffer.Ascii(" /ColSpan ").Integer(element.ColSpan);
        buffer.Ascii(" >>");
    }

    private static PdfBuffer Reference(PdfBuffer buffer, int number) => buffer.Integer(number).Ascii(" 0 R");
}
