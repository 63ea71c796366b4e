using System.IO.Compression;
using System.Text;
using Publishing.Diagnostics;

namespace Publishing.Content.Workbooks;

/// <summary>
/// What a file named as a workbook really is, decided from its bytes before any parser sees them: an .xlsx
/// (or .xlsm) is a zip package; an Excel 97-2003 .xls and a password-protected workbook are both OLE compound
/// files (the latter holds an "EncryptedPackage" stream); anything else is not a workbook. A zip is accepted only
/// within limits a real workbook never reaches, so a zip bomb is refused by its own directory (declared sizes
/// and compression ratios) and, since those can lie, the parser is bounded again by the characters it may read.
/// </summary>
public static class WorkbookPackage
{
    public enum Kind { Workbook, Encrypted, LegacyXls, NotAWorkbook, TooLarge }

    /// <summary>The most the parts of one workbook may unpack to (a 100k-row sheet is about 30 MB of XML).</summary>
    public const long MaxUnpackedBytes = 256L * 1024 * 1024;

    /// <summary>The most one part may be compressed: sheet XML packs 10–30:1; a bomb packs 1000:1.</summary>
    public const int MaxRatio = 200;

    public const int MaxEntries = 10_000;

    private static readonly byte[] ZipMagic = { 0x50, 0x4B, 0x03, 0x04 };
    private static readonly byte[] OleMagic = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };

    public static (Kind Kind, string? Detail) Inspect(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith(OleMagic))
        {
            // The stream names of a compound file are UTF-16 in its directory sectors.
            var encrypted = Encoding.Unicode.GetBytes("EncryptedPackage");
            return (bytes.AsSpan().IndexOf(encrypted) >= 0 ? Kind.Encrypted : Kind.LegacyXls, null);
        }
        if (!bytes.AsSpan().StartsWith(ZipMagic)) return (Kind.NotAWorkbook, null);
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxEntries) return (Kind.TooLarge, DiagnosticCatalog.WorkbookTooLarge["parts"].Format(("count", zip.Entries.Count)));
            long total = 0;
            var hasWorkbook = false;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (entry.Length > 1024 * 1024 && entry.Length / Math.Max(entry.CompressedLength, 1) > MaxRatio)
                    return (Kind.TooLarge, DiagnosticCatalog.WorkbookTooLarge["ratio"].Format(("part", entry.FullName), ("ratio", entry.Length / Math.Max(entry.CompressedLength, 1))));
                if (entry.FullName.Equals("xl/workbook.xml", StringComparison.OrdinalIgnoreCase)) hasWorkbook = true;
            }
            if (total > MaxUnpackedBytes) return (Kind.TooLarge, DiagnosticCatalog.WorkbookTooLarge["unpacked"].Format(("mb", total / (1024 * 1024))));
            return (hasWorkbook ? Kind.Workbook : Kind.NotAWorkbook, hasWorkbook ? null : DiagnosticCatalog.WorkbookUnreadable["no-workbook-part"].Format());
        }
        catch (InvalidDataException)
        {
            return (Kind.NotAWorkbook, DiagnosticCatalog.WorkbookUnreadable["broken-zip"].Format());
        }
    }
}
