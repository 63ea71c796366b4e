using System.Buffers.Binary;
using System.Text;
using HarfBuzzSharp;
using Publishing.Layout.Fonts;

namespace Publishing.Layout.Ofd;

/// <summary>
/// What an OFD Font element says of a face (GB/T 33190 §11.1, table 44): its PostScript name (name id 6), its
/// family (id 16, else id 1: a reader without the embedded file substitutes by it) and whether it is bold (OS/2
/// weight class 600 and above), read from the face's own tables.
/// </summary>
internal sealed record OfdFontNames(string FontName, string FamilyName, bool Bold)
{
    public static OfdFontNames Of(FontFace face)
    {
        using var table = face.Face.ReferenceTable(Tag.Parse("name"));
        var names = Read(table.AsSpan());
        var file = Path.GetFileNameWithoutExtension(face.Path);
        var fontName = names.GetValueOrDefault(6) ?? file;
        var family = names.GetValueOrDefault(16) ?? names.GetValueOrDefault(1) ?? fontName;

        using var os2 = face.Face.ReferenceTable(Tag.Parse("OS/2"));
        var o = os2.AsSpan();
        var weight = o.Length >= 6 ? BinaryPrimitives.ReadUInt16BigEndian(o[4..]) : 400;
        return new OfdFontNames(fontName, family, weight >= 600);
    }

    /// <summary>Windows (UTF-16, English preferred) or Mac Roman names, by id.</summary>
    private static Dictionary<int, string> Read(ReadOnlySpan<byte> n)
    {
        var found = new Dictionary<int, (int Rank, string Text)>();
        if (n.Length < 6) return new Dictionary<int, string>();
        int count = BinaryPrimitives.ReadUInt16BigEndian(n[2..]), strings = BinaryPrimitives.ReadUInt16BigEndian(n[4..]);
        for (var i = 0; i < count && 6 + i * 12 + 12 <= n.Length; i++)
        {
            var record = n.Slice(6 + i * 12, 12);
            int platform = BinaryPrimitives.ReadUInt16BigEndian(record), language = BinaryPrimitives.ReadUInt16BigEndian(record[4..]);
            int id = BinaryPrimitives.ReadUInt16BigEndian(record[6..]);
            int length = BinaryPrimitives.ReadUInt16BigEndian(record[8..]), offset = BinaryPrimitives.ReadUInt16BigEndian(record[10..]);
            if (id is not (1 or 6 or 16) || strings + offset + length > n.Length) continue;
            var bytes = n.Slice(strings + offset, length);
            var (rank, text) = platform switch
            {
                3 => (language == 0x409 ? 0 : 1, Encoding.BigEndianUnicode.GetString(bytes)),
                1 => (2, Encoding.Latin1.GetString(bytes)),
                _ => (9, ""),
            };
            if (text.Length == 0 || (found.TryGetValue(id, out var known) && known.Rank <= rank)) continue;
            found[id] = (rank, text);
        }
        return found.ToDictionary(kv => kv.Key, kv => kv.Value.Text);
    }
}
