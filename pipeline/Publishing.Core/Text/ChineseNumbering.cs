using System.Text.RegularExpressions;

namespace Publishing.Text;

/// <summary>
/// The numbering of Chinese official text (GB/T 9704): level 1 "一、", level 2 "（一）", level 3 "1.",
/// level 4 "（1）". Reads the marker at the start of a heading or paragraph.
/// </summary>
public static partial class ChineseNumbering
{
    public sealed record Marker(int Level, int Number, string Text);

    [GeneratedRegex(@"^(?<n>[一二三四五六七八九十百零〇]+)、")]
    private static partial Regex Level1();

    [GeneratedRegex(@"^[（(](?<n>[一二三四五六七八九十百零〇]+)[）)]")]
    private static partial Regex Level2();

    [GeneratedRegex(@"^(?<n>\d{1,3})[.．](?!\d)")]
    private static partial Regex Level3();

    [GeneratedRegex(@"^[（(](?<n>\d{1,3})[）)]")]
    private static partial Regex Level4();

    public static Marker? Read(string text)
    {
        text = text.TrimStart();
        Match m;
        if ((m = Level1().Match(text)).Success) return Build(1, m, ChineseNumber(m.Groups["n"].Value));
        if ((m = Level2().Match(text)).Success) return Build(2, m, ChineseNumber(m.Groups["n"].Value));
        if ((m = Level3().Match(text)).Success) return Build(3, m, int.Parse(m.Groups["n"].Value));
        if ((m = Level4().Match(text)).Success) return Build(4, m, int.Parse(m.Groups["n"].Value));
        return null;
    }

    private static Marker? Build(int level, Match match, int number) => number > 0 ? new Marker(level, number, match.Value) : null;

    /// <summary>
    /// 一 → 1, 十二 → 12, 二十 → 20, 一百零五 → 105; 0 when not a well-formed numeral: units must fall
    /// (十十, 十百 are not numbers), 百 needs its digit, and two digits never stand side by side except after 零.
    /// </summary>
    public static int ChineseNumber(string text)
    {
        const string digits = "零一二三四五六七八九";
        int total = 0, current = 0, lastUnit = int.MaxValue;
        var afterDigit = false;
        foreach (var c in text.Replace('〇', '零'))
        {
            var digit = digits.IndexOf(c);
            if (digit >= 0)
            {
                if (afterDigit && current != 0) return 0; // 二三
                current = digit;
                afterDigit = true;
                continue;
            }
            var unit = c switch { '十' => 10, '百' => 100, _ => 0 };
            if (unit == 0 || unit >= lastUnit) return 0;
            if (unit == 100 && current == 0) return 0; // 百 alone
            total += (current == 0 ? 1 : current) * unit;
            current = 0;
            afterDigit = false;
            lastUnit = unit;
        }
        return total + current;
    }

    /// <summary>1 → 一, 12 → 十二, 20 → 二十 (for messages).</summary>
    public static string ToChinese(int number)
    {
        const string digits = "零一二三四五六七八九";
        if (number < 10) return digits[number].ToString();
        if (number < 20) return "十" + (number % 10 == 0 ? "" : digits[number % 10].ToString());
        if (number < 100) return digits[number / 10] + "十" + (number % 10 == 0 ? "" : digits[number % 10].ToString());
        return number.ToString();
    }

    /// <summary>The marker a given level and number is written with: (1, 3) → "三、", (2, 2) → "（二）".</summary>
    public static string Format(int level, int number) => level switch
    {
        1 => ToChinese(number) + "、",
        2 => "（" + ToChinese(number) + "）",
        3 => number + ".",
        _ => "（" + number + "）",
    };
}
