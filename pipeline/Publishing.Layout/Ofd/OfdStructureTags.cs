using Publishing.Layout.Structure;

namespace Publishing.Layout.Ofd;

/// <summary>
/// The document's logical structure as a custom tag (GB/T 33190 §16, "自定义标引"): the same tree the tagged PDF
/// has (Document, Part/Sect, H1–H6, P, L/LI, Table/TR/TH/TD, TOC/TOCI, Link), its roles the standard structure
/// types of ISO 32000-1 under that standard's namespace, each element referring to the page objects that draw
/// its content by ObjectRef (page id, object id): the "non-contact" reference the standard describes. Marks
/// without an element (rules, backgrounds, page numbers, repeated header rows) are artifacts and not referred to.
/// </summary>
internal sealed class OfdStructureTags
{
    /// <summary>The namespace of the standard structure types of ISO 32000-1 (PDF 2.0, ISO 32000-2 §14.8.6).</summary>
    public const string Namespace = "http://iso.org/pdf/ssn";
    public const string Folder = "Tags";
    private const string File = "Structure.xml";
    private readonly Dictionary<StructureElement, List<(long Page, long Object)>> _objects = new(ReferenceEqualityComparer.Instance);

    /// <summary>Notes that an object on a page draws content of <paramref name="element"/>.</summary>
    public void Add(StructureElement element, long page, long objectId)
    {
        if (!_objects.TryGetValue(element, out var list)) _objects[element] = list = new();
        list.Add((page, objectId));
    }

    /// <summary>The index (Tags/CustomTags.xml) and the tag file, or nothing when the document has no structure.</summary>
    public IEnumerable<(string Name, byte[] Bytes)> Parts(StructureElement? root)
    {
        if (root is null || _objects.Count == 0) yield break;
        var index = OfdXml.Part("CustomTags");
        index.Start("CustomTag").Attribute("TypeID", "StructureTree").Attribute("NameSpace", Namespace)
            .Element("FileLoc", File).End("CustomTag");
        yield return ($"{Folder}/CustomTags.xml", index.End("CustomTags").ToBytes());

        var xml = OfdXml.ForeignPart("s", Namespace, root.Role);
        Content(xml, root);
        yield return ($"{Folder}/{File}", xml.End("s", root.Role).ToBytes());
    }

    /// <summary>An element's attributes, the objects drawing its own content, then its children, in reading order.</summary>
    private void Content(OfdXml xml, StructureElement element)
    {
        if (element.Scope is { } scope) xml.Attribute("Scope", scope);
        if (element.RowSpan > 1) xml.Attribute("RowSpan", element.RowSpan);
        if (element.ColSpan > 1) xml.Attribute("ColSpan", element.ColSpan);
        if (element.Language is { } language) xml.Attribute("Lang", language);
        if (element.AlternativeText is { } alt) xml.Attribute("Alt", alt);
        if (_objects.TryGetValue(element, out var objects))
            foreach (var (page, id) in objects)
                xml.Start("ObjectRef").Attribute("PageRef", page).Text(id.ToString(System.Globalization.CultureInfo.InvariantCulture)).End("ObjectRef");
        foreach (var child in element.Children)
        {
            xml.Start("s", child.Role);
            Content(xml, child);
            xml.End("s", child.Role);
        }
    }
}
