using System.IO.Compression;

namespace Publishing.FillIn;

/// <summary>
/// A zip package rewritten with every entry dated 1980-01-01 (the zip format's first day) and the package's own
/// relationship ids numbered: the packaging API stamps each part with the time of writing and names the package's
/// relationships at random (Id="R6f1c…"; nothing refers to them by id), and the same form must give the same bytes.
/// </summary>
public static partial class DeterministicZip
{
    [System.Text.RegularExpressions.GeneratedRegex("Id=\"R[0-9a-f]+\"")]
    private static partial System.Text.RegularExpressions.Regex RandomId();

    private static readonly DateTimeOffset Epoch = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static byte[] Rewrite(byte[] package)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(package, writable: false), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = Epoch;
                using var from = entry.Open();
                using var to = copy.Open();
                if (entry.FullName == "_rels/.rels")
                {
                    using var reader = new StreamReader(from);
                    var number = 0;
                    var text = RandomId().Replace(reader.ReadToEnd(), _ => $"Id=\"rIdPackage{++number}\"");
                    to.Write(System.Text.Encoding.UTF8.GetBytes(text));
                }
                else from.CopyTo(to);
            }
        }
        return output.ToArray();
    }
}
