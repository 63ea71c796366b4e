using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Publishing.Layout.Pages;

namespace Publishing.Layout.Pdf;

/// <summary>
/// Skia has no API for bookmarks or the document language, so they are appended to its finished file as a
/// PDF incremental update (ISO 32000-1 §7.5.6): new outline objects, a new revision of the catalog with
/// /Outlines, /PageMode /UseOutlines and /Lang, an xref section for those objects and a trailer with /Prev.
/// Skia's bytes stay untouched; everything written is a function of the input, so the file is reproducible.
/// </summary>
internal static partial class IncrementalUpdate
{
    private static readonly Encoding Latin1 = Encoding.Latin1;

    /// <summary>Writes <paramref name="pdf"/> (whose Latin-1 text is <paramref name="text"/>) and its update to
    /// <paramref name="destination"/>: the file's bytes are copied once, into the destination.</summary>
    public static void Append(ReadOnlySpan<byte> pdf, string text, LayoutDocument document, LayoutResult layout, Stream destination)
    {
        var startXref = text.LastIndexOf("startxref", StringComparison.Ordinal);
        if (startXref < 0) throw new InvalidDataException("PDF without startxref");
        var prevXref = long.Parse(Regex.Match(text[startXref..], @"startxref\s+(\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
        var trailerAt = text.LastIndexOf("trailer", StringComparison.Ordinal);
        var trailer = text[trailerAt..startXref];
        var size = int.Parse(Regex.Match(trailer, @"/Size\s+(\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
        var root = int.Parse(Regex.Match(trailer, @"/Root\s+(\d+)\s+0\s+R").Groups[1].Value, CultureInfo.InvariantCulture);
        var info = Regex.Match(trailer, @"/Info\s+(\d+)\s+0\s+R");
        var id = Regex.Match(trailer, @"/ID\s*\[[^\]]*\]");

        var offsets = ReadXref(text, prevXref);
        var catalog = ObjectBody(text, offsets, root);
        var pagesRef = int.Parse(Regex.Match(catalog, @"/Pages\s+(\d+)\s+0\s+R").Groups[1].Value, CultureInfo.InvariantCulture);
        var pageRefs = new List<int>();
        CollectPages(text, offsets, pagesRef, pageRefs);

        // The update alone is built here; its objects' offsets count from the start of the file.
        var output = new MemoryStream();
        var origin = pdf.Length + (pdf[^1] != '\n' ? 1 : 0);
        var newOffsets = new SortedDictionary<int, long>();
        var next = size;
        void WriteObject(int number, string body)
        {
            newOffsets[number] = origin + output.Position;
            var bytes = Latin1.GetBytes($"{number} 0 obj\n{body}\nendobj\n");
            output.Write(bytes);
        }

        // Outline items: numbers assigned depth-first so the structure is a pure function of the entries.
        var entries = document.Outline.Where(e => layout.Anchors.ContainsKey(e.Anchor) || e.Children.Count > 0).ToList();
        int? outlineRoot = null;
        if (entries.Count > 0)
        {
            outlineRoot = next++;
            var numbers = new Dictionary<OutlineEntry, int>(ReferenceEqualityComparer.Instance);
            void Number(IReadOnlyList<OutlineEntry> list) { foreach (var e in list) { numbers[e] = next++; Number(e.Children); } }
            Number(entries);
            var total = WriteItems(entries, outlineRoot.Value);
            WriteObject(outlineRoot.Value, $"<< /Type /Outlines /First {numbers[entries[0]]} 0 R /Last {numbers[entries[^1]]} 0 R /Count {total} >>");

            int WriteItems(IReadOnlyList<OutlineEntry> list, int parent)
            {
                var count = 0;
                for (var i = 0; i < list.Count; i++)
                {
                    var e = list[i];
                    var sb = new StringBuilder($"<< /Title {PdfString(e.Title)} /Parent {parent} 0 R");
                    if (i > 0) sb.Append($" /Prev {numbers[list[i - 1]]} 0 R");
                    if (i < list.Count - 1) sb.Append($" /Next {numbers[list[i + 1]]} 0 R");
                    var childCount = 0;
                    if (e.Children.Count > 0)
                    {
                        childCount = WriteItems(e.Children, numbers[e]);
                        sb.Append($" /First {numbers[e.Children[0]]} 0 R /Last {numbers[e.Children[^1]]} 0 R /Count {childCount}");
                    }
                    if (layout.Anchors.TryGetValue(e.Anchor, out var place) && place.PageIndex < pageRefs.Count)
                    {
                        var page = layout.Pages[place.PageIndex];
                        var y = (page.Height - place.Y).ToString("0.##", CultureInfo.InvariantCulture);
                        sb.Append($" /Dest [{pageRefs[place.PageIndex]} 0 R /XYZ 0 {y} 0]");
                    }
                    sb.Append(" >>");
                    WriteObject(numbers[e], sb.ToString());
                    count += 1 + childCount;
                }
                return count;
            }
        }

        // The catalog's new revision: Skia's entries plus ours.
        var dict = catalog.Trim();
        if (!dict.StartsWith("<<", StringComparison.Ordinal) || !dict.EndsWith(">>", StringComparison.Ordinal))
            throw new InvalidDataException("unexpected catalog form");
        var inner = dict[2..^2];
        var extra = new StringBuilder();
        if (outlineRoot is { } o) extra.Append($"\n/Outlines {o} 0 R\n/PageMode /UseOutlines");
        if (!string.IsNullOrEmpty(document.Metadata.Language)) extra.Append($"\n/Lang {PdfString(document.Metadata.Language)}");
        WriteObject(root, "<<" + inner + extra + "\n>>");

        var xrefAt = origin + output.Position;
        var xref = new StringBuilder("xref\n");
        var keys = newOffsets.Keys.ToList();
        for (var i = 0; i < keys.Count;)
        {
            var j = i;
            while (j + 1 < keys.Count && keys[j + 1] == keys[j] + 1) j++;
            xref.Append(CultureInfo.InvariantCulture, $"{keys[i]} {j - i + 1}\n");
            for (var k = i; k <= j; k++) xref.Append(CultureInfo.InvariantCulture, $"{newOffsets[keys[k]]:D10} 00000 n \n");
            i = j + 1;
        }
        xref.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {next} /Root {root} 0 R");
        if (info.Success) xref.Append(CultureInfo.InvariantCulture, $" /Info {info.Groups[1].Value} 0 R");
        if (id.Success) xref.Append(' ').Append(id.Value);
        else
        {
            // A file identifier derived from the content (Skia writes none outside PDF/A): stable across builds.
            var hash = Convert.ToHexString(System.Security.Cryptography.MD5.HashData(pdf));
            xref.Append(CultureInfo.InvariantCulture, $" /ID [<{hash}> <{hash}>]");
        }
        xref.Append(CultureInfo.InvariantCulture, $" /Prev {prevXref} >>\nstartxref\n{xrefAt}\n%%EOF\n");
        output.Write(Latin1.GetBytes(xref.ToString()));
        destination.Write(pdf);
        if (origin > pdf.Length) destination.WriteByte((byte)'\n');
        destination.Write(output.GetBuffer().AsSpan(0, (int)output.Length));
    }

    private static Dictionary<int, long> ReadXref(string text, long at)
    {
        var offsets = new Dictionary<int, long>();
        var m = Regex.Match(text[(int)at..], @"^xref\s+");
        if (!m.Success) throw new InvalidDataException("only classic xref tables are supported");
        var pos = (int)at + m.Length;
        while (true)
        {
            var header = Regex.Match(text[pos..Math.Min(text.Length, pos + 40)], @"^(\d+)\s+(\d+)\s*\r?\n");
            if (!header.Success) break;
            var first = int.Parse(header.Groups[1].Value, CultureInfo.InvariantCulture);
            var count = int.Parse(header.Groups[2].Value, CultureInfo.InvariantCulture);
            pos += header.Length;
            for (var i = 0; i < count; i++)
            {
                var entry = Regex.Match(text[pos..Math.Min(text.Length, pos + 24)], @"^(\d{10}) (\d{5}) ([nf])\s*");
                if (!entry.Success) throw new InvalidDataException("bad xref entry");
                if (entry.Groups[3].Value == "n") offsets[first + i] = long.Parse(entry.Groups[1].Value, CultureInfo.InvariantCulture);
                pos += entry.Length;
            }
        }
        return offsets;
    }

    private static string ObjectBody(string text, Dictionary<int, long> offsets, int number)
    {
        var start = (int)offsets[number];
        var header = Regex.Match(text[start..Math.Min(text.Length, start + 32)], @"^\d+\s+\d+\s+obj\s*");
        var bodyStart = start + header.Length;
        var end = text.IndexOf("endobj", bodyStart, StringComparison.Ordinal);
        var body = text[bodyStart..end];
        var stream = body.IndexOf("stream", StringComparison.Ordinal);
        return stream >= 0 ? body[..stream] : body;
    }

    private static void CollectPages(string text, Dictionary<int, long> offsets, int node, List<int> pages)
    {
        var body = ObjectBody(text, offsets, node);
        if (Regex.IsMatch(body, @"/Type\s*/Pages\b"))
        {
            var kids = Regex.Match(body, @"/Kids\s*\[([^\]]*)\]").Groups[1].Value;
            foreach (Match kid in Regex.Matches(kids, @"(\d+)\s+0\s+R")) CollectPages(text, offsets, int.Parse(kid.Groups[1].Value, CultureInfo.InvariantCulture), pages);
        }
        else pages.Add(node);
    }

    /// <summary>A PDF text string: UTF-16BE with a byte order mark, as hex.</summary>
    private static string PdfString(string s)
    {
        var sb = new StringBuilder("<FEFF");
        foreach (var b in Encoding.BigEndianUnicode.GetBytes(s)) sb.Append(b.ToString("X2", CultureInfo.InvariantCulture));
        return sb.Append('>').ToString();
    }
}
