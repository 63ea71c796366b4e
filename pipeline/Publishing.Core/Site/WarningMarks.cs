using AngleSharp.Dom;

namespace Publishing.Site;

/// <summary>
/// The document's check warnings on its page: a panel listing them, each linking to the block it concerns
/// (the element whose data-src is the nearest at or before the warning's line in the same file), and a mark
/// on that block.
/// </summary>
internal static class WarningMarks
{
    public static IElement? Apply(IDocument document, IElement main, IReadOnlyList<PageWarning> warnings)
    {
        if (warnings.Count == 0) return null;
        var blocks = main.QuerySelectorAll("[data-src]")
            .Select(e => (Element: e, Source: Model.SourceLocation.Parse(e.GetAttribute("data-src"))))
            .Where(b => b.Source is not null)
            .GroupBy(b => b.Source!.Value.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(b => (Line: b.Source!.Value.Line, b.Element)).ToList(), StringComparer.Ordinal);

        var panel = PreviewPage.Element(document, "section", "warnings-panel");
        panel.Id = "warnings";
        panel.SetAttribute("aria-labelledby", "warnings-title");
        var title = document.CreateElement("h2");
        title.Id = "warnings-title";
        title.TextContent = $"检查警告（{warnings.Count}）";
        panel.AppendChild(title);
        var list = document.CreateElement("ol");
        var targets = 0;
        foreach (var warning in warnings)
        {
            var item = document.CreateElement("li");
            var target = Target(blocks, warning);
            if (target is not null)
            {
                if (string.IsNullOrEmpty(target.Id)) target.Id = $"warning-target-{++targets}";
                target.ClassList.Add("has-warning");
                var codes = target.GetAttribute("data-warnings");
                target.SetAttribute("data-warnings", codes is null ? warning.Code : codes + " " + warning.Code);
                var link = document.CreateElement("a");
                link.SetAttribute("href", "#" + target.Id);
                link.TextContent = warning.Location;
                item.AppendChild(link);
            }
            else
            {
                var location = document.CreateElement("span");
                location.TextContent = warning.Location;
                item.AppendChild(location);
            }
            item.AppendChild(document.CreateTextNode($" {warning.Code}：{warning.Message}"));
            list.AppendChild(item);
        }
        panel.AppendChild(list);
        return panel;
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
