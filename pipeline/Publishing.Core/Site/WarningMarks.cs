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
            .ToDictionary(g => g.Key, g => g.Select(b => (Line: b.Source!.Value.Line, b.Element)).ToList(), StringComparer.Ordinal);

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

    private static IElement? Target(Dictionary<string, List<(int Line, IElement Element)>> blocks, PageWarning warning)
    {
        if (warning.Source is null || !blocks.TryGetValue(warning.Source, out var candidates)) return null;
        IElement? best = null;
        var bestLine = int.MinValue;
        foreach (var (line, element) in candidates)
            if (line <= Math.Max(warning.Line, 1) && line > bestLine) (best, bestLine) = (element, line);
        return best ?? candidates[0].Element;
    }
}
