using Publishing.Diagnostics;
using Publishing.Model;

namespace Publishing.Checks;

/// <summary>
/// PUB3010: words from the typo list (templates/checks/typos.txt, which editors extend) found in the
/// narrative or in the CSV's text cells, each at its own file, line and column.
/// </summary>
public sealed class TypoCheck : IContentCheck
{
    public string Name => "typos";

    public void Check(PublishingDocument document, CheckContext context, DiagnosticBag diagnostics)
    {
        // Longer entries first, so "设法涉诉" is reported once rather than also as a shorter entry inside it.
        var typos = context.Data.Typos(diagnostics).OrderByDescending(t => t.Wrong.Length).ToList();
        if (typos.Count == 0) return;

        foreach (var prose in ProseText.Of(document))
        {
            var taken = new List<(int Start, int End)>();
            foreach (var typo in typos)
            {
                for (var index = prose.Text.IndexOf(typo.Wrong, StringComparison.Ordinal); index >= 0;
                     index = prose.Text.IndexOf(typo.Wrong, index + typo.Wrong.Length, StringComparison.Ordinal))
                {
                    var end = index + typo.Wrong.Length;
                    if (taken.Any(t => index < t.End && end > t.Start) || typo.IsExcepted(prose.Text, index)) continue;
                    taken.Add((index, end));
                    var at = prose.At(index);
                    var note = typo.Note.Length > 0 ? $"（{typo.Note}）" : "";
                    diagnostics.Warning(DiagnosticCodes.Typo, at.Path, at.Line, at.Column,
                        $"疑似写错：“{typo.Wrong}”应为“{typo.Right}”{note}。若确属原意，可在 templates/checks/typos.txt 中调整这一条。");
                }
            }
        }
    }
}
