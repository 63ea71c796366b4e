using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;
using HarfBuzzSharp;
using Publishing.Layout.Fonts;

namespace Publishing.Layout.Pdf;

/// <summary>
/// What a PDF font descriptor says about a face (ISO 32000-1 §9.8), read from the font's own tables: the
/// PostScript name (`name` 6), the bounding box (`head`), ascent and descent (`hhea`), cap height (`OS/2`) and
/// italic angle (`post`), all in thousandths of an em. Read once per face and process.
/// </summary>
internal sealed record FontDescriptorValues(string PostScriptName, int[] BoundingBox, int Ascent, int Descent, int CapHeight, double ItalicAngle)
{
    private static readonly ConditionalWeakTable<FontFace, FontDescriptorValues> Cache = new();

    public static FontDescriptorValues For(FontFace face) => Cache.GetValue(face, Read);

    private static FontDescriptorValues Read(FontFace face)
    {
        double scale = 1000.0 / face.UnitsPerEm;
        int Scaled(short units) => (int)Math.Round(units * scale);

        using var head = face.Face.ReferenceTable(Tag.Parse("head"));
        var h = head.AsSpan();
        var box = h.Length >= 44
            ? new[] { Scaled(I16(h, 36)), Scaled(I16(h, 38)), Scaled(I16(h, 40)), Scaled(I16(h, 42)) }
            : new[] { 0, -200, 1000, 900 };

        using var hhea = face.Face.ReferenceTable(Tag.Parse("hhea"));
        var hh = hhea.AsSpan();
        var ascent = hh.Length >= 8 ? Scaled(I16(hh, 4)) : box[3];
        var descent = hh.Length >= 8 ? Scaled(I16(hh, 6)) : box[1];

        using var os2 = face.Face.ReferenceTable(Tag.Parse("OS/2"));
        var o = os2.AsSpan();
        var capHeight = o.Length >= 90 && BinaryPrimitives.ReadUInt16BigEndian(o) >= 2 ? Scaled(I16(o, 88)) : ascent;

        using var post = face.Face.ReferenceTable(Tag.Parse("post"));
        var p = post.AsSpan();
        var italic = p.Length >= 8 ? BinaryPrimitives.ReadInt32BigEndian(p[4..]) / 65536.0 : 0;

        return new FontDescriptorValues(ReadPostScriptName(face), box, ascent, descent, capHeight, italic);
    }

    /// <summary>Name id 6 (Windows UTF-16 or Mac Roman); the file's name when the font has none.</summary>
    private static string ReadPostScriptName(FontFace face)
    {
        using var table = face.Face.ReferenceTable(Tag.Parse("name"));
        var n = table.AsSpan();
        string? found = null;
        if (n.Length >= 6)
        {
            int count = BinaryPrimitives.ReadUInt16BigEndian(n[2..]), strings = BinaryPrimitives.ReadUInt16BigEndian(n[4..]);
            for (var i = 0; i < count && 6 + i * 12 + 12 <= n.Length && found == null; i++)
            {
                var record = n.Slice(6 + i * 12, 12);
                int platform = BinaryPrimitives.ReadUInt16BigEndian(record), nameId = BinaryPrimitives.ReadUInt16BigEndian(record[6..]);
                int length = BinaryPrimitives.ReadUInt16BigEndian(record[8..]), offset = BinaryPrimitives.ReadUInt16BigEndian(record[10..]);
                if (nameId != 6 || strings + offset + length > n.Length) continue;
                var bytes = n.Slice(strings + offset, length);
                found = platform == 3 ? Encoding.BigEndianUnicode.GetString(bytes) : platform == 1 ? Encoding.Latin1.GetString(bytes) : null;
            }
        }
        // A PDF name may hold only regular characters (§7.3.5); PostScript names are such, file names may not be.
        var name = new string((found ?? System.IO.Path.GetFileNameWithoutExtension(face.Path))
            .Where(c => c is > ' ' and < '\x7f' and not ('/' or '(' or ')' or '<' or '>' or '[' or ']' or '{' or '}' or '%' or '#')).ToArray());
        return name.Length > 0 ? name : "Font";
    }

    private static short I16(ReadOnlySpan<byte> table, int offset) => BinaryPrimitives.ReadInt16BigEndian(table[offset..]);
}
