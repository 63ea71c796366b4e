using Publishing.Diagnostics;
using Publishing.Model;

namespace Publishing.Checks;

/// <summary>
/// PUB3010: words from the typo list (templates/checks/typos.txt, which editors extend) found in the
/// narrative or in the CSV's text cells, each at its own file, line and column.
/// </summary>
public sealed class TypoCheck : IContentCheck
{
    public string Name => CheckRegistry.Typos;

    public void Check(PublishingDocument document, CheckContext context, DiagnosticBag diagnostics) =>
        Report(document, context.Data.Typos(diagnostics, document.Form), (at, found, suggested, note) =>
            diagnostics.Add(DiagnosticCatalog.Typo.At(at.Path, at.Line, at.Column, ("found", found), ("suggested", suggested), ("note", note))));

    /// <summary>
    /// Every match of a list's entries in the document's prose, each reported once at its first character with
    /// the matched text, the suggestion and the entry's note (in brackets, or empty). Longer entries first, so
    /// "设法涉诉" is reported once rather than also as a shorter entry inside it.
    /// </summary>
    internal static void Report(PublishingDocument document, IReadOnlyList<CheckData.TypoEntry> entries,
        Action<SourceLocation, string, string, string> report)
    {
        var ordered = entries.OrderByDescending(e => e.Wrong.Length).ToList();
        if (ordered.Count == 0) return;
        foreach (var prose in ProseText.Of(document))
        {
            var taken = new List<(int Start, int End)>();
            foreach (var entry in ordered)
            {
                foreach (var (start, end, suggested) in entry.FindIn(prose.Text))
                {
                    if (taken.Any(t => start < t.End && end > t.Start)) continue;
                    taken.Add((start, end));
                    report(prose.At(start), prose.Text[start..end], suggested, entry.Note.Length > 0 ? $"（{entry.Note}）" : "");
                }
            }
        }
    }
}
