using System.Buffers.Binary;
using System.Text;

namespace Publishing.Layout.Pdf;

/// <summary>
/// An sRGB ICC profile (ICC.1:2001-04, version 2.1, display class), made here rather than shipped: PDF/A needs an
/// output intent with the profile of the colours we write (DeviceRGB, §6.2.4), and a profile computed from IEC
/// 61966-2-1's published numbers carries nobody's copyright, so there is no licence to track. Its tone curves
/// are sampled from the sRGB transfer function (1,024 points); its colorants are sRGB's primaries adapted to D50
/// (Bradford), as in the profiles the colour management systems ship. The same bytes every time.
/// </summary>
internal static class SrgbProfile
{
    public const string Name = "sRGB IEC61966-2.1";

    public static byte[] Bytes { get; } = Make();

    private static byte[] Make()
    {
        var tags = new List<(string Signature, byte[] Data)>
        {
            ("desc", Description(Name)),
            ("cprt", Text("No copyright, use freely")),
            ("wtpt", Xyz(0.9642, 1.0, 0.8249)),
            ("rXYZ", Xyz(0.4360747, 0.2225045, 0.0139322)),
            ("gXYZ", Xyz(0.3850649, 0.7168786, 0.0971045)),
            ("bXYZ", Xyz(0.1430804, 0.0606169, 0.7141733)),
            ("rTRC", Curve()),
        };
        var offsets = new List<(string Signature, int Offset, int Size)>();
        var tableSize = 4 + 12 * (tags.Count + 2);          // gTRC and bTRC share rTRC's data
        var at = 128 + tableSize;
        foreach (var (signature, data) in tags)
        {
            offsets.Add((signature, at, data.Length));
            at += (data.Length + 3) & ~3;
        }
        var trc = offsets[^1];
        offsets.Add(("gTRC", trc.Offset, trc.Size));
        offsets.Add(("bTRC", trc.Offset, trc.Size));
        var profile = new byte[at];
        var span = profile.AsSpan();
        BinaryPrimitives.WriteUInt32BigEndian(span, (uint)at);
        BinaryPrimitives.WriteUInt32BigEndian(span[8..], 0x02100000);           // version 2.1
        Ascii(span[12..], "mntr");
        Ascii(span[16..], "RGB ");
        Ascii(span[20..], "XYZ ");
        ushort[] date = [2026, 1, 1, 0, 0, 0];                                    // fixed: the same bytes every build
        for (var i = 0; i < date.Length; i++) BinaryPrimitives.WriteUInt16BigEndian(span[(24 + 2 * i)..], date[i]);
        Ascii(span[36..], "acsp");
        BinaryPrimitives.WriteInt32BigEndian(span[68..], Fixed(0.9642));           // the PCS illuminant, D50
        BinaryPrimitives.WriteInt32BigEndian(span[72..], Fixed(1.0));
        BinaryPrimitives.WriteInt32BigEndian(span[76..], Fixed(0.8249));
        BinaryPrimitives.WriteUInt32BigEndian(span[128..], (uint)offsets.Count);
        for (var i = 0; i < offsets.Count; i++)
        {
            var entry = span[(132 + 12 * i)..];
            Ascii(entry, offsets[i].Signature);
            BinaryPrimitives.WriteUInt32BigEndian(entry[4..], (uint)offsets[i].Offset);
            BinaryPrimitives.WriteUInt32BigEndian(entry[8..], (uint)offsets[i].Size);
        }
        for (var i = 0; i < tags.Count; i++) tags[i].Data.CopyTo(span[offsets[i].Offset..]);
        return profile;
    }

    /// <summary>s15Fixed16Number.</summary>
    private static int Fixed(double value) => (int)Math.Round(value * 65536);

    private static void Ascii(Span<byte> into, string text) => Encoding.ASCII.GetBytes(text, into);

    private static byte[] Xyz(double x, double y, double z)
    {
        var data = new byte[20];
        Ascii(data, "XYZ ");
        BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(8), Fixed(x));
        BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(12), Fixed(y));
        BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(16), Fixed(z));
        return data;
    }

    /// <summary>The sRGB transfer function: linear near black, then a 2.4 power (IEC 61966-2-1).</summary>
    private static byte[] Curve()
    {
        const int points = 1024;
        var data = new byte[12 + 2 * points];
        Ascii(data, "curv");
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(8), points);
        for (var i = 0; i < points; i++)
        {
            var v = i / (double)(points - 1);
            var linear = v <= 0.04045 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4);
            BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(12 + 2 * i), (ushort)Math.Round(linear * 65535));
        }
        return data;
    }

    private static byte[] Text(string text)
    {
        var data = new byte[8 + text.Length + 1];
        Ascii(data, "text");
        Ascii(data.AsSpan(8), text);
        return data;
    }

    /// <summary>textDescriptionType: ASCII, then an empty Unicode and an empty ScriptCode description.</summary>
    private static byte[] Description(string text)
    {
        var data = new byte[12 + text.Length + 1 + 8 + 3 + 67];
        Ascii(data, "desc");
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(8), (uint)(text.Length + 1));
        Ascii(data.AsSpan(12), text);
        return data;
    }
}
