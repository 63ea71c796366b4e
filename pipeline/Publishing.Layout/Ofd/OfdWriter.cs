using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using Publishing.Layout.Frames;
using Publishing.Layout.Pages;

namespace Publishing.Layout.Ofd;

/// <summary>
/// Writes laid-out pages as an OFD package (GB/T 33190-2016), from the same page frames as the PDF:
/// <code>
/// OFD.xml                      DocBody: DocInfo (title, author, dates, keywords) and DocRoot
/// Doc_0/Document.xml           CommonData (MaxUnitID, PageArea, PublicRes), Pages, Outlines, CustomTags
/// Doc_0/PublicRes.xml          Fonts (embedded TrueType subsets), DrawParams (line styles)
/// Doc_0/Pages/Page_N/Content.xml   one layer: TextObjects, PathObjects, links as CLICK → Goto actions
/// Doc_0/Tags/CustomTags.xml     the logical structure (the tagged PDF's) as a custom tag, when the document has one
/// Doc_0/Res/font_ID.ttf
/// </code>
/// Unit ids are handed out in document order (fonts, pages, then each page's objects) and are unique in the
/// package. No annotations, signatures or attachments. Every byte is a function of the layout: the zip's
/// entries come in a fixed order with a fixed time stamp, and DocID is a hash of the other parts.
/// </summary>
public static class OfdWriter
{
    private const string DocRoot = "Doc_0";

    public static void Write(LayoutDocument document, LayoutResult layout, Stream output)
    {
        long lastId = 0;
        long NextId() => ++lastId;

        OfdFonts fonts;
        using (StageTimes.Measure("document/pdf/ofd/fonts"))
            fonts = OfdFonts.Build(layout.Pages, NextId);
        try
        {
            var parts = new List<(string Name, byte[] Bytes)>();
            var pageIds = layout.Pages.Select(_ => NextId()).ToArray();
            var destinations = Destinations(layout, pageIds);
            var resources = new OfdResources(fonts, NextId);
            var tags = new OfdStructureTags();
            var content = new OfdPageContent(fonts, resources, NextId, name => destinations.TryGetValue(name, out var d) ? d : null, tags);
            var area = (document.Page.Width, document.Page.Height);
            using (StageTimes.Measure("document/pdf/ofd/pages"))
                for (var i = 0; i < layout.Pages.Count; i++)
                {
                    var page = layout.Pages[i];
                    parts.Add(($"{DocRoot}/Pages/Page_{i}/Content.xml", content.Write(page, pageIds[i], (page.Width, page.Height) != area)));
                }

            var pageParts = parts.ToList();
            var tagParts = tags.Parts(document.Structure).Select(p => ($"{DocRoot}/{p.Name}", p.Bytes)).ToList();
            parts.Clear();
            parts.Add(($"{DocRoot}/Document.xml", DocumentXml(document, layout, pageIds, area, lastId, tagParts.Count > 0)));
            parts.Add(($"{DocRoot}/PublicRes.xml", resources.Write()));
            parts.AddRange(pageParts);
            parts.AddRange(tagParts);

            using (StageTimes.Measure("document/pdf/ofd/package"))
            {
                var docId = DocumentId(parts, fonts);
                using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
                Entry(zip, "OFD.xml", OfdXmlPart(document.Metadata, docId));
                foreach (var (name, bytes) in parts) Entry(zip, name, bytes);
                foreach (var font in fonts.All) Entry(zip, $"{DocRoot}/{OfdResources.BaseLoc}/{font.FileName}", font.Program.Data);
            }
        }
        finally
        {
            fonts.Release();
        }
    }

    /// <summary>Every anchor's first place: its page's id and the point, in the order the pages come.</summary>
    private static Dictionary<string, OfdDestination> Destinations(LayoutResult layout, long[] pageIds)
    {
        var destinations = new Dictionary<string, OfdDestination>(StringComparer.Ordinal);
        for (var i = 0; i < layout.Pages.Count; i++)
            foreach (var anchor in layout.Pages[i].Items.OfType<AnchorMark>())
                destinations.TryAdd(anchor.Name, new OfdDestination(pageIds[i], anchor.X, anchor.Y));
        return destinations;
    }

    /// <summary>The document root (§7.5): common data, the page tree (one level) and the bookmarks.</summary>
    private static byte[] DocumentXml(LayoutDocument document, LayoutResult layout, long[] pageIds, (double Width, double Height) area, long maxId,
        bool tagged)
    {
        var xml = OfdXml.Part("Document");
        xml.Start("CommonData")
            .Element("MaxUnitID", maxId.ToString(CultureInfo.InvariantCulture))
            .Start("PageArea").Element("PhysicalBox", OfdPageContent.BoxText(0, 0, area.Width, area.Height)).End("PageArea")
            .Element("PublicRes", "PublicRes.xml")
            .End("CommonData");
        xml.Start("Pages");
        for (var i = 0; i < pageIds.Length; i++)
            xml.Start("Page").Attribute("ID", pageIds[i]).Attribute("BaseLoc", $"Pages/Page_{i}/Content.xml").Empty();
        xml.End("Pages");
        OfdOutline.Write(xml, document.Outline, layout, pageIds);
        if (tagged) xml.Element("CustomTags", $"{OfdStructureTags.Folder}/CustomTags.xml");
        return xml.End("Document").ToBytes();
    }

    /// <summary>The package's entry point (§7.4): the document's information and where its root is.</summary>
    private static byte[] OfdXmlPart(DocumentMetadata metadata, string docId)
    {
        var xml = OfdXml.Part("OFD").Attribute("Version", "1.0").Attribute("DocType", "OFD");
        xml.Start("DocBody").Start("DocInfo").Element("DocID", docId);
        void Optional(string name, string value)
        {
            if (!string.IsNullOrEmpty(value)) xml.Element(name, value);
        }
        Optional("Title", metadata.Title);
        Optional("Author", metadata.Author);
        Optional("Subject", metadata.Subject);
        // xs:date, in UTC as the PDF's dates: the same input gives the same bytes in any time zone.
        var date = metadata.Created.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        xml.Element("CreationDate", date).Element("ModDate", date);
        var keywords = metadata.Keywords.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (keywords.Length > 0)
        {
            xml.Start("Keywords");
            foreach (var keyword in keywords) xml.Element("Keyword", keyword);
            xml.End("Keywords");
        }
        Optional("Creator", metadata.Creator);
        if (!string.IsNullOrEmpty(metadata.Language))
            xml.Start("CustomDatas").Start("CustomData").Attribute("Name", "Language").Text(metadata.Language).End("CustomData").End("CustomDatas");
        xml.End("DocInfo").Element("DocRoot", $"{DocRoot}/Document.xml").End("DocBody");
        return xml.End("OFD").ToBytes();
    }

    /// <summary>DocID (32 hexadecimal digits, as ofdrw and the readers write a UUID): the MD5 of the other parts.</summary>
    private static string DocumentId(List<(string Name, byte[] Bytes)> parts, OfdFonts fonts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        foreach (var (_, bytes) in parts) hash.AppendData(bytes);
        foreach (var font in fonts.All) hash.AppendData(font.Program.Data);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    // A fixed time stamp (the zip format's earliest, 1980-01-01) so the package is the same bytes on every run.
    private static readonly DateTimeOffset Stamp = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static void Entry(ZipArchive zip, string name, ReadOnlySpan<byte> bytes)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        entry.LastWriteTime = Stamp;
        using var stream = entry.Open();
        stream.Write(bytes);
    }
}
