using Publishing.Diagnostics;
using Publishing.Markdown;
using Publishing.Model;

namespace Publishing.Checks;

/// <summary>
/// PUB3013: half-width , ; : ( ) between Chinese characters, where official text uses the full-width
/// ，；：（）. Next to digits or Latin text (10:30, a,b) they are left alone.
/// </summary>
public sealed class HalfWidthPunctuationCheck : IContentCheck
{
    private static readonly Dictionary<char, char> FullWidth = new()
    {
        [','] = '，', [';'] = '；', [':'] = '：', ['('] = '（', [')'] = '）',
    };

    public string Name => CheckRegistry.HalfWidthPunctuation;

    public void Check(PublishingDocument document, CheckContext context, DiagnosticBag diagnostics)
    {
        foreach (var prose in ProseText.Of(document))
        {
            var text = prose.Text;
            for (var i = 0; i < text.Length; i++)
            {
                if (!FullWidth.TryGetValue(text[i], out var full)) continue;
                if (!IsChinese(Neighbour(text, i - 1, -1)) || !IsChinese(Neighbour(text, i + 1, +1))) continue;
                var at = prose.At(i);
                diagnostics.Add(DiagnosticCatalog.HalfWidthPunctuation.At(at.Path, at.Line, at.Column, ("half", text[i]), ("full", full)));
            }
        }
    }

    private static bool IsChinese(char? c) => c is { } ch && WideCharacters.IsWide(ch) && !FullWidth.ContainsKey(ch);

    private static char? Neighbour(string text, int index, int step)
    {
        for (var i = index; i >= 0 && i < text.Length; i += step)
            if (text[i] is not (' ' or '\u00A0')) return text[i];
        return null;
    }
}
