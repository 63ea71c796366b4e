using AngleSharp.Dom;

namespace Publishing.Site;

/// <summary>
/// Tables as a screen reader and a phone need them: th with scope, a caption, and a box that scrolls
/// sideways on its own (keyboard-focusable) with the cells of the first column marked to stay in view. The box is
/// one of the page's insertions (written around the table, not inserted into the tree) and a section's heading is
/// looked up once, so a section of thousands of tables takes time in proportion to them.
/// </summary>
internal static class TableAccessibility
{
    public static void Apply(IDocument document, PageInsertions insertions)
    {
        var number = 0;
        var headings = (Projects: new Dictionary<IElement, string?>(ReferenceEqualityComparer.Instance), Sections: new Dictionary<IElement, string?>(ReferenceEqualityComparer.Instance));
        foreach (var table in document.QuerySelectorAll("table").ToList())
        {
            number++;
            foreach (var th in table.QuerySelectorAll("thead th")) th.SetAttribute("scope", "col");
            foreach (var th in table.QuerySelectorAll("tbody th")) th.SetAttribute("scope", "row");
            MarkFirstColumn(table);

            var name = CaptionText(table, number, headings);
            if (table.QuerySelector("caption") is null)
            {
                var caption = PreviewPage.Element(document, "caption", "visually-hidden");
                caption.TextContent = name;
                table.Prepend(caption);
            }
            var box = PreviewPage.Element(document, "div", "table-scroll");
            box.SetAttribute("tabindex", "0");
            box.SetAttribute("role", "region");
            box.SetAttribute("aria-label", name);
            insertions.Wrap(table, box);
        }
    }

    private static string CaptionText(IElement table, int number, (Dictionary<IElement, string?> Projects, Dictionary<IElement, string?> Sections) headings)
    {
        var project = First(table.Closest("section.project"), ".table-caption", headings.Projects);
        if (project is not null)
            return table.ClassList.Contains("indicator-table") ? $"{project}：绩效指标" : $"{project}：项目基本信息";
        var heading = First(table.Closest("section"), "h2, h3", headings.Sections);
        return heading is null ? $"表 {number}" : $"{heading}：表 {number}";
    }

    /// <summary>The text of a section's first element matching the selector, found once per section (one cache per selector).</summary>
    private static string? First(IElement? section, string selector, Dictionary<IElement, string?> found)
    {
        if (section is null) return null;
        if (!found.TryGetValue(section, out var text)) found[section] = text = section.QuerySelector(selector)?.TextContent.Trim();
        return text;
    }

    /// <summary>Marks the cells that start in the table's first grid column (rowspans considered).</summary>
    private static void MarkFirstColumn(IElement table)
    {
        var carried = 0; // rows still covered by a first-column cell spanning down
        foreach (var row in table.QuerySelectorAll("tr"))
        {
            if (carried > 0) { carried--; continue; }
            if (row.QuerySelector("th, td") is not { } first) continue;
            first.ClassList.Add("col-first");
            carried = int.TryParse(first.GetAttribute("rowspan"), out var span) && span > 1 ? span - 1 : 0;
        }
    }
}
