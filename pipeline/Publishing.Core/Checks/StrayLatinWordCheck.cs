using Publishing.Diagnostics;
using Publishing.Markdown;
using Publishing.Model;

namespace Publishing.Checks;

/// <summary>
/// PUB3011: a lower-case Latin word between Chinese characters ("督导检查 and 通报") is almost always a
/// slip of the input method. Capitalised words and acronyms (GDP, PPP, App) are left alone, and so are
/// words next to digits (10 km) or other Latin text.
/// </summary>
public sealed class StrayLatinWordCheck : IContentCheck
{
    private static readonly Dictionary<string, string> Suggestions = new(StringComparer.Ordinal)
    {
        ["and"] = "“和”或“及”", ["or"] = "“或”", ["of"] = "“的”", ["to"] = "“至”或“到”",
        ["with"] = "“与”", ["for"] = "“为”", ["the"] = "删去", ["in"] = "“在”",
    };

    public string Name => CheckRegistry.StrayLatinWords;

    public void Check(PublishingDocument document, CheckContext context, DiagnosticBag diagnostics)
    {
        foreach (var prose in ProseText.Of(document))
        {
            var text = prose.Text;
            for (var i = 0; i < text.Length; i++)
            {
                if (!IsLatin(text[i])) continue;
                var start = i;
                while (i < text.Length && IsLatin(text[i])) i++;
                var word = text[start..i];
                if (word.Any(char.IsUpper)) continue;
                var before = Neighbour(text, start - 1, -1);
                var after = Neighbour(text, i, +1);
                if (before is not { } b || after is not { } a) continue;
                if (!WideCharacters.IsWide(b) || !WideCharacters.IsWide(a)) continue;
                if (!WideCharacters.IsHan(b) && !WideCharacters.IsHan(a)) continue;

                var at = prose.At(start);
                diagnostics.Add(Suggestions.TryGetValue(word, out var suggestion)
                    ? DiagnosticCatalog.StrayLatinWord["suggested"].At(at.Path, at.Line, at.Column, ("word", word), ("suggestion", suggestion))
                    : DiagnosticCatalog.StrayLatinWord["no-suggestion"].At(at.Path, at.Line, at.Column, ("word", word)));
            }
        }
    }

    private static bool IsLatin(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';

    /// <summary>The nearest character in a direction, skipping spaces; null at the end of the text.</summary>
    private static char? Neighbour(string text, int index, int step)
    {
        for (var i = index; i >= 0 && i < text.Length; i += step)
            if (text[i] is not (' ' or '\u00A0' or '\u3000' or '\t')) return text[i];
        return null;
    }
}
