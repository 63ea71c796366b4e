namespace Publishing.Layout.Text;

/// <summary>
/// The house style for Chinese punctuation (CLREQ, GB/T 15834), as data a theme can change: which marks never
/// start a line and which never end one (避头尾), and whether two full-width marks side by side close up (标点挤压).
/// The defaults are the standards'; the bridge reads a theme's <c>punctuation:</c> values into one of these.
/// </summary>
public sealed record PunctuationRules
{
    /// <summary>Closing and middle punctuation (full and half width), dashes and ellipses: never at a line's start.</summary>
    public string NoLineStart { get; init; } =
        "，。、；：？！）》」』”’…—―–%·〉】〕〗〙〛｝］｠〞〟,.;:?!)]}％‰℃℉°′″〃々〆ゝゞヽヾー～〜‥・﹐﹑﹒﹔﹕﹖﹗﹚﹜﹞︰";

    /// <summary>
    /// Opening punctuation, and the dashes that join what follows: the 一字线 of a range (2021—2023), the 破折号 ——,
    /// the en dash and the 浪纹线 (1～5); never at a line's end, so a range or a dash never splits from what it joins.
    /// </summary>
    public string NoLineEnd { get; init; } = "（《「『“‘【〔〈〖〘〚｛［｟〝(<[{﹙﹛﹝—―–～〜";

    /// <summary>Two full-width marks whose blank halves face each other (》， ”。 。“ ）、 、（ （《) give up one of them.</summary>
    public bool CompressPairs { get; init; } = true;

    public static PunctuationRules Standard { get; } = new();

    // Lookups by code point, built once per set (kept with the string they were built from: `with` copies fields).
    private (string Chars, HashSet<int> Set)? _noStart, _noEnd;
    internal bool IsNoStart(int cp) => Lookup(ref _noStart, NoLineStart).Contains(cp);
    internal bool IsNoEnd(int cp) => Lookup(ref _noEnd, NoLineEnd).Contains(cp);

    private static HashSet<int> Lookup(ref (string Chars, HashSet<int> Set)? cache, string chars)
    {
        if (cache is { } c && ReferenceEquals(c.Chars, chars)) return c.Set;
        var set = chars.EnumerateRunes().Select(r => r.Value).ToHashSet();
        cache = (chars, set);
        return set;
    }

    public bool Equals(PunctuationRules? other) =>
        other is not null && NoLineStart == other.NoLineStart && NoLineEnd == other.NoLineEnd && CompressPairs == other.CompressPairs;

    public override int GetHashCode() => HashCode.Combine(NoLineStart, NoLineEnd, CompressPairs);
}
