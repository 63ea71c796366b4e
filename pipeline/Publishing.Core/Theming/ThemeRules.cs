using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Publishing.Layout.Fonts;
using YamlDotNet.Core;

namespace Publishing.Theming;

/// <summary>One thing wrong in a theme file, at the line and column of the value.</summary>
public sealed record ThemeProblem(Mark Place, string Message);

/// <summary>All the problems of a theme file; the first one's place is the exception's.</summary>
public sealed class ThemeInvalidException(IReadOnlyList<ThemeProblem> problems)
    : YamlException(problems[0].Place, problems[0].Place, problems[0].Message)
{
    public IReadOnlyList<ThemeProblem> Problems { get; } = problems;
}

/// <summary>
/// What a bound theme must satisfy before any document uses it, so that a typo is a located error
/// at load (and in `validate`) rather than an exception in the middle of rendering or text silently
/// gone. The rules follow the keys' names, so a key added to <see cref="Theme"/> is checked too:
/// *_pt, *_mm, *_em, *_pct are non-negative numbers (sizes, pitches and the text block positive,
/// percentages at most 100); *color and *background are #rgb or #rrggbb; *align, *weight and
/// footer.position take their known words; font names a family of fonts:, whose files must exist
/// and open as TrueType fonts. Page geometry is checked by the page sections themselves
/// (<see cref="IThemeChecked"/>), and reported here with the rest.
/// </summary>
public static partial class ThemeRules
{
    private static readonly HashSet<string> Alignments = new(StringComparer.OrdinalIgnoreCase) { "left", "center", "right", "justify", "center-if-one-line" };
    private static readonly HashSet<string> Weights = new(StringComparer.OrdinalIgnoreCase) { "regular", "bold" };
    private static readonly HashSet<string> FooterPositions = new(StringComparer.OrdinalIgnoreCase) { "center", "outside" };

    /// <summary>Keys that must be more than 0: a size of 0 removes the text, a pitch of 0 piles lines on each other.</summary>
    private static readonly HashSet<string> Positive = new(StringComparer.Ordinal)
        { "size_pt", "large_text_pitch", "body.line_pitch_pt", "table.line_pitch_pt" };

    [GeneratedRegex("^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")]
    private static partial Regex Colour();

    public static IReadOnlyList<ThemeProblem> Check(Theme theme, IReadOnlyDictionary<string, Mark> places)
    {
        var problems = new List<ThemeProblem>();
        void Add(string key, string message) => problems.Add(new ThemeProblem(PlaceOf(places, key), message));

        Walk(theme, "", theme, Add);
        foreach (var (name, colour) in theme.Colors)
            if (!Colour().IsMatch(colour)) Add($"colors.{name}", $"'{colour}' is not a colour: write #rgb or #rrggbb, e.g. #000000");
        CheckFonts(theme, Add);
        return problems;
    }

    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "the theme's classes (Publishing.Theming) are kept whole by ILLink.Descriptors.xml")]
    private static void Walk(object target, string key, Theme theme, Action<string, string> add)
    {
        foreach (var property in target.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var name = ThemeLoader.SnakeCase(property.Name);
            var path = key.Length == 0 ? name : $"{key}.{name}";
            if (path is "source_path" or "base_directory") continue;
            switch (property.GetValue(target))
            {
                case double number: CheckNumber(path, name, number, add); break;
                case int whole when whole < 0: add(path, $"'{whole}' should not be negative"); break;
                case string text: CheckWord(path, name, text, theme, add); break;
                case IDictionary map:
                    if (property.PropertyType.GetGenericArguments()[1] != typeof(string))
                        foreach (DictionaryEntry entry in map) Walk(entry.Value!, $"{path}.{entry.Key}", theme, add);
                    break;
                case IList: break;
                case { } nested when property.PropertyType.IsClass && property.PropertyType != typeof(string): Walk(nested, path, theme, add); break;
            }
        }
    }

    private static void CheckNumber(string path, string name, double number, Action<string, string> add)
    {
        var measured = name.EndsWith("_pt") || name.EndsWith("_mm") || name.EndsWith("_em") || name.EndsWith("_pct") || name == "large_text_pitch";
        if (!measured) return;
        if (!double.IsFinite(number)) add(path, $"'{number}' is not a number");
        else if ((Positive.Contains(name) || Positive.Contains(path)) && number <= 0) add(path, $"{name} must be more than 0 (it is {Format(number)})");
        else if (number < 0) add(path, $"{name} must not be negative (it is {Format(number)})");
        else if (name.EndsWith("_pct") && number > 100) add(path, $"{name} is a percentage: at most 100 (it is {Format(number)})");
    }

    private static void CheckWord(string path, string name, string text, Theme theme, Action<string, string> add)
    {
        if (name.EndsWith("color") || name.EndsWith("background"))
        {
            if (!(name.EndsWith("background") && text.Length == 0) && !Colour().IsMatch(text))
                add(path, $"'{text}' is not a colour: write #rgb or #rrggbb, e.g. #000000");
        }
        else if (name.EndsWith("align") && !Alignments.Contains(text))
            add(path, $"'{text}' is not an alignment: use {string.Join(", ", Alignments)}");
        else if (name.EndsWith("weight") && !Weights.Contains(text))
            add(path, $"'{text}' is not a weight: use regular or bold");
        else if (name == "font" && !theme.Fonts.ContainsKey(text))
            add(path, $"there is no font family '{text}' under fonts: (known: {string.Join(", ", theme.Fonts.Keys.Order(StringComparer.Ordinal))})");
        else if (path == "page.footer.position" && !FooterPositions.Contains(text))
            add(path, $"'{text}' is not a footer position: use center or outside");
    }

    private static void CheckFonts(Theme theme, Action<string, string> add)
    {
        foreach (var (family, faces) in theme.Fonts)
        {
            foreach (var (face, files) in new[] { ("regular", faces.Regular), ("bold", faces.Bold) })
            {
                if (files.Count == 0) add($"fonts.{family}", $"fonts.{family}.{face} names no font file");
                for (var i = 0; i < files.Count; i++)
                {
                    var key = $"fonts.{family}.{face}[{i}]";
                    try
                    {
                        using var opened = FontFace.Open(theme.ResolvePath(files[i]));
                    }
                    catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
                    {
                        add(key, e.Message);
                    }
                }
            }
        }
    }

    /// <summary>Where a key was written, else where its nearest written parent was (a default value was not written).</summary>
    private static Mark PlaceOf(IReadOnlyDictionary<string, Mark> places, string key)
    {
        for (var k = key; ; k = k[..Math.Max(0, k.LastIndexOfAny(new[] { '.', '[' }))])
        {
            if (places.TryGetValue(k, out var mark)) return mark;
            if (k.Length == 0) return Mark.Empty;
        }
    }

    private static string Format(double number) => number.ToString("0.##", CultureInfo.InvariantCulture);
}
