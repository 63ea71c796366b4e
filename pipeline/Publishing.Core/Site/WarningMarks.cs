using AngleSharp.Dom;

namespace Publishing.Site;

/// <summary>A check warning as the document page's panel lists it; <see cref="Target"/> is the id of the block it concerns.</summary>
public sealed record MarkedWarning(string Location, string Code, string Message, string? Target);

/// <summary>
/// The document's check warnings on its page: each finds the block it concerns (the element whose data-src is
/// the nearest at or before the warning's line in the same file), which is marked and given an id for the
/// panel's link (the panel itself is in templates/site/document-page.html.sbn).
/// </summary>
internal static class WarningMarks
{
    public static IReadOnlyList<MarkedWarning> Apply(IElement content, IReadOnlyList<PageWarning> warnings)
    {
        if (warnings.Count == 0) return Array.Empty<MarkedWarning>();
        var blocks = content.QuerySelectorAll("[data-src]")
            .Select(e => (Element: e, Source: Model.SourceLocation.Parse(e.GetAttribute("data-src"))))
            .Where(b => b.Source is not null)
            .GroupBy(b => b.Source!.Value.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new Blocks(g.Select(b => b.Source!.Value.Line).ToArray(), g.Select(b => b.Element).ToArray()), StringComparer.Ordinal);

        var marked = new List<MarkedWarning>();
        var targets = 0;
        foreach (var warning in warnings)
        {
            var target = Target(blocks, warning);
            if (target is not null)
            {
                if (string.IsNullOrEmpty(target.Id)) target.Id = $"warning-target-{++targets}";
                target.ClassList.Add("has-warning");
                var codes = target.GetAttribute("data-warnings");
                target.SetAttribute("data-warnings", codes is null ? warning.Code : codes + " " + warning.Code);
            }
            marked.Add(new MarkedWarning(warning.Location, warning.Code, warning.Message, target?.Id));
        }
        return marked;
    }

    private static IElement? Target(Dictionary<string, Blocks> blocks, PageWarning warning) =>
        warning.Source is not null && blocks.TryGetValue(warning.Source, out var file) ? file.AtOrBefore(Math.Max(warning.Line, 1)) : null;

    /// <summary>
    /// A file's blocks, also ordered by line (in document order among equal lines), so each warning finds its block
    /// by a binary search: a page with tens of thousands of blocks and warnings is marked in linear-logarithmic time.
    /// </summary>
    private sealed class Blocks
    {
        private readonly IElement[] _inDocumentOrder;
        private readonly int[] _lines;
        private readonly IElement[] _byLine;

        public Blocks(int[] lines, IElement[] elements)
        {
            _inDocumentOrder = elements;
            var order = Enumerable.Range(0, lines.Length).OrderBy(i => lines[i]).ThenBy(i => i).ToArray();   // stable by line
            _lines = order.Select(i => lines[i]).ToArray();
            _byLine = order.Select(i => elements[i]).ToArray();
        }

        /// <summary>The first block (in document order) of the greatest line at or before <paramref name="line"/>; else the file's first block.</summary>
        public IElement AtOrBefore(int line)
        {
            var after = UpperBound(line);   // first index whose line is past it
            if (after == 0) return _inDocumentOrder[0];
            return _byLine[UpperBound(_lines[after - 1] - 1)];
        }

        private int UpperBound(int line)
        {
            int low = 0, high = _lines.Length;
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (_lines[middle] <= line) low = middle + 1; else high = middle;
            }
            return low;
        }
    }
}
