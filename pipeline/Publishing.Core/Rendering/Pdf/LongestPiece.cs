using AngleSharp.Dom;
using Publishing.Model;

namespace Publishing.Rendering.Pdf;

/// <summary>
/// The piece of a document that takes the most pages, from one anchored element (a heading, a project's table) to the
/// next in document order, by the printed page numbers the layout gave them: where a document near its page limit
/// (PUB6010) is located, since that is where an editor looks for the pasted block or the rows that made it long.
/// </summary>
internal static class LongestPiece
{
    /// <returns>Where the piece starts (the content it shows, else the template line that wrote it), its first page and
    /// how many pages it takes; null when no anchor landed on a numbered page.</returns>
    public static (SourceLocation At, int First, int Pages)? Find(IDocument html, PdfPages pages)
    {
        IElement? best = null;
        int bestFirst = 0, bestPages = 0;
        IElement? previous = null;
        var previousFirst = 0;
        void Close(int next)
        {
            if (previous is null || next - previousFirst <= bestPages) return;
            (best, bestFirst, bestPages) = (previous, previousFirst, next - previousFirst);
        }
        foreach (var element in html.QuerySelectorAll("[id]"))
        {
            if (!pages.Anchors.TryGetValue(element.Id!, out var first) || first == previousFirst && previous is not null) continue;
            Close(first);
            (previous, previousFirst) = (element, first);
        }
        Close(pages.LastNumber + 1);
        if (best is null) return null;
        var source = BlockSource.Of(best);
        return (source.Content ?? source.At, bestFirst, bestPages);
    }
}
