using AngleSharp.Dom;
using Publishing.Layout.Flow;
using Publishing.Layout.Structure;
using Publishing.Layout.Text;

namespace Publishing.Rendering.Pdf;

/// <summary>Paragraphs, headings and part titles: one paragraph block each, styled by the theme.</summary>
internal static class TextBlocks
{
    public static Block Paragraph(IElement e, PdfStyles styles, StructureElement? tag)
    {
        var source = BlockSource.Of(e);
        return new Paragraph(InlineText.Spans(e, styles.Body, styles, tag: tag, source: source), styles.BodyParagraph)
            { Anchor = HtmlToLayout.IdOf(e), Tag = tag, Source = source };
    }

    /// <summary>第一部分 above the part's name, as in the seed; keeps with what follows.</summary>
    public static Block PartTitle(IElement e, PdfStyles styles, StructureElement? tag)
    {
        var style = styles.Text("part_title");
        var number = e.QuerySelector("span.part-number");
        var name = e.QuerySelector("span.part-name");
        var source = BlockSource.Of(e);
        var spans = number is not null && name is not null
            ? InlineText.Spans(number, style, styles, tag: tag, source: source).Append(new TextSpan("\n", style, Source: source))
                .Concat(InlineText.Spans(name, style, styles, tag: tag, source: source)).ToList()
            : InlineText.Spans(e, style, styles, tag: tag, source: source);
        return new Paragraph(spans, styles.Paragraph("part_title")) { Anchor = HtmlToLayout.IdOf(e), KeepWithNext = true, Tag = tag, Source = source };
    }

    /// <summary>
    /// A heading: the theme's <c>numbering_level_N</c> style when it carries that class (official text styles
    /// headings by their numbering), <c>table_caption</c> for a table's caption, else its depth (h2–h5).
    /// </summary>
    public static Block Heading(IElement e, PdfStyles styles, StructureElement? tag)
    {
        var styleName = e.ClassList.Contains("table-caption") ? "table_caption" : e.LocalName;
        foreach (var cls in e.ClassList)
            if (cls.StartsWith("numbering-level-", StringComparison.Ordinal) && styles.HasStyle(cls.Replace('-', '_')))
                styleName = cls.Replace('-', '_');
        if (!styles.HasStyle(styleName)) styleName = "h5";
        var paragraph = styles.Paragraph(styleName) with { AvoidLoneLastChar = true };
        // A caption (or any heading) right after a table keeps a line of space above it, not sitting on the table's
        // bottom rule; dropped at the top of a page as any space before.
        if (FollowsTable(e)) paragraph = paragraph with { SpaceBefore = Math.Max(paragraph.SpaceBefore, styles.GapAfterTable) };
        var source = BlockSource.Of(e);
        return new Paragraph(InlineText.Spans(e, styles.Text(styleName), styles, tag: tag, source: source), paragraph)
            { Anchor = HtmlToLayout.IdOf(e), KeepWithNext = true, Tag = tag, Source = source };
    }

    /// <summary>
    /// The structure level of a heading: its GB/T 9704 numbering when it has one (一、 under the part title is level
    /// 2, （一） 3, 1. 4, （1） 5), else its depth (h2 is 2).
    /// </summary>
    public static int HeadingLevel(IElement e)
    {
        foreach (var cls in e.ClassList)
            if (cls.StartsWith("numbering-level-", StringComparison.Ordinal) && int.TryParse(cls["numbering-level-".Length..], out var n))
                return n + 1;
        return e.LocalName[1] - '0';
    }

    /// <summary>Whether the block laid out just before <paramref name="e"/> is a table: its previous element, or the
    /// previous element of the nearest ancestor that has one (a project's caption after the last project's table),
    /// looked into down to its last element.</summary>
    private static bool FollowsTable(IElement e)
    {
        var node = e;
        while (node.PreviousElementSibling is null)
        {
            if (node.ParentElement is not { } parent || parent.LocalName is "body" || parent.ClassList.Contains("part")) return false;
            node = parent;
        }
        var before = node.PreviousElementSibling;
        while (before.LocalName != "table" && before.LastElementChild is { } last) before = last;
        return before.LocalName == "table";
    }
}
