namespace Publishing.Markdown;

/// <summary>East Asian wide characters (Han, kana, CJK and full-width punctuation), excluding Hangul.</summary>
public static class WideCharacters
{
    public static bool IsWide(char c) =>
        c is >= '\u2E80' and <= '\u2FDF'      // CJK radicals
          or >= '\u3000' and <= '\u303F'      // CJK symbols and punctuation
          or >= '\u3040' and <= '\u30FF'      // kana
          or >= '\u3400' and <= '\u4DBF'      // CJK extension A
          or >= '\u4E00' and <= '\u9FFF'      // CJK unified ideographs
          or >= '\uF900' and <= '\uFAFF'      // compatibility ideographs
          or >= '\uFE30' and <= '\uFE4F'      // CJK compatibility forms
          or >= '\uFF01' and <= '\uFF60'      // full-width forms
          or >= '\uFFE0' and <= '\uFFE6'
          or '\u2018' or '\u2019' or '\u201C' or '\u201D' or '\u2026' or '\u2014'; // “”‘’…— as set in Chinese

    public static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';
}
