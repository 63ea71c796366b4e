using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Publishing.Layout.Flow;
using Publishing.Layout.Tables;
using Publishing.Layout.Text;

namespace Publishing.Rendering.Pdf;

/// <summary>
/// <c>table</c> → the engine's <see cref="Table"/>: <c>colgroup</c> widths, <c>thead</c> rows repeated on every
/// page, <c>th</c> in the header weight and background, cells aligned by the theme's table rules.
/// </summary>
internal static partial class TableBlocks
{
    public static Block Table(IElement table, PdfStyles styles)
    {
        var columns = table.QuerySelectorAll("colgroup > col").Select(col =>
        {
            var m = PercentWidth().Match(col.GetAttribute("style") ?? "");
            return new TableColumn(m.Success ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) / 100 : null);
        }).ToList();
        var header = new List<TableRow>();
        var body = new List<TableRow>();
        foreach (var row in table.QuerySelectorAll("tr"))
        {
            var inHead = row.ParentElement?.LocalName == "thead";
            var cells = row.Children.Where(c => c.LocalName is "td" or "th").Select(c => Cell(c, inHead, styles)).ToList();
            (inHead ? header : body).Add(new TableRow(cells));
        }
        return new Table(columns, header, body, styles.Table) { Anchor = HtmlToLayout.IdOf(table) };
    }

    [GeneratedRegex(@"width\s*:\s*([\d.]+)%")]
    private static partial Regex PercentWidth();

    private static TableCell Cell(IElement cell, bool inHead, PdfStyles styles)
    {
        var isHeaderCell = cell.LocalName == "th";
        var bold = isHeaderCell && styles.TableHeaderBold;
        var rowSpan = int.TryParse(cell.GetAttribute("rowspan"), out var rs) ? Math.Max(1, rs) : 1;
        var colSpan = int.TryParse(cell.GetAttribute("colspan"), out var cs) ? Math.Max(1, cs) : 1;
        var rules = styles.TableAlignment;
        var align = isHeaderCell ? rules.Header
            : cell.ClassList.Contains("num") ? rules.Number
            : colSpan >= rules.WideSpan && HtmlToLayout.Collapse(cell.TextContent).Length > rules.WideChars ? rules.Wide
            : rules.Cell;
        var paragraph = new ParagraphStyle { LinePitch = styles.TablePitch, Align = align, MinLinesAtBreak = 1 };
        var content = new Paragraph(InlineText.Spans(cell, styles.TableText(bold), styles), paragraph);
        return new TableCell(content, rowSpan, colSpan)
        {
            Background = isHeaderCell && !inHead ? styles.Table.HeaderBackground : null,
        };
    }
}
