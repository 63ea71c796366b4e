using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Publishing.Layout.Fonts;
using Publishing.Diagnostics;
using Publishing.Model;

namespace Publishing.Theming;

/// <summary>One thing wrong in a theme file, at the value it is about (in the theme's file or a form's theme.yaml).</summary>
public sealed record ThemeProblem(SourceLocation Place, string Message);

/// <summary>Every problem of a theme (PUB4105 diagnostics, each at its value), for callers that want a theme or nothing.</summary>
public sealed class ThemeInvalidException(IReadOnlyList<Diagnostic> problems) : Exception(problems.Count > 0 ? problems[0].ToString() : DiagnosticCatalog.ThemeInvalid.Title)
{
    public IReadOnlyList<Diagnostic> Problems { get; } = problems;
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

    /// <summary>The problems of a bound theme, each where its key was written (<paramref name="places"/>), else at <paramref name="themePath"/>.</summary>
    public static IReadOnlyList<ThemeProblem> Check(Theme theme, IReadOnlyDictionary<string, SourceLocation> places, string themePath)
    {
        var problems = new List<ThemeProblem>();
        void Add(string key, string message) => problems.Add(new ThemeProblem(PlaceOf(places, key, themePath), message));

        Walk(theme, "", theme, Add);
        foreach (var (name, colour) in theme.Colors)
            if (!Colour().IsMatch(colour)) Add($"colors.{name}", Say("not-a-colour", ("value", colour)));
        CheckFonts(theme, Add);
        ThemeRanges.Check(theme, Add);
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
                case int whole when whole < 0: add(path, Say("negative-whole", ("value", whole))); break;
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
        if (!double.IsFinite(number)) add(path, Say("not-a-number", ("value", number)));
        else if ((Positive.Contains(name) || Positive.Contains(path)) && number <= 0) add(path, Say("not-positive", ("name", name), ("value", Format(number))));
        else if (number < 0) add(path, Say("negative", ("name", name), ("value", Format(number))));
        else if (name.EndsWith("_pct") && number > 100) add(path, Say("over-100", ("name", name), ("value", Format(number))));
    }

    private static void CheckWord(string path, string name, string text, Theme theme, Action<string, string> add)
    {
        if (name.EndsWith("color") || name.EndsWith("background"))
        {
            if (!(name.EndsWith("background") && text.Length == 0) && !Colour().IsMatch(text))
                add(path, Say("not-a-colour", ("value", text)));
        }
        else if (name.EndsWith("align") && !Alignments.Contains(text))
            add(path, Say("not-an-alignment", ("value", text), ("choices", Alignments)));
        else if (name.EndsWith("weight") && !Weights.Contains(text))
            add(path, Say("not-a-weight", ("value", text)));
        else if (name == "font" && !theme.Fonts.ContainsKey(text))
            add(path, Say("no-such-font", ("value", text), ("fonts", theme.Fonts.Keys.Order(StringComparer.Ordinal))));
        else if (path == "pdf_standard" && Theme.ParseStandards(text) is null)
            add(path, Say("not-a-pdf-standard", ("value", text)));
        else if (path == "page.footer.position" && !FooterPositions.Contains(text))
            add(path, Say("not-a-page-number-place", ("value", text)));
    }

    private static void CheckFonts(Theme theme, Action<string, string> add)
    {
        foreach (var (family, faces) in theme.Fonts)
        {
            foreach (var (face, files) in new[] { ("regular", faces.Regular), ("bold", faces.Bold) })
            {
                if (files.Count == 0) add($"fonts.{family}", Say("no-font-file", ("family", family), ("face", face)));
                for (var i = 0; i < files.Count; i++)
                {
                    var key = $"fonts.{family}.{face}[{i}]";
                    var path = theme.ResolvePath(files[i]);
                    try
                    {
                        using var opened = FontFace.Open(path);
                    }
                    catch (FileNotFoundException)
                    {
                        add(key, Say("font-not-found", ("path", path)));
                    }
                    catch (UnauthorizedAccessException)
                    {
                        add(key, Say("font-no-permission", ("path", path)));
                    }
                    catch (Exception e) when (e is IOException or InvalidDataException)
                    {
                        add(key, FontProblem(path, e));
                    }
                }
            }
        }
        // A fallback font missing on the machine is skipped (see Theme.FallbackFonts); one present must be whole.
        for (var i = 0; i < theme.FallbackFonts.Count; i++)
        {
            var path = theme.ResolvePath(theme.FallbackFonts[i]);
            if (!File.Exists(path)) continue;
            try
            {
                using var opened = FontFace.Open(path);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                add($"fallback_fonts[{i}]", FontProblem(path, e));
            }
        }
    }

    private static string FontProblem(string path, Exception e) => e switch
    {
        TruncatedFontException t => Say("font-truncated", ("path", path), ("length", t.FileLength), ("table", t.Table), ("end", t.TableEnd)),
        UnauthorizedAccessException => Say("font-no-permission", ("path", path)),
        // The layout engine's own words (it knows no Chinese) follow in brackets for whoever maintains the fonts.
        _ => Say("font-unreadable", ("path", path), ("reason", e.Message)),
    };

    /// <summary>A problem in the catalog's PUB4105 words (the loader puts 主题文件有误： before it).</summary>
    private static string Say(string wording, params (string Name, object? Value)[] arguments) =>
        DiagnosticCatalog.ThemeInvalid[wording].Format(arguments);

    /// <summary>Where a key was written, else where its nearest written parent was (a default value was not written).</summary>
    private static SourceLocation PlaceOf(IReadOnlyDictionary<string, SourceLocation> places, string key, string themePath)
    {
        for (var k = key; ; k = k[..Math.Max(0, k.LastIndexOfAny(new[] { '.', '[' }))])
        {
            if (places.TryGetValue(k, out var place)) return place;
            if (k.Length == 0) return new SourceLocation(themePath, 0, 0);
        }
    }

    private static string Format(double number) => number.ToString("0.##", CultureInfo.InvariantCulture);
}
