using System.Globalization;
using System.Security;
using System.Text;
using Publishing.Layout.Pages;

namespace Publishing.Layout.Pdf;

/// <summary>
/// The document's XMP metadata packet (ISO 16684-1), which PDF/A and PDF/UA read instead of the information
/// dictionary: the same title, author, subject, keywords, producer and dates (the document's own date, so the bytes
/// stay reproducible), the language, and the PDF/A-2 and PDF/UA-1 identification. PDF/A-2 accepts only the schemas
/// it predefines unless the file describes the others: pdfuaid is described in an extension schema, as the
/// PDF/UA standard asks.
/// </summary>
internal static class XmpMetadata
{
    public static byte[] Packet(DocumentMetadata metadata, PdfStandards standards, string date)
    {
        var x = new StringBuilder();
        x.Append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n");
        x.Append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");
        x.Append("<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"")
            .Append(" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"")
            .Append(" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n");
        x.Append("<dc:format>application/pdf</dc:format>\n");
        if (metadata.Title.Length > 0) x.Append("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">").Append(E(metadata.Title)).Append("</rdf:li></rdf:Alt></dc:title>\n");
        if (metadata.Author.Length > 0) x.Append("<dc:creator><rdf:Seq><rdf:li>").Append(E(metadata.Author)).Append("</rdf:li></rdf:Seq></dc:creator>\n");
        if (metadata.Subject.Length > 0) x.Append("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">").Append(E(metadata.Subject)).Append("</rdf:li></rdf:Alt></dc:description>\n");
        if (metadata.Language.Length > 0) x.Append("<dc:language><rdf:Bag><rdf:li>").Append(E(metadata.Language)).Append("</rdf:li></rdf:Bag></dc:language>\n");
        if (metadata.Keywords.Length > 0) x.Append("<pdf:Keywords>").Append(E(metadata.Keywords)).Append("</pdf:Keywords>\n");
        x.Append("<pdf:Producer>").Append(E(metadata.Producer)).Append("</pdf:Producer>\n");
        x.Append("<xmp:CreatorTool>").Append(E(metadata.Creator)).Append("</xmp:CreatorTool>\n");
        x.Append("<xmp:CreateDate>").Append(date).Append("</xmp:CreateDate>\n");
        x.Append("<xmp:ModifyDate>").Append(date).Append("</xmp:ModifyDate>\n");
        x.Append("<xmp:MetadataDate>").Append(date).Append("</xmp:MetadataDate>\n");
        if (standards.HasFlag(PdfStandards.Archival))
            x.Append("<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>").Append(standards.HasFlag(PdfStandards.Accessible) ? "A" : "U").Append("</pdfaid:conformance>\n");
        if (standards.HasFlag(PdfStandards.Accessible)) x.Append("<pdfuaid:part>1</pdfuaid:part>\n");
        x.Append("</rdf:Description>\n");
        if (standards.HasFlag(PdfStandards.Accessible) && standards.HasFlag(PdfStandards.Archival)) x.Append(PdfUaExtensionSchema);
        x.Append("</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
        return Encoding.UTF8.GetBytes(x.ToString());
    }

    /// <summary>An XMP date (ISO 8601) for the same instant as the information dictionary's, in UTC.</summary>
    public static string Date(DateTimeOffset when) => when.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);

    private static string E(string text) => SecurityElement.Escape(text);

    private const string PdfUaExtensionSchema = """
        <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
        <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
        <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
        <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
        <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
        <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
        <pdfaProperty:name>part</pdfaProperty:name>
        <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
        <pdfaProperty:category>internal</pdfaProperty:category>
        <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
        </rdf:li></rdf:Seq></pdfaSchema:property>
        </rdf:li></rdf:Bag></pdfaExtension:schemas>
        </rdf:Description>

        """;
}
