using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Publishing.Build;

/// <summary>
/// `--shard i/n`: the documents whose slug hashes to i (1-based) of n. Stable (a document stays on its shard
/// when others are added or removed, and across machines: SHA-256, not the process-randomised string hash)
/// and exact: the n shards of a set are disjoint and together are the whole set.
/// </summary>
public sealed record Shard(int Index, int Count)
{
    public static Shard All { get; } = new(1, 1);

    /// <summary>"2/8" → shard 2 of 8; null when the text is not of that form or i is not in 1..n.</summary>
    public static Shard? Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length != 2 ||
            !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index) ||
            !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) ||
            count < 1 || index < 1 || index > count)
            return null;
        return new Shard(index, count);
    }

    public bool Contains(string slug)
    {
        if (Count == 1) return true;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(slug));
        var value = BinaryPrimitives.ReadUInt64LittleEndian(hash);
        return (int)(value % (ulong)Count) == Index - 1;
    }

    public IReadOnlyList<string> Select(IEnumerable<string> documentDirectories) =>
        documentDirectories.Where(d => Contains(BatchBuilder.SlugOf(d))).ToList();

    public override string ToString() => $"{Index}/{Count}";
}
