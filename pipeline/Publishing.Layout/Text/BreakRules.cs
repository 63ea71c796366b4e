namespace Publishing.Layout.Text;

/// <summary>
/// Where a line may break in Chinese text mixed with Latin: between any two CJK characters, except that
/// 避头尾 (kinsoku) forbids a line starting with closing punctuation or ending with opening punctuation;
/// Latin words and numbers (1,234.56, ≥95, 80%) stay whole; spaces are break opportunities.
/// Pure functions on code points, so they are tested without fonts. Which marks may not start or end a line is
/// data (<see cref="PunctuationRules"/>, the standard's unless a theme says otherwise).
/// </summary>
public static class BreakRules
{
    public static bool IsNoStart(int cp, PunctuationRules? rules = null) => (rules ?? PunctuationRules.Standard).IsNoStart(cp);
    public static bool IsNoEnd(int cp, PunctuationRules? rules = null) => (rules ?? PunctuationRules.Standard).IsNoEnd(cp);
    public static bool IsSpace(int cp) => cp == ' ' || cp == '\t';
    public static bool IsMandatoryBreak(int cp) => cp == '\n';

    /// <summary>Characters that glue to their neighbours of the same kind: Latin letters, digits, and the
    /// symbols written inside numbers and words (≥, %, ., -, /).</summary>
    public static bool IsWordChar(int cp)
    {
        if (cp <= ' ') return false;
        if (cp < 0x2000) return !IsNoStartOrEndCjk(cp);                 // Latin, Greek, Cyrillic, ASCII symbols
        if (cp >= 0x2200 && cp <= 0x22FF) return true;                  // math operators: ≥ ≤ ±
        if (cp >= 0xFF10 && cp <= 0xFF19) return false;                 // full-width digits behave as ideographs
        return false;
    }

    private static bool IsNoStartOrEndCjk(int cp) => cp == 0xB7; // middle dot is CJK punctuation here

    public static bool IsCjkIdeographLike(int cp) =>
        cp >= 0x2E80 && cp <= 0x9FFF || cp >= 0xAC00 && cp <= 0xD7AF || cp >= 0xF900 && cp <= 0xFAFF ||
        cp >= 0xFF00 && cp <= 0xFFEF || cp >= 0x20000 && cp <= 0x3FFFF;

    /// <summary>May a line break between <paramref name="before"/> and <paramref name="after"/>?</summary>
    public static bool CanBreakBetween(int before, int after, PunctuationRules? rules = null)
    {
        if (IsMandatoryBreak(before)) return true;
        if (IsSpace(after) || IsMandatoryBreak(after)) return false;
        if (IsNoStart(after, rules)) return false;
        if (IsSpace(before)) return true;
        if (IsNoEnd(before, rules)) return false;
        if (IsWordChar(before) && IsWordChar(after)) return false;
        return true;
    }

    /// <summary>Break opportunities of a code point sequence: result[i] is true when a line may start at i (0 &lt; i &lt; n).</summary>
    public static bool[] Opportunities(IReadOnlyList<int> codePoints, PunctuationRules? rules = null)
    {
        var result = new bool[codePoints.Count + 1];
        for (var i = 1; i < codePoints.Count; i++) result[i] = CanBreakBetween(codePoints[i - 1], codePoints[i], rules);
        result[codePoints.Count] = true;
        return result;
    }

    /// <summary>Can justification add space between these two characters? Not inside a Latin word or number.</summary>
    public static bool IsStretchable(int before, int after) =>
        !(IsWordChar(before) && IsWordChar(after)) && !IsMandatoryBreak(before);
}
