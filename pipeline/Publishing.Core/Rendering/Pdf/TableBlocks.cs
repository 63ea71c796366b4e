using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Publishing.Diagnostics;
using Publishing.Layout.Flow;
using Publishing.Layout.Pages;
using Publishing.Layout.Structure;
using Publishing.Layout.Tables;
using Publishing.Layout.Text;

namespace Publishing.Rendering.Pdf;

/// <summary>
/// <c>table</c> → the engine's <see cref="Table"/>: <c>col</c> widths (mm, cm, pt, % or <c>data-weight</c>),
/// <c>thead</c> rows repeated on every page, <c>tfoot</c> rows once at the foot, each <c>tbody</c> a row group
/// (<c>keep-together</c> or <c>may-split</c>), <c>th</c> in the header weight and background, cells aligned by
/// their class, <c>align</c>/<c>valign</c> attribute or style, else by the theme's table rules.
/// </summary>
internal static partial class TableBlocks
{
    /// <param name="element">The table's Table element: its row groups (THead, TBody, TFoot), rows and cells go
    /// under it, header cells with their scope, merged cells with their spans.</param>
    public static Block Table(IElement table, BlockMapper mapper, StructureElement? element)
    {
        var styles = mapper.Styles;
        var columns = Columns(table);
        var header = new List<TableRow>();
        var body = new List<TableRow>();
        var footer = new List<TableRow>();
        var elements = (Header: new List<IElement>(), Body: new List<IElement>(), Footer: new List<IElement>());
        var group = 0;
        foreach (var section in table.Children.Where(c => c.LocalName is "thead" or "tbody" or "tfoot"))
        {
            group++;
            var (rows, rowElements) = section.LocalName switch
            {
                "thead" => (header, elements.Header),
                "tfoot" => (footer, elements.Footer),
                _ => (body, elements.Body),
            };
            var breaks = section.ClassList.Contains("keep-together") ? RowGroupBreak.KeepTogether
                : section.ClassList.Contains("may-split") ? RowGroupBreak.MaySplit : RowGroupBreak.Auto;
            var rowGroup = element?.Add(section.LocalName switch { "thead" => Roles.TableHead, "tfoot" => Roles.TableFoot, _ => Roles.TableBody });
            foreach (var row in section.Children.Where(c => c.LocalName == "tr"))
            {
                var rowElement = rowGroup?.Add(Roles.Row);
                // A cell's source is its row's (the CSV row, or the template line of its <tr>) unless it names its own.
                var rowSource = BlockSource.Of(row);
                var cells = row.Children.Where(c => c.LocalName is "td" or "th")
                    .Select(c => Cell(c, section.LocalName == "thead", styles, rowElement, BlockSource.Marked(c) ? BlockSource.Of(c) : rowSource)).ToList();
                rows.Add(new TableRow(cells) { Group = group, Break = breaks, Source = rowSource });
                rowElements.Add(row);
            }
        }
        if (columns.Count > 0)
        {
            foreach (var (rows, rowElements) in new[] { (header, elements.Header), (body, elements.Body), (footer, elements.Footer) })
                foreach (var (index, needed) in Layout.Tables.Table.RowsWiderThan(rows, columns.Count))
                    mapper.WarnAtTemplate(rowElements[index], DiagnosticCatalog.TableRowTooWide.Message, ("needed", needed), ("columns", columns.Count));
        }
        var keepRows = int.TryParse(table.GetAttribute("data-keep-rows"), out var k) && k > 0 ? Math.Min(k, 100) : (int?)null;
        var source = BlockSource.Of(table);
        var layout = new Table(columns, header, body, styles.Table) { Footer = footer, KeepRowsAtBreak = keepRows, Tag = element, Source = source };
        // 续表: the template's words for this table (data-continued, "" for none), else the theme's.
        var continued = table.GetAttribute("data-continued") ?? styles.ContinuationCaption;
        return new TableFlow(layout)
        {
            Source = source,
            Anchor = HtmlToLayout.IdOf(table),
            ContinuesForm = table.PreviousElementSibling?.LocalName == "table",
            ContinuationCaption = string.IsNullOrWhiteSpace(continued) ? null
                : new Paragraph(new[] { new TextSpan(continued.Trim(), styles.Text(ContinuationStyle)) }, styles.Paragraph(ContinuationStyle)) { Source = source },
        };
    }

    private const string ContinuationStyle = "table_continuation";

    /// <summary>The declared columns (each col counted <c>span</c> times); none when there is no colgroup.</summary>
    public static List<TableColumn> Columns(IElement table)
    {
        var columns = new List<TableColumn>();
        foreach (var col in table.QuerySelectorAll("colgroup > col"))
        {
            var span = int.TryParse(col.GetAttribute("span"), out var n) ? Math.Clamp(n, 1, 1000) : 1;
            var column = Width(col);
            for (var i = 0; i < span; i++) columns.Add(column);
        }
        return columns;
    }

    private static TableColumn Width(IElement col)
    {
        if (double.TryParse(col.GetAttribute("data-weight"), NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) && weight > 0)
            return new TableColumn { Weight = weight };
        var m = CssWidth().Match(col.GetAttribute("style") ?? "");
        if (!m.Success) return new TableColumn();
        var value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return m.Groups[2].Value.ToLowerInvariant() switch
        {
            "%" => new TableColumn(value / 100),
            "mm" => new TableColumn { Points = value * PageSetup.PointsPerMm },
            "cm" => new TableColumn { Points = value * 10 * PageSetup.PointsPerMm },
            "pt" => new TableColumn { Points = value },
            _ => new TableColumn(),
        };
    }

    [GeneratedRegex(@"(?:^|;)\s*width\s*:\s*([\d.]+)\s*(%|mm|cm|pt)", RegexOptions.IgnoreCase)]
    private static partial Regex CssWidth();

    [GeneratedRegex(@"(?:^|;)\s*(text-align|vertical-align)\s*:\s*([a-z-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CssAlign();

    private static TableCell Cell(IElement cell, bool inHead, PdfStyles styles, StructureElement? row, BlockSource source)
    {
        var isHeaderCell = cell.LocalName == "th";
        var bold = isHeaderCell && styles.TableHeaderBold;
        var rowSpan = int.TryParse(cell.GetAttribute("rowspan"), out var rs) ? Math.Max(1, rs) : 1;
        var colSpan = int.TryParse(cell.GetAttribute("colspan"), out var cs) ? Math.Max(1, cs) : 1;
        var align = AlignmentOf(cell, styles.TableAlignment);
        var vertical = Asked(cell, "vertical-align", "valign")?.ToLowerInvariant() switch
        {
            "top" => VerticalAlign.Top,
            "bottom" => VerticalAlign.Bottom,
            _ => VerticalAlign.Middle,
        };
        var paragraph = new ParagraphStyle { LinePitch = styles.TablePitch, Align = align, MinLinesAtBreak = 1, ReportsOverflow = true };
        // A header cell's scope: the columns below it (in the head) or its row (a label cell in the body).
        var tag = row?.Add(new StructureElement(isHeaderCell ? Roles.HeaderCell : Roles.Cell)
        {
            Scope = isHeaderCell ? ScopeOf(cell, inHead) : null,
            RowSpan = rowSpan,
            ColSpan = colSpan,
        });
        var content = new Paragraph(InlineText.Spans(cell, styles.TableText(bold), styles, tag: tag, keepLineBreaks: true, source: source), paragraph)
            { Tag = tag, Source = source };
        return new TableCell(content, rowSpan, colSpan)
        {
            Background = isHeaderCell && !inHead ? styles.Table.HeaderBackground : null,
            VerticalAlign = vertical,
        };
    }

    /// <summary>The scope the template gives a header cell (scope="col|row|colgroup|rowgroup"), else by where it stands.</summary>
    private static string ScopeOf(IElement cell, bool inHead) => cell.GetAttribute("scope")?.ToLowerInvariant() switch
    {
        "col" or "colgroup" => "Column",
        "row" or "rowgroup" => "Row",
        _ => inHead ? "Column" : "Row",
    };

    /// <summary>
    /// A cell's alignment: what the template asks for (<see cref="Asked"/>), else the theme's rule for its kind
    /// (header, number, wide text, other). The preview aligns its cells by the same answer.
    /// </summary>
    public static TextAlign AlignmentOf(IElement cell, PdfStyles.CellAlignment rules)
    {
        var colSpan = int.TryParse(cell.GetAttribute("colspan"), out var cs) ? Math.Max(1, cs) : 1;
        return Asked(cell) is { } asked ? PdfStyles.ParseAlign(asked)
            : cell.LocalName == "th" ? rules.Header
            : cell.ClassList.Contains("num") ? rules.Number
            : colSpan >= rules.WideSpan && HtmlToLayout.Collapse(cell.TextContent).Length > rules.WideChars ? rules.Wide
            : rules.Cell;
    }

    /// <summary>The horizontal alignment the template asks for on the cell or its row, or null.</summary>
    public static string? Asked(IElement cell) => Asked(cell, "text-align", "align");

    /// <summary>
    /// The alignment the template asks for on the cell or, failing that, its row: a class (<c>align-right</c>,
    /// <c>valign-top</c>), the style property or the HTML attribute (<c>align</c>, <c>valign</c>).
    /// Read from the attributes' text (asked for every cell, by the PDF twice and by the preview): the class list and
    /// style matches the DOM would make for each were most of a large table's mapping.
    /// </summary>
    private static string? Asked(IElement cell, string cssProperty, string attribute) =>
        Asked(cell, cssProperty, attribute, attribute + "-") ?? (cell.ParentElement is { } row ? Asked(row, cssProperty, attribute, attribute + "-") : null);

    private static string? Asked(IElement e, string cssProperty, string attribute, string prefix)
    {
        // The first class (HTML's white space separates them) that starts with the prefix.
        if (e.GetAttribute("class") is { Length: > 0 } classes)
            foreach (var cls in classes.Split(HtmlSpace, StringSplitOptions.RemoveEmptyEntries))
                if (cls.StartsWith(prefix, StringComparison.Ordinal)) return cls[prefix.Length..];
        if (e.GetAttribute("style") is { Length: > 0 } style)
            foreach (Match m in CssAlign().Matches(style))
                if (m.Groups[1].Value.Equals(cssProperty, StringComparison.OrdinalIgnoreCase)) return m.Groups[2].Value;
        return e.GetAttribute(attribute) is { Length: > 0 } value ? value : null;
    }

    private static readonly char[] HtmlSpace = [' ', '\t', '\n', '\f', '\r'];
}
