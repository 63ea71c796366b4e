using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;

namespace Publishing.Tests.Support;

/// <summary>
/// An OFD file read as a reader does, from OFD.xml down (GB/T 33190-2016): the document root, its pages in
/// order with their text objects, the fonts of its public resources, the outline and the links' actions.
/// </summary>
public sealed class OfdPackage
{
    public static readonly XNamespace Ofd = "http://www.ofdspec.org/2016";
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    public OfdPackage(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            _files[entry.FullName] = copy.ToArray();
        }
        var root = Xml("OFD.xml").Root!.Element(Ofd + "DocBody")!;
        Info = root.Element(Ofd + "DocInfo")!;
        var documentPath = root.Element(Ofd + "DocRoot")!.Value;
        Folder = documentPath[..documentPath.LastIndexOf('/')];
        Document = Xml(documentPath).Root!;
        Pages = Document.Element(Ofd + "Pages")!.Elements(Ofd + "Page")
            .Select(p => (long.Parse(p.Attribute("ID")!.Value, CultureInfo.InvariantCulture), Xml($"{Folder}/{p.Attribute("BaseLoc")!.Value}").Root!))
            .ToList();
        var common = Document.Element(Ofd + "CommonData")!;
        var res = Xml($"{Folder}/{common.Element(Ofd + "PublicRes")!.Value}").Root!;
        Fonts = res.Element(Ofd + "Fonts")?.Elements(Ofd + "Font").ToList() ?? [];
        FontFolder = $"{Folder}/{res.Attribute("BaseLoc")?.Value}";
    }

    public IReadOnlyDictionary<string, byte[]> Files => _files;
    public XElement Info { get; }
    public string Folder { get; }
    public XElement Document { get; }
    public List<(long Id, XElement Page)> Pages { get; }
    public List<XElement> Fonts { get; }
    public string FontFolder { get; }

    public XDocument Xml(string name) => XDocument.Load(new MemoryStream(_files[name]));

    /// <summary>A page's text, its TextCodes in order.</summary>
    public string Text(int page) => string.Concat(Pages[page].Page.Descendants(Ofd + "TextCode").Select(c => c.Value));

    /// <summary>The page (0-based) a Goto action opens.</summary>
    public int PageOf(XElement goTo) =>
        Pages.FindIndex(p => p.Id == long.Parse(goTo.Element(Ofd + "Dest")!.Attribute("PageID")!.Value, CultureInfo.InvariantCulture));

    /// <summary>The outline as (depth, title, page index) in reading order.</summary>
    public List<(int Depth, string Title, int Page)> Outline()
    {
        var items = new List<(int, string, int)>();
        void Walk(XElement parent, int depth)
        {
            foreach (var elem in parent.Elements(Ofd + "OutlineElem"))
            {
                var goTo = elem.Element(Ofd + "Actions")?.Element(Ofd + "Action")?.Element(Ofd + "Goto");
                items.Add((depth, elem.Attribute("Title")!.Value, goTo is null ? -1 : PageOf(goTo)));
                Walk(elem, depth + 1);
            }
        }
        if (Document.Element(Ofd + "Outlines") is { } outlines) Walk(outlines, 0);
        return items;
    }

    /// <summary>The CLICK actions of a page's objects: where each goes.</summary>
    public List<XElement> Links(int page) =>
        Pages[page].Page.Descendants(Ofd + "Action").Where(a => a.Attribute("Event")?.Value == "CLICK")
            .Select(a => a.Element(Ofd + "Goto")!).ToList();
}
