using System.Buffers.Binary;
using System.Text;

namespace Publishing.Layout.Fonts;

/// <summary>A font file whose table directory names bytes beyond its end (a copy cut short).</summary>
public sealed class TruncatedFontException(string path, string table, long tableEnd, long fileLength)
    : IOException($"font file is truncated: table '{table}' ends at byte {tableEnd}, the file has {fileLength} bytes: {path}")
{
    public string FontPath { get; } = path;
    public string Table { get; } = table;
    public long TableEnd { get; } = tableEnd;
    public long FileLength { get; } = fileLength;
}

/// <summary>
/// Reads a font file's table directory (a few hundred bytes) and checks that every table lies inside the file.
/// HarfBuzz opens a truncated file without complaint (it sanitizes tables lazily and treats a missing one as
/// empty), and the failure then surfaces only when the PDF writer subsets the font; checking the directory when
/// the font is opened makes it a problem of the font file, found when the theme is read.
/// </summary>
internal static class FontFileCheck
{
    private const uint TrueTypeCollection = 0x74746366; // 'ttcf'
    private static readonly uint[] SfntVersions = [0x00010000, 0x74727565 /* 'true' */, 0x4F54544F /* 'OTTO' */, TrueTypeCollection];

    public static void ThrowIfBroken(string path)
    {
        using var file = File.OpenRead(path);
        var length = file.Length;
        if (length < 12 || !SfntVersions.Contains(BinaryPrimitives.ReadUInt32BigEndian(ReadAt(file, 0, 4, path))))
            throw new InvalidDataException($"not a font (no TrueType/OpenType header): {path}");
        var header = ReadAt(file, 0, 12, path);
        long directory = 0;
        if (BinaryPrimitives.ReadUInt32BigEndian(header) == TrueTypeCollection)
            directory = BinaryPrimitives.ReadUInt32BigEndian(ReadAt(file, 12, 4, path)); // the first font's directory
        var offsetTable = directory == 0 ? header : ReadAt(file, directory, 12, path);
        var tables = BinaryPrimitives.ReadUInt16BigEndian(offsetTable.AsSpan(4));
        var records = ReadAt(file, directory + 12, tables * 16, path);
        for (var i = 0; i < tables; i++)
        {
            var record = records.AsSpan(i * 16, 16);
            var end = (long)BinaryPrimitives.ReadUInt32BigEndian(record[8..]) + BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
            if (end > length) throw new TruncatedFontException(path, Encoding.ASCII.GetString(record[..4]).TrimEnd(), end, length);
        }
    }

    private static byte[] ReadAt(FileStream file, long offset, int count, string path)
    {
        var buffer = new byte[count];
        if (offset + count > file.Length) throw new TruncatedFontException(path, "(directory)", offset + count, file.Length);
        file.Position = offset;
        file.ReadExactly(buffer);
        return buffer;
    }
}
