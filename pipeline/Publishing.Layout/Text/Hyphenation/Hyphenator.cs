namespace Publishing.Layout.Text.Hyphenation;

/// <summary>
/// Where an English word may take a hyphen, by Liang's algorithm (TeX's) over the Hyphen library's pattern file
/// (see README.md beside it). Patterns map a letter sequence to the odd/even values of the gaps around it;
/// a gap whose highest value is odd is a hyphenation point.
/// </summary>
internal sealed class Hyphenator
{
    private readonly Dictionary<string, byte[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int _longest;

    /// <summary>Fewest letters before and after a hyphen.</summary>
    public int LeftMin { get; }
    public int RightMin { get; }

    private Hyphenator(Dictionary<string, byte[]> patterns, int leftMin, int rightMin)
    {
        _lookup = patterns.GetAlternateLookup<ReadOnlySpan<char>>();
        _longest = patterns.Keys.Max(k => k.Length);
        LeftMin = leftMin;
        RightMin = rightMin;
    }

    private static readonly Lazy<Hyphenator> EnglishPatterns = new(() =>
    {
        using var stream = typeof(Hyphenator).Assembly.GetManifestResourceStream("Publishing.Layout.hyph_en_US.dic")
            ?? throw new InvalidOperationException("hyph_en_US.dic is not embedded");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return Parse(reader);
    });

    public static Hyphenator English => EnglishPatterns.Value;

    /// <summary>Reads a Hyphen (.dic) pattern file: a charset line, LEFTHYPHENMIN/RIGHTHYPHENMIN, one pattern a line.</summary>
    public static Hyphenator Parse(TextReader reader)
    {
        var patterns = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        int leftMin = 2, rightMin = 3;
        reader.ReadLine();                                            // the charset (UTF-8)
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            line = line.Trim();
            if (line.Length == 0 || line.StartsWith('%')) continue;
            if (line.StartsWith("LEFTHYPHENMIN ", StringComparison.Ordinal)) { leftMin = int.Parse(line[14..]); continue; }
            if (line.StartsWith("RIGHTHYPHENMIN ", StringComparison.Ordinal)) { rightMin = int.Parse(line[15..]); continue; }
            if (char.IsAsciiLetterUpper(line[0]) || line.Contains('/')) continue;   // other keywords, non-standard patterns
            var letters = new System.Text.StringBuilder();
            var values = new List<byte> { 0 };
            foreach (var c in line)
            {
                if (char.IsAsciiDigit(c)) values[^1] = (byte)(c - '0');
                else { letters.Append(c); values.Add(0); }
            }
            patterns[letters.ToString()] = values.ToArray();
        }
        return new Hyphenator(patterns, leftMin, rightMin);
    }

    /// <summary>
    /// Hyphenation points of a lower-case word: each k means a hyphen may go between word[k - 1] and word[k].
    /// </summary>
    public void Points(ReadOnlySpan<char> word, List<int> into)
    {
        if (word.Length < LeftMin + RightMin) return;
        Span<char> dotted = word.Length <= 62 ? stackalloc char[word.Length + 2] : new char[word.Length + 2];
        dotted[0] = '.';
        word.CopyTo(dotted[1..]);
        dotted[^1] = '.';
        Span<byte> values = dotted.Length <= 64 ? stackalloc byte[dotted.Length + 1] : new byte[dotted.Length + 1];
        values.Clear();
        for (var start = 0; start < dotted.Length; start++)
            for (var length = 1; length <= _longest && start + length <= dotted.Length; length++)
                if (_lookup.TryGetValue(dotted.Slice(start, length), out var pattern))
                    for (var j = 0; j < pattern.Length; j++)
                        values[start + j] = Math.Max(values[start + j], pattern[j]);
        for (var k = LeftMin; k <= word.Length - RightMin; k++)
            if (values[k + 1] % 2 == 1) into.Add(k);
    }
}
