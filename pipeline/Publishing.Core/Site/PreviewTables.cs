using System.Globalization;
using AngleSharp.Dom;
using Publishing.Layout.Pages;
using Publishing.Layout.Tables;
using Publishing.Layout.Text;
using Publishing.Rendering.Pdf;
using Publishing.Theming;

namespace Publishing.Site;

/// <summary>
/// The preview's tables get the column widths and the cell alignment the PDF gives them.
/// Widths: a browser reads A browser reads <c>&lt;col style="width:…"&gt;</c>
/// in %, mm, cm and pt itself, but not a relative weight (<c>data-weight</c>), and it cannot compute a weight's
/// share in CSS (a <c>calc()</c> of a percentage in a table column is ignored). So where every column of a table
/// declares a width, each column is given its share of the table in %, computed as the PDF computes it (weights
/// share what lengths and percentages leave; percentages that do not add up to 100 are scaled), for a table as wide
/// as the text block of the page setup it is on (the preview shows each piece that wide). A table whose columns are
/// all lengths is as wide as their sum in both, its width written on it (a fixed layout needs one) and its columns
/// given their shares of it. Automatic columns beside weighted ones are sized by
/// the browser from its own text measure; docs/html-vocabulary.md says so.
/// Alignment: a cell the template does not align gets the class of the alignment the PDF chooses by the theme's
/// rules (<see cref="TableBlocks.AlignmentOf"/>); for center-if-one-line its content is wrapped in
/// <c>span.cell-text</c>, an inline block that is centred while it fits one line and fills the cell, left-aligned,
/// once it wraps: the PDF's rule, in CSS.
/// </summary>
internal static class PreviewTables
{
    public static void Apply(IDocument document, Theme theme)
    {
        var rules = PdfStyles.CellAlignment.Of(theme);
        foreach (var table in document.QuerySelectorAll("table"))
        {
            Align(document, table, rules);
            Widths(table, theme);
            WholeLabels(document, table);
        }
    }

    /// <summary>
    /// A short header label (计量单位, 指标值类型) wraps, when its column is narrow, into two even halves as in the PDF
    /// (计量/单位), never after any character the browser likes (计量单/位): the label is marked <c>whole-label</c>
    /// (CSS: <c>word-break: keep-all</c>, so Chinese text breaks only where allowed) with a break opportunity
    /// (<c>wbr</c>) at its middle.
    /// </summary>
    private static void WholeLabels(IDocument document, IElement table)
    {
        foreach (var cell in table.QuerySelectorAll("thead th").Where(c => c.Closest("table") == table))
        {
            var texts = cell.Descendants<IText>().Where(t => t.Data.Trim().Length > 0).ToList();
            if (texts.Count != 1 || cell.QuerySelector("br") is not null) continue;
            var text = texts[0];
            var label = text.Data.Trim();
            if (label.Length is < 4 or > MaxWholeLabel || !label.All(IsHan)) continue;
            var start = text.Data.IndexOf(label, StringComparison.Ordinal);
            var second = text.Split(start + (label.Length + 1) / 2);
            text.Parent!.InsertBefore(document.CreateElement("wbr"), second);
            cell.ClassList.Add("whole-label");
        }
    }

    /// <summary>Labels up to this many characters are kept whole or halved; a longer one wraps as text does.</summary>
    private const int MaxWholeLabel = 8;

    private static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF';

    private static void Align(IDocument document, IElement table, PdfStyles.CellAlignment rules)
    {
        foreach (var cell in table.QuerySelectorAll("td, th").Where(c => c.Closest("table") == table))
        {
            if (TableBlocks.Asked(cell) is not null) continue;   // the template's own class, attribute or style holds in the browser
            var align = TableBlocks.AlignmentOf(cell, rules);
            cell.ClassList.Add(align switch
            {
                TextAlign.Right => "align-right",
                TextAlign.Justify => "align-justify",
                TextAlign.Left => "align-left",
                _ => "align-center",
            });
            if (align != TextAlign.CenterIfOneLine || cell.ChildNodes.Length == 0 || cell.Children.Any(c => Blocks.Contains(c.LocalName))) continue;
            var wrapper = document.CreateElement("span");
            wrapper.ClassList.Add("cell-text");
            foreach (var child in cell.ChildNodes.ToList()) wrapper.AppendChild(child);
            cell.AppendChild(wrapper);
        }
    }

    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal) { "p", "div", "ul", "ol", "table", "section", "h1", "h2", "h3", "h4", "h5", "h6" };

    private static void Widths(IElement table, Theme theme)
    {
        var cols = table.QuerySelectorAll("colgroup > col").ToList();
        var columns = TableBlocks.Columns(table);
        if (columns.Count == 0 || columns.Any(c => c.IsAutomatic)) return;
        var widths = Table.DeclaredWidths(columns, TextWidthPoints(table, theme));
        var total = widths.Sum();
        if (total <= 0) return;
        // All lengths: the table is as wide as the PDF makes it (their sum). Its width is written out, since a fixed
        // layout needs one: with width auto Chromium falls back to automatic layout and sizes the columns by content.
        if (columns.All(c => c.Points is not null))
        {
            var style = table.GetAttribute("style") is { Length: > 0 } own ? own.TrimEnd(';') + ";" : "";
            table.SetAttribute("style", style + "width:" + total.ToString("0.###", CultureInfo.InvariantCulture) + "pt");
        }
        var column = 0;
        foreach (var col in cols)
        {
            var span = int.TryParse(col.GetAttribute("span"), out var n) ? Math.Clamp(n, 1, 1000) : 1;
            var share = widths.Skip(column).Take(span).Sum() / total * 100;
            col.SetAttribute("style", "width:" + share.ToString("0.###", CultureInfo.InvariantCulture) + "%");
            column += span;
        }
    }

    /// <summary>The width of the text block of the page setup a table is laid out on (data-page on it or an ancestor).</summary>
    private static double TextWidthPoints(IElement table, Theme theme)
    {
        for (var e = table; e is not null; e = e.ParentElement)
            if (e.GetAttribute("data-page") is { Length: > 0 } name && theme.PageNamed(name) is { } named)
                return named.BodyWidthMm * PageSetup.PointsPerMm;
        return theme.Page.BodyWidthMm * PageSetup.PointsPerMm;
    }
}
