using System.Globalization;
using System.Text;

namespace Publishing.Content.Workbooks;

/// <summary>
/// Shows a number as Excel shows it under a cell's number format, so a workbook reads like the CSV Excel would
/// have saved: 0.95 under 0% is "95%", 60 under 0.00 is "60.00", 1234.5 under #,##0.00 is "1,234.50", a date
/// serial under yyyy"年"m"月"d"日" is "2023年10月1日". Hand-written because the Open XML SDK reads a format's
/// code but does not apply it, and the format libraries on offer either pull in a runtime we do not ship or
/// format through the machine's culture; this one is invariant (the same bytes on every machine) and covers
/// what a budget workbook uses: the built-in formats as a Chinese Excel shows them, and custom codes with
/// sections (positive;negative;zero;text), digit placeholders 0 # ?, thousands separators and scaling commas,
/// percent, scientific notation, quoted and escaped literals, colours and locale tags (ignored), and dates and
/// times (y m d h s, AM/PM and 上午/下午, [h]). Fractions (# ?/?) are shown as General.
/// </summary>
public static class NumberFormats
{
    /// <summary>The built-in formats (ids without a numFmt element), as a Chinese (zh-CN) Excel displays them.</summary>
    private static readonly Dictionary<int, string> BuiltIn = new()
    {
        [0] = "General", [1] = "0", [2] = "0.00", [3] = "#,##0", [4] = "#,##0.00",
        [5] = "¥#,##0;¥-#,##0", [6] = "¥#,##0;[Red]¥-#,##0", [7] = "¥#,##0.00;¥-#,##0.00", [8] = "¥#,##0.00;[Red]¥-#,##0.00",
        [9] = "0%", [10] = "0.00%", [11] = "0.00E+00", [12] = "# ?/?", [13] = "# ??/??",
        [14] = "yyyy/m/d", [15] = "d-mmm-yy", [16] = "d-mmm", [17] = "mmm-yy",
        [18] = "h:mm AM/PM", [19] = "h:mm:ss AM/PM", [20] = "h:mm", [21] = "h:mm:ss", [22] = "yyyy/m/d h:mm",
        [27] = "yyyy\"年\"m\"月\"", [28] = "m\"月\"d\"日\"", [29] = "m\"月\"d\"日\"", [30] = "m-d-yy",
        [31] = "yyyy\"年\"m\"月\"d\"日\"", [32] = "h\"时\"mm\"分\"", [33] = "h\"时\"mm\"分\"ss\"秒\"",
        [34] = "上午/下午h\"时\"mm\"分\"", [35] = "上午/下午h\"时\"mm\"分\"ss\"秒\"", [36] = "yyyy\"年\"m\"月\"",
        [37] = "#,##0 ;(#,##0)", [38] = "#,##0 ;[Red](#,##0)", [39] = "#,##0.00;(#,##0.00)", [40] = "#,##0.00;[Red](#,##0.00)",
        [45] = "mm:ss", [46] = "[h]:mm:ss", [47] = "mm:ss.0", [48] = "##0.0E+0", [49] = "@",
        [50] = "yyyy\"年\"m\"月\"", [51] = "m\"月\"d\"日\"", [52] = "yyyy\"年\"m\"月\"", [53] = "m\"月\"d\"日\"", [54] = "m\"月\"d\"日\"",
        [55] = "上午/下午h\"时\"mm\"分\"", [56] = "上午/下午h\"时\"mm\"分\"ss\"秒\"", [57] = "yyyy\"年\"m\"月\"", [58] = "m\"月\"d\"日\"",
    };

    /// <summary>The code of a built-in format id; General for an id Excel does not define.</summary>
    public static string BuiltInCode(int id) => BuiltIn.TryGetValue(id, out var code) ? code : "General";

    /// <summary>The number as the format shows it. <paramref name="date1904"/>: the workbook counts days from 1904.</summary>
    public static string Format(double value, string code, bool date1904 = false)
    {
        if (double.IsNaN(value) || double.IsInfinity(value)) return "#NUM!";
        var sections = Sections(code);
        var (section, signless) = Choose(sections, value);
        var tokens = Tokenize(section);
        if (tokens.Count == 0) return signless ? "" : General(value);
        if (tokens.Any(t => t.Kind == TokenKind.Date)) return FormatDate(value, tokens, date1904);
        if (tokens.Any(t => t.Kind == TokenKind.General) || (tokens.Any(t => t.Kind == TokenKind.Text) && !tokens.Any(t => t.Kind == TokenKind.Digit))) return Literals(tokens, General(signless ? Math.Abs(value) : value));
        if (!tokens.Any(t => t.Kind == TokenKind.Digit) || section.Contains('/'))
        {
            // A section of only literals ("-" for zero) prints them; a fraction is shown as General.
            return section.Contains('/') ? General(value) : Literals(tokens, "");
        }
        return FormatNumber(signless ? Math.Abs(value) : value, tokens, allowSign: !signless);
    }

    /// <summary>Excel's General: the shortest form up to 15 significant digits, scientific only for the very large or small.</summary>
    public static string General(double value)
    {
        if (value == 0) return "0";
        var abs = Math.Abs(value);
        if (abs is >= 1e15 or < 1e-9) return value.ToString("0.#####E+00", CultureInfo.InvariantCulture);
        var rounded = double.Parse(value.ToString("G15", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return ((decimal)rounded).ToString(CultureInfo.InvariantCulture) is var text && text.Contains('.')
            ? text.TrimEnd('0').TrimEnd('.')
            : text;
    }

    /// <summary>Whether a format shows a date or time (so a cell under it is a date, not a number).</summary>
    public static bool IsDate(string code) => Tokenize(Sections(code)[0]).Any(t => t.Kind == TokenKind.Date);

    private enum TokenKind { Literal, Digit, Point, Thousands, Percent, Exponent, Date, General, Text }

    private readonly record struct Token(TokenKind Kind, string Text);

    /// <summary>The code's sections, split at the semicolons that are not quoted, escaped or bracketed.</summary>
    private static List<string> Sections(string code)
    {
        var sections = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (c == '"')
            {
                var end = code.IndexOf('"', i + 1);
                if (end < 0) end = code.Length - 1;
                current.Append(code, i, end - i + 1);
                i = end;
            }
            else if (c == '\\' && i + 1 < code.Length) { current.Append(c).Append(code[++i]); }
            else if (c == '[')
            {
                var end = code.IndexOf(']', i + 1);
                if (end < 0) end = code.Length - 1;
                current.Append(code, i, end - i + 1);
                i = end;
            }
            else if (c == ';') { sections.Add(current.ToString()); current.Clear(); }
            else current.Append(c);
        }
        sections.Add(current.ToString());
        return sections;
    }

    /// <summary>The section that applies to the value (by [condition] when there are any), and whether it drops the sign.</summary>
    private static (string Section, bool Signless) Choose(List<string> sections, double value)
    {
        var conditional = sections.Select(Condition).ToList();
        if (conditional.Any(c => c is not null))
        {
            for (var i = 0; i < Math.Min(sections.Count, 3); i++)
                if (conditional[i] is { } test && test(value)) return (sections[i], i > 0 && value < 0);
            // No condition met: the first section without one, or General.
            var plain = Enumerable.Range(0, Math.Min(sections.Count, 3)).FirstOrDefault(i => conditional[i] is null, -1);
            return plain < 0 ? ("General", false) : (sections[plain], value < 0);
        }
        return sections.Count switch
        {
            1 => (sections[0], false),
            2 => value < 0 ? (sections[1], true) : (sections[0], false),
            _ => value < 0 ? (sections[1], true) : value == 0 ? (sections[2], true) : (sections[0], false),
        };
    }

    private static Func<double, bool>? Condition(string section)
    {
        var start = section.IndexOf('[');
        while (start >= 0)
        {
            var end = section.IndexOf(']', start);
            if (end < 0) return null;
            var inner = section[(start + 1)..end];
            var op = new string(inner.TakeWhile(c => c is '<' or '>' or '=').ToArray());
            if (op.Length > 0 && double.TryParse(inner[op.Length..], NumberStyles.Float, CultureInfo.InvariantCulture, out var limit))
                return op switch
                {
                    "<" => v => v < limit, "<=" => v => v <= limit, ">" => v => v > limit, ">=" => v => v >= limit,
                    "<>" => v => v != limit, _ => v => v == limit,
                };
            start = section.IndexOf('[', end);
        }
        return null;
    }

    private static List<Token> Tokenize(string section)
    {
        var tokens = new List<Token>();
        var lower = section.ToLowerInvariant();
        for (var i = 0; i < section.Length; i++)
        {
            var c = section[i];
            switch (c)
            {
                case '"':
                    var end = section.IndexOf('"', i + 1);
                    if (end < 0) end = section.Length;
                    tokens.Add(new Token(TokenKind.Literal, section[(i + 1)..end]));
                    i = end;
                    break;
                case '\\':
                    if (i + 1 < section.Length) tokens.Add(new Token(TokenKind.Literal, section[++i].ToString()));
                    break;
                case '_':
                    // Space the width of the next character (alignment of positives with "(…)" negatives).
                    if (i + 1 < section.Length) i++;
                    tokens.Add(new Token(TokenKind.Literal, " "));
                    break;
                case '*':
                    if (i + 1 < section.Length) i++; // fill to the column's width: nothing in a value
                    break;
                case '[':
                    var close = section.IndexOf(']', i);
                    if (close < 0) close = section.Length - 1;
                    var inner = section[(i + 1)..close];
                    if (inner.Length > 0 && "hms".Contains(char.ToLowerInvariant(inner[0])) && inner.All(ch => char.ToLowerInvariant(ch) == char.ToLowerInvariant(inner[0])))
                        tokens.Add(new Token(TokenKind.Date, "[" + inner.ToLowerInvariant() + "]"));
                    else if (inner.StartsWith('$'))
                    {
                        // [$¥-804]: a currency symbol before the locale; [$-804]: a locale alone.
                        var symbol = inner[1..].Split('-')[0];
                        if (symbol.Length > 0) tokens.Add(new Token(TokenKind.Literal, symbol));
                    }
                    i = close;
                    break;
                case '0' or '#' or '?':
                    tokens.Add(new Token(TokenKind.Digit, c.ToString()));
                    break;
                case '.':
                    tokens.Add(new Token(TokenKind.Point, "."));
                    break;
                case ',':
                    tokens.Add(new Token(TokenKind.Thousands, ","));
                    break;
                case '%':
                    tokens.Add(new Token(TokenKind.Percent, "%"));
                    break;
                case '@':
                    tokens.Add(new Token(TokenKind.Text, "@"));
                    break;
                case 'E' or 'e' when i + 1 < section.Length && section[i + 1] is '+' or '-':
                    tokens.Add(new Token(TokenKind.Exponent, section.Substring(i, 2)));
                    i++;
                    break;
                default:
                    if (lower.AsSpan(i).StartsWith("general"))
                    {
                        tokens.Add(new Token(TokenKind.General, ""));
                        i += 6;
                    }
                    else if (lower.AsSpan(i).StartsWith("am/pm") || lower.AsSpan(i).StartsWith("上午/下午"))
                    {
                        tokens.Add(new Token(TokenKind.Date, lower.AsSpan(i).StartsWith("am/pm") ? "am/pm" : "上午/下午"));
                        i += 4;
                    }
                    else if (lower.AsSpan(i).StartsWith("a/p"))
                    {
                        tokens.Add(new Token(TokenKind.Date, "a/p"));
                        i += 2;
                    }
                    else if ("ymdhsa".Contains(char.ToLowerInvariant(c)) && !(char.ToLowerInvariant(c) == 'a' && !lower.AsSpan(i).StartsWith("aaa")))
                    {
                        var run = 1;
                        while (i + run < section.Length && char.ToLowerInvariant(section[i + run]) == char.ToLowerInvariant(c)) run++;
                        tokens.Add(new Token(TokenKind.Date, lower.Substring(i, run)));
                        i += run - 1;
                    }
                    else tokens.Add(new Token(TokenKind.Literal, c.ToString()));
                    break;
            }
        }
        // A point after seconds is their fraction (ss.0), not a number's decimal point.
        for (var i = 1; i < tokens.Count; i++)
            if (tokens[i].Kind == TokenKind.Point && tokens[i - 1] is { Kind: TokenKind.Date } previous && previous.Text.StartsWith('s'))
            {
                var digits = 0;
                while (i + 1 + digits < tokens.Count && tokens[i + 1 + digits] is { Kind: TokenKind.Digit, Text: "0" }) digits++;
                tokens.RemoveRange(i, 1 + digits);
                tokens.Insert(i, new Token(TokenKind.Date, "." + new string('0', digits)));
            }
        return tokens;
    }

    private static string Literals(List<Token> tokens, string value)
    {
        var text = new StringBuilder();
        var placed = false;
        foreach (var token in tokens)
        {
            if (token.Kind is TokenKind.General or TokenKind.Text && !placed) { text.Append(value); placed = true; }
            else if (token.Kind == TokenKind.Literal) text.Append(token.Text);
        }
        return placed ? text.ToString() : text.Append(value).ToString();
    }

    private static string FormatNumber(double value, List<Token> tokens, bool allowSign)
    {
        var pointAt = tokens.FindIndex(t => t.Kind == TokenKind.Point);
        var exponentAt = tokens.FindIndex(t => t.Kind == TokenKind.Exponent);
        var firstDigit = tokens.FindIndex(t => t.Kind == TokenKind.Digit);
        var mantissaEnd = exponentAt >= 0 ? exponentAt : tokens.Count;
        var integerEnd = pointAt >= 0 && pointAt < mantissaEnd ? pointAt : mantissaEnd;

        // Commas right after the last integer or decimal placeholder divide by 1000 each; a comma between
        // integer placeholders asks for thousands separators.
        var lastMantissaDigit = tokens.FindLastIndex(mantissaEnd - 1, mantissaEnd, t => t.Kind == TokenKind.Digit);
        var scale = 0;
        for (var i = lastMantissaDigit + 1; i < mantissaEnd && tokens[i].Kind == TokenKind.Thousands; i++) scale++;
        var grouping = Enumerable.Range(0, integerEnd).Any(i => tokens[i].Kind == TokenKind.Thousands && i > firstDigit
            && Enumerable.Range(i + 1, integerEnd - i - 1).Any(j => tokens[j].Kind == TokenKind.Digit));
        var percents = tokens.Count(t => t.Kind == TokenKind.Percent);

        var number = (decimal)Math.Abs(value);
        for (var i = 0; i < percents; i++) number *= 100;
        for (var i = 0; i < scale; i++) number /= 1000;
        var negative = value < 0;

        var integerPlaces = tokens.Take(integerEnd).Where(t => t.Kind == TokenKind.Digit).Select(t => t.Text[0]).ToList();
        var fractionPlaces = pointAt >= 0 && pointAt < mantissaEnd
            ? tokens.Skip(pointAt + 1).Take(mantissaEnd - pointAt - 1).Where(t => t.Kind == TokenKind.Digit).Select(t => t.Text[0]).ToList()
            : new List<char>();

        var exponentText = "";
        if (exponentAt >= 0)
        {
            var exponent = 0;
            if (number != 0)
            {
                // Engineering formats (##0.0E+0) keep the exponent a multiple of the integer placeholders.
                var step = Math.Max(1, integerPlaces.Count > 1 && integerPlaces[0] == '#' ? integerPlaces.Count : 1);
                exponent = (int)Math.Floor(Math.Log10((double)number));
                exponent = (int)Math.Floor(exponent / (double)step) * step;
                if (step == 1 && integerPlaces.Count > 1) exponent -= integerPlaces.Count - 1;
                number = (decimal)((double)number / Math.Pow(10, exponent));
            }
            var exponentPlaces = tokens.Skip(exponentAt + 1).Count(t => t.Kind == TokenKind.Digit);
            var sign = exponent < 0 ? "-" : tokens[exponentAt].Text[1] == '+' ? "+" : "";
            exponentText = tokens[exponentAt].Text[0] + sign + Math.Abs(exponent).ToString(new string('0', Math.Max(1, exponentPlaces)), CultureInfo.InvariantCulture);
        }

        var rounded = Math.Round(number, fractionPlaces.Count, MidpointRounding.AwayFromZero);
        var integerDigits = decimal.Truncate(rounded).ToString(CultureInfo.InvariantCulture);
        if (integerDigits == "0") integerDigits = "";
        var fractionDigits = (rounded - decimal.Truncate(rounded)).ToString("F" + fractionPlaces.Count, CultureInfo.InvariantCulture);
        fractionDigits = fractionPlaces.Count == 0 ? "" : fractionDigits[(fractionDigits.IndexOf('.') + 1)..];
        if (rounded == 0) negative = false;

        var integerText = FillInteger(integerDigits, integerPlaces, grouping);
        var fractionText = FillFraction(fractionDigits, fractionPlaces);

        var text = new StringBuilder();
        if (negative && allowSign) text.Append('-');
        var integerWritten = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            switch (token.Kind)
            {
                case TokenKind.Literal: text.Append(token.Text); break;
                case TokenKind.Percent: text.Append('%'); break;
                case TokenKind.Text: break;
                case TokenKind.Point when i == pointAt: text.Append('.'); text.Append(fractionText); break;
                case TokenKind.Digit when i < integerEnd && !integerWritten:
                    text.Append(integerText);
                    integerWritten = true;
                    break;
                case TokenKind.Exponent: text.Append(exponentText); i = tokens.FindLastIndex(t => t.Kind == TokenKind.Digit); break;
            }
        }
        if (!integerWritten && integerText.Length > 0) text.Insert(negative && allowSign ? 1 : 0, integerText);
        return text.ToString();
    }

    /// <summary>The integer digits in their placeholders: 0 shows a zero, # nothing, ? a space where the number has no digit.</summary>
    private static string FillInteger(string digits, List<char> places, bool grouping)
    {
        var required = places.Count(p => p == '0');
        var spaces = places.Count(p => p == '?');
        var padded = digits.Length >= required ? digits : new string('0', required - digits.Length) + digits;
        if (grouping && padded.Length > 3)
        {
            var grouped = new StringBuilder();
            for (var i = 0; i < padded.Length; i++)
            {
                if (i > 0 && (padded.Length - i) % 3 == 0) grouped.Append(',');
                grouped.Append(padded[i]);
            }
            padded = grouped.ToString();
        }
        if (padded.Length == 0 && spaces > 0) padded = new string(' ', Math.Min(spaces, places.Count));
        return padded;
    }

    private static string FillFraction(string digits, List<char> places)
    {
        var chars = digits.ToCharArray();
        for (var i = chars.Length - 1; i >= 0 && chars[i] == '0'; i--)
        {
            if (places[i] == '0') break;
            chars[i] = places[i] == '?' ? ' ' : '\0';
        }
        return new string(chars.Where(c => c != '\0').ToArray());
    }

    private static readonly string[] WeekdaysShort = { "日", "一", "二", "三", "四", "五", "六" };
    private static readonly string[] MonthsShort = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
    private static readonly string[] MonthsLong = { "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December" };
    private static readonly string[] DaysShort = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
    private static readonly string[] DaysLong = { "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday" };

    private static string FormatDate(double serial, List<Token> tokens, bool date1904)
    {
        if (serial < 0 || serial > 2958465) return new string('#', 8); // what Excel shows for a date it cannot
        var hasFraction = tokens.Any(t => t.Kind == TokenKind.Date && t.Text.StartsWith('.'));
        var days = serial + (date1904 ? 1462 : 0);
        // Excel's 1900 calendar has a 29 February 1900 (serial 60); dates before it are a day off from OLE dates.
        var date = days < 60 ? DateTime.FromOADate(days + 1) : DateTime.FromOADate(days);
        var ticks = date.Ticks;
        if (!hasFraction) ticks = (long)Math.Round(ticks / (double)TimeSpan.TicksPerSecond, MidpointRounding.AwayFromZero) * TimeSpan.TicksPerSecond;
        date = new DateTime(ticks);
        var twelveHour = tokens.Any(t => t.Text is "am/pm" or "a/p" or "上午/下午");

        var text = new StringBuilder();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind != TokenKind.Date) { if (token.Kind is TokenKind.Literal) text.Append(token.Text); else if (token.Kind != TokenKind.Text) text.Append(token.Text); continue; }
            var t = token.Text;
            switch (t[0])
            {
                case 'y':
                    text.Append(t.Length <= 2 ? (date.Year % 100).ToString("00", CultureInfo.InvariantCulture) : date.Year.ToString(CultureInfo.InvariantCulture));
                    break;
                case 'm':
                    if (IsMinute(tokens, i)) text.Append(t.Length == 1 ? date.Minute.ToString(CultureInfo.InvariantCulture) : date.Minute.ToString("00", CultureInfo.InvariantCulture));
                    else text.Append(t.Length switch
                    {
                        1 => date.Month.ToString(CultureInfo.InvariantCulture),
                        2 => date.Month.ToString("00", CultureInfo.InvariantCulture),
                        3 => MonthsShort[date.Month - 1],
                        5 => MonthsShort[date.Month - 1][..1],
                        _ => MonthsLong[date.Month - 1],
                    });
                    break;
                case 'd':
                    text.Append(t.Length switch
                    {
                        1 => date.Day.ToString(CultureInfo.InvariantCulture),
                        2 => date.Day.ToString("00", CultureInfo.InvariantCulture),
                        3 => DaysShort[(int)date.DayOfWeek],
                        _ => DaysLong[(int)date.DayOfWeek],
                    });
                    break;
                case 'a' when t.StartsWith("aaa"):
                    text.Append(t.Length == 3 ? WeekdaysShort[(int)date.DayOfWeek] : "星期" + WeekdaysShort[(int)date.DayOfWeek]);
                    break;
                case 'h':
                    var hour = twelveHour ? (date.Hour % 12 == 0 ? 12 : date.Hour % 12) : date.Hour;
                    text.Append(t.Length == 1 ? hour.ToString(CultureInfo.InvariantCulture) : hour.ToString("00", CultureInfo.InvariantCulture));
                    break;
                case 's':
                    text.Append(t.Length == 1 ? date.Second.ToString(CultureInfo.InvariantCulture) : date.Second.ToString("00", CultureInfo.InvariantCulture));
                    break;
                case '.':
                    var fraction = (date.Ticks % TimeSpan.TicksPerSecond) / (double)TimeSpan.TicksPerSecond;
                    text.Append(Math.Round(fraction, t.Length - 1).ToString("F" + (t.Length - 1), CultureInfo.InvariantCulture)[1..]);
                    break;
                case '[':
                    var elapsed = (serial) * 24;
                    var total = t[1] switch { 'h' => Math.Floor(elapsed), 'm' => Math.Floor(elapsed * 60), _ => Math.Round(elapsed * 3600) };
                    text.Append(((long)total).ToString(new string('0', t.Length - 2), CultureInfo.InvariantCulture));
                    break;
                default:
                    text.Append(t switch
                    {
                        "am/pm" => date.Hour < 12 ? "AM" : "PM",
                        "a/p" => date.Hour < 12 ? "A" : "P",
                        "上午/下午" => date.Hour < 12 ? "上午" : "下午",
                        _ => t,
                    });
                    break;
            }
        }
        return text.ToString();
    }

    /// <summary>m is minutes right after an hour or right before a second (skipping literals), months otherwise.</summary>
    private static bool IsMinute(List<Token> tokens, int index)
    {
        if (tokens[index].Text.Length > 2) return false;
        for (var i = index - 1; i >= 0; i--)
            if (tokens[i].Kind == TokenKind.Date) { if (tokens[i].Text[0] is 'h' or '[') return true; break; }
        for (var i = index + 1; i < tokens.Count; i++)
            if (tokens[i].Kind == TokenKind.Date) return tokens[i].Text[0] == 's' || tokens[i].Text.StartsWith("[s");
        return false;
    }
}
