using AngleSharp.Dom;
using Publishing.Layout.Flow;
using Publishing.Layout.Structure;
using Publishing.Layout.Tables;
using Publishing.Layout.Text;

namespace Publishing.Rendering.Pdf;

/// <summary>
/// <c>div.unit-line</c> above a 绩效目标表: a borderless two-column row, unit code and name left, 单位 right
/// (the split is the theme's <c>layout.unit_line_left_pct</c>); it keeps with the table below.
/// </summary>
internal static class UnitLineBlock
{
    /// <param name="tag">One paragraph for both halves: the line is laid out as a table, but it is not one.</param>
    public static Block Map(IElement e, PdfStyles styles, StructureElement? tag)
    {
        var style = styles.Text("unit_line");
        var left = e.QuerySelector("span.unit-code-name");
        var right = e.QuerySelector("span.unit-currency");
        var paragraph = styles.Paragraph("unit_line") with { FirstLineIndent = 0 };
        var source = BlockSource.Of(e);
        var cells = new List<TableCell>
        {
            new(new Paragraph(InlineText.Spans(left ?? e, style, styles, source: source), paragraph with { Align = TextAlign.Left }) { Tag = tag, Source = source }),
            new(new Paragraph(right is null ? new List<TextSpan>() : InlineText.Spans(right, style, styles, source: source), paragraph with { Align = TextAlign.Right })
                { Tag = tag, Source = source }),
        };
        var leftShare = styles.UnitLineLeftShare;
        return new Table(new[] { new TableColumn(leftShare), new TableColumn(1 - leftShare) }, Array.Empty<TableRow>(), new[] { new TableRow(cells) },
            new TableStyle { Padding = 0, BorderWidth = 0, KeepWholeUpTo = 0 }) { KeepWithNext = true, Anchor = HtmlToLayout.IdOf(e), Source = source };
    }
}
