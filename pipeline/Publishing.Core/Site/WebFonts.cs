using System.Text;
using System.Text.RegularExpressions;
using Publishing.Layout.Fonts;

namespace Publishing.Site;

/// <summary>
/// The preview's web fonts: each font a page's stylesheet names (url("fonts/X.ttf")) is cut down with HarfBuzz
/// to the characters of that page (and its change page), so a document page downloads a few hundred KB, not
/// the four whole CJK fonts (51 MB). TrueType, not WOFF2: no maintained WOFF2 encoder is available for .NET
/// here (see docs/site.md). Same text, same bytes.
/// </summary>
public static partial class WebFonts
{
    public const string Folder = "fonts";

    [GeneratedRegex("""url\("fonts/(?<file>[A-Za-z0-9._-]+\.ttf)"\)""")]
    private static partial Regex FontUrl();

    /// <summary>
    /// The subsets a stylesheet needs for the given pages' text, as output-relative paths and bytes, in the
    /// stylesheet's order. Cut at once, one font per core: a lone document (the seed, a live preview) has a core to spare.
    /// </summary>
    public static IReadOnlyList<(string Path, byte[] Bytes)> Subsets(string stylesheet, string templatesDirectory, params string[] pages)
    {
        var codePoints = CodePoints(pages);
        var text = string.Join(",", codePoints);   // the cache's key for this text, made once for all the fonts
        var sources = Sources(stylesheet, templatesDirectory);
        var subsets = new (string Path, byte[] Bytes)[sources.Count];
        Parallel.For(0, sources.Count, i => subsets[i] = (sources[i].Path, Cached(sources[i].Source, codePoints, text)));
        return subsets;
    }

    /// <summary>
    /// The stylesheet with each subset's URL marked with its content (url("fonts/X.ttf?v=1a2b3c4d")): a page
    /// updated in place by the live preview, or a browser's cache, never keeps a subset that lacks new characters.
    /// </summary>
    public static string Versioned(string stylesheet, IEnumerable<(string Path, byte[] Bytes)> subsets)
    {
        var versions = subsets.ToDictionary(s => s.Path[(Folder.Length + 1)..],
            s => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(s.Bytes))[..12], StringComparer.Ordinal);
        return FontUrl().Replace(stylesheet, m => versions.TryGetValue(m.Groups["file"].Value, out var version)
            ? $"url(\"fonts/{m.Groups["file"].Value}?v={version}\")"
            : m.Value);
    }

    /// <summary>The fonts a stylesheet names that exist in the templates: output-relative path and source file.</summary>
    public static IReadOnlyList<(string Path, string Source)> Sources(string stylesheet, string templatesDirectory) =>
        FontUrl().Matches(stylesheet).Select(m => m.Groups["file"].Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(file => (Path: $"{Folder}/{file}", Source: Path.Combine(templatesDirectory, "fonts", file)))
            .Where(f => File.Exists(f.Source))
            .ToList();

    // A live preview rebuilds the same page after each save, mostly with the same characters: subsetting four
    // CJK fonts is most of an HTML build's time, so the last few subsets are kept (keyed by font file and text).
    private const int CacheSize = 16;
    private static readonly Dictionary<(string, DateTime, string), byte[]> Cache = new();
    private static readonly Queue<(string, DateTime, string)> CacheOrder = new();

    private static byte[] Cached(string font, int[] codePoints, string text)
    {
        var key = (font, File.GetLastWriteTimeUtc(font), text);
        lock (Cache)
            if (Cache.TryGetValue(key, out var hit)) return hit;
        var bytes = WebFontSubset.Create(font, codePoints);
        lock (Cache)
        {
            if (Cache.TryAdd(key, bytes)) CacheOrder.Enqueue(key);
            while (CacheOrder.Count > CacheSize) Cache.Remove(CacheOrder.Dequeue());
        }
        return bytes;
    }

    /// <summary>
    /// The distinct code points of the pages (and printable ASCII), ascending, as <see cref="string.EnumerateRunes"/>
    /// reads them (a lone surrogate is U+FFFD). A bit per BMP character: a page is tens of thousands of characters
    /// of a few thousand distinct ones, which a sorted tree made a millisecond of a document's build.
    /// </summary>
    internal static int[] CodePoints(IEnumerable<string> pages)
    {
        var bmp = new ulong[0x10000 / 64];
        SortedSet<int>? astral = null;
        for (var c = 0x20; c < 0x7F; c++) bmp[c >> 6] |= 1UL << c; // digits and Latin for what a template or reviewer adds
        foreach (var page in pages)
            for (var i = 0; i < page.Length; i++)
            {
                int value = page[i];
                if (char.IsSurrogate(page[i]))
                {
                    if (char.IsHighSurrogate(page[i]) && i + 1 < page.Length && char.IsLowSurrogate(page[i + 1]))
                    {
                        (astral ??= new SortedSet<int>()).Add(char.ConvertToUtf32(page[i], page[i + 1]));
                        i++;
                        continue;
                    }
                    value = 0xFFFD;
                }
                if (value >= 0x20) bmp[value >> 6] |= 1UL << value;
            }
        var points = new List<int>(4096);
        for (var word = 0; word < bmp.Length; word++)
            for (var bits = bmp[word]; bits != 0; bits &= bits - 1)
                points.Add(word * 64 + System.Numerics.BitOperations.TrailingZeroCount(bits));
        if (astral is not null) points.AddRange(astral);
        return points.ToArray();
    }
}
