using Publishing.Diagnostics;
using Publishing.Model;

namespace Publishing.Checks;

/// <summary>
/// PUB3012: paired punctuation （）《》“”「」【】 must open and close within the same paragraph or cell.
/// A half-width bracket pairs with a full-width one here (the half-width check reports the mix);
/// an enumerator such as "1)" at the very start is not a stray bracket.
/// </summary>
public sealed class PairedPunctuationCheck : IContentCheck
{
    private static readonly Dictionary<char, char> Openers = new()
    {
        ['（'] = '）', ['('] = '）', ['《'] = '》', ['“'] = '”', ['「'] = '」', ['【'] = '】',
    };

    private static readonly Dictionary<char, char> Closers = new()
    {
        ['）'] = '（', [')'] = '（', ['》'] = '《', ['”'] = '“', ['」'] = '「', ['】'] = '【',
    };

    public string Name => CheckRegistry.PairedPunctuation;

    public void Check(PublishingDocument document, CheckContext context, DiagnosticBag diagnostics)
    {
        foreach (var prose in ProseText.Of(document))
            CheckText(prose, diagnostics);
    }

    private static void CheckText(ProseText prose, DiagnosticBag diagnostics)
    {
        var text = prose.Text;
        var open = new List<(char Canonical, int Index)>();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (Openers.TryGetValue(c, out var closer))
            {
                open.Add((closer, i));
                continue;
            }
            if (!Closers.TryGetValue(c, out var opener)) continue;
            var canonical = Openers[opener];
            var match = open.FindLastIndex(o => o.Canonical == canonical);
            if (match < 0)
            {
                if (IsEnumerator(text, i)) continue;
                var at = prose.At(i);
                diagnostics.Add(DiagnosticCatalog.UnbalancedPunctuation["extra-closer"].At(at.Path, at.Line, at.Column, ("closer", c), ("opener", opener)));
                continue;
            }
            for (var j = open.Count - 1; j > match; j--) Unclosed(prose, open[j], diagnostics);
            open.RemoveRange(match, open.Count - match);
        }
        foreach (var item in open) Unclosed(prose, item, diagnostics);
    }

    private static void Unclosed(ProseText prose, (char Canonical, int Index) item, DiagnosticBag diagnostics)
    {
        var at = prose.At(item.Index);
        diagnostics.Add(DiagnosticCatalog.UnbalancedPunctuation["unclosed"].At(at.Path, at.Line, at.Column, ("opener", prose.Text[item.Index]), ("closer", item.Canonical)));
    }

    /// <summary>"1)", "a)", "一）" at the start of a text: a list marker, not a bracket.</summary>
    private static bool IsEnumerator(string text, int index)
    {
        var head = text[..index].TrimStart();
        return head.Length is > 0 and <= 3 && head.All(c => char.IsAsciiLetterOrDigit(c) || "一二三四五六七八九十".Contains(c));
    }
}
