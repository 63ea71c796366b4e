using Publishing.Layout.Text.Hyphenation;

namespace Publishing.Layout.Text;

/// <summary>
/// Breaks inside a piece of Latin text that <see cref="BreakRules"/> keeps whole, each at a price the optimal
/// breaker weighs against the looseness of lines (a line at the comfortable limit costs about 10,000; past it,
/// far more than any of these):
/// a URL or path after '/' (Chicago style) or after . - _ ? &amp; = # : ~ (never before them, so the line's end
/// shows the break), never inside one of its names (a line ending there that would be loose is set ragged instead,
/// <see cref="OptimalBreaker"/>); an English word at a hyphenation point, with a drawn hyphen; a word after its own hyphen;
/// a number after a thousands comma; a long code of letters and digits between any two of its characters,
/// four kept on each side; and where a stretch between those is still wider than the line, anywhere.
/// </summary>
internal static class InnerBreaks
{
    private const double PathBreakCost = 200;
    private const double PathPartBreakCost = 500;
    private const double HyphenationCost = 1_000;
    private const double HyphenBreakCost = 1_500;
    private const double ThousandsBreakCost = 2_000;
    private const double CodeBreakCost = 4_000;
    private const double EmergencyBreakCost = 6_000;
    private const int ShortestCode = 12;
    private const int ShortestCodePart = 4;

    /// <summary>
    /// Every break opportunity and priced inner break, in order; <paramref name="extraCost"/>[c] is the price of a
    /// line ending at c, <paramref name="hyphenated"/>[c] whether that line ends with a drawn hyphen,
    /// <paramref name="atUrl"/>[c] whether c is the break before a URL or path or one after a separator inside it.
    /// </summary>
    public static List<int> Candidates(int[] cps, bool[] opps, double[] prefix, double narrowest,
        out double[] extraCost, out bool[] hyphenated, out bool[] atUrl)
    {
        var n = cps.Length;
        extraCost = new double[n + 1];
        hyphenated = new bool[n + 1];
        atUrl = new bool[n + 1];
        var result = new List<int> { 0 };
        var inner = new List<int>();
        var points = new List<int>();
        var pieceStart = 0;
        for (var i = 1; i <= n; i++)
        {
            if (!opps[i]) continue;
            inner.Clear();
            if (IsPathOrUrl(cps, pieceStart, i))
            {
                atUrl[pieceStart] = pieceStart > 0;
                PathBreaks(cps, pieceStart, i, extraCost, atUrl, inner);
            }
            else WordBreaks(cps, pieceStart, i, extraCost, hyphenated, inner, points);
            if (prefix[i] - prefix[pieceStart] > narrowest + LineBreaker.Epsilon)
                EmergencyBreaks(cps, prefix, pieceStart, i, narrowest, extraCost, inner);
            result.AddRange(inner);
            result.Add(i);
            pieceStart = i;
        }
        return result;
    }

    private static bool CanStartLine(int[] cps, int c) =>
        !BreakRules.IsNoStart(cps[c]) && !BreakRules.IsSpace(cps[c]) && !BreakRules.IsSpace(cps[c - 1]);

    private static void PathBreaks(int[] cps, int start, int end, double[] extraCost, bool[] atUrl, List<int> into)
    {
        for (var c = start + 1; c < end; c++)
        {
            if (!CanStartLine(cps, c) || IsPathSeparator(cps[c]) || !IsPathSeparator(cps[c - 1])) continue;
            extraCost[c] = cps[c - 1] == '/' ? PathBreakCost : PathPartBreakCost;
            atUrl[c] = true;
            into.Add(c);
        }
    }

    private static void WordBreaks(int[] cps, int start, int end, double[] extraCost, bool[] hyphenated, List<int> into, List<int> points)
    {
        Span<char> word = stackalloc char[64];
        var c = start + 1;
        while (c < end)
        {
            // A run of ASCII letters and digits: a word (hyphenation points) or a code (anywhere).
            if (!IsAsciiAlnum(cps[c - 1]))
            {
                if (CanStartLine(cps, c) && IsAsciiAlnum(cps[c]) && c >= 2 && IsAsciiAlnum(cps[c - 2]))
                {
                    var price = cps[c - 1] == '-' ? HyphenBreakCost : cps[c - 1] == ',' && IsDigit(cps[c - 2]) && IsDigit(cps[c]) ? ThousandsBreakCost : 0;
                    if (price > 0) { extraCost[c] = price; into.Add(c); }
                }
                c++;
                continue;
            }
            var from = c - 1;
            var to = c;
            var digits = 0;
            var lowerAfterFirst = true;
            for (var k = from; k < end && IsAsciiAlnum(cps[k]); k++, to = k)
            {
                if (IsDigit(cps[k])) digits++;
                else if (k > from && !char.IsAsciiLetterLower((char)cps[k])) lowerAfterFirst = false;
            }
            var bounded = (from == 0 || !IsDigit(cps[from - 1])) && (to >= cps.Length || !IsDigit(cps[to]));
            if (digits == 0 && lowerAfterFirst && bounded)
            {
                points.Clear();
                if (to - from <= word.Length)
                {
                    for (var k = from; k < to; k++) word[k - from] = char.ToLowerInvariant((char)cps[k]);
                    Hyphenator.English.Points(word[..(to - from)], points);
                }
                foreach (var p in points) { extraCost[from + p] = HyphenationCost; hyphenated[from + p] = true; into.Add(from + p); }
            }
            else if (digits > 0 && to - from >= ShortestCode)
                for (var k = from + ShortestCodePart; k <= to - ShortestCodePart; k++) { extraCost[k] = CodeBreakCost; into.Add(k); }
            c = to + 1;
        }
    }

    /// <summary>Anywhere inside a stretch between the breaks found so far that no line could hold.</summary>
    private static void EmergencyBreaks(int[] cps, double[] prefix, int start, int end, double narrowest, double[] extraCost, List<int> inner)
    {
        var found = inner.Count;
        var from = start;
        for (var b = 0; b <= found; b++)
        {
            var to = b < found ? inner[b] : end;
            if (prefix[to] - prefix[from] > narrowest + LineBreaker.Epsilon)
                for (var c = from + 1; c < to; c++)
                    if (CanStartLine(cps, c)) { extraCost[c] = EmergencyBreakCost; inner.Add(c); }
            from = to;
        }
        inner.Sort();
    }

    private static bool IsDigit(int cp) => cp is >= '0' and <= '9';
    private static bool IsAsciiAlnum(int cp) => cp < 128 && char.IsAsciiLetterOrDigit((char)cp);
    private static bool IsPathSeparator(int cp) => cp is '/' or '.' or '-' or '_' or '?' or '&' or '=' or '#' or ':' or '~';

    /// <summary>A URL or path: holds "://", starts with "www.", or has two slashes or more.</summary>
    private static bool IsPathOrUrl(int[] cps, int start, int end)
    {
        var slashes = 0;
        for (var i = start; i < end; i++)
        {
            if (cps[i] != '/') continue;
            slashes++;
            if (i > start && cps[i - 1] == ':' && i + 1 < end && cps[i + 1] == '/') return true;
        }
        return slashes >= 2 || end - start > 4 && cps[start] == 'w' && cps[start + 1] == 'w' && cps[start + 2] == 'w' && cps[start + 3] == '.';
    }
}
