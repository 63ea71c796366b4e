using AngleSharp.Dom;

namespace Publishing.Site;

/// <summary>
/// Tables as a screen reader and a phone need them: th with scope, a caption, and a box that scrolls
/// sideways on its own (keyboard-focusable) with the cells of the first column marked to stay in view.
/// </summary>
internal static class TableAccessibility
{
    public static void Apply(IDocument document)
    {
        var number = 0;
        foreach (var table in document.QuerySelectorAll("table").ToList())
        {
            number++;
            foreach (var th in table.QuerySelectorAll("thead th")) th.SetAttribute("scope", "col");
            foreach (var th in table.QuerySelectorAll("tbody th")) th.SetAttribute("scope", "row");
            MarkFirstColumn(table);

            var name = CaptionText(table, number);
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
            table.Replace(box);
            box.AppendChild(table);
        }
    }

    private static string CaptionText(IElement table, int number)
    {
        var project = table.Closest("section.project")?.QuerySelector(".table-caption")?.TextContent.Trim();
        if (project is not null)
            return table.ClassList.Contains("indicator-table") ? $"{project}：绩效指标" : $"{project}：项目基本信息";
        var heading = table.Closest("section")?.QuerySelector("h2, h3")?.TextContent.Trim();
        return heading is null ? $"表 {number}" : $"{heading}：表 {number}";
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
