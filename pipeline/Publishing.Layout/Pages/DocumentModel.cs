using Publishing.Layout.Flow;
using Publishing.Layout.Structure;
using Publishing.Layout.Text;

namespace Publishing.Layout.Pages;

/// <summary>Page size and the text block, in points (y down from the top edge).</summary>
public sealed record PageSetup(double Width, double Height, double MarginTop, double MarginLeft, double BodyWidth, double BodyHeight)
{
    public const double PointsPerMm = 72 / 25.4;
    public static PageSetup A4Mm(double marginTopMm, double marginLeftMm, double bodyWidthMm, double bodyHeightMm) =>
        Mm(210, 297, marginTopMm, marginLeftMm, bodyWidthMm, bodyHeightMm);

    /// <summary>A page of any size (landscape: width greater than height), all in millimetres.</summary>
    public static PageSetup Mm(double widthMm, double heightMm, double marginTopMm, double marginLeftMm, double bodyWidthMm, double bodyHeightMm) =>
        new(widthMm * PointsPerMm, heightMm * PointsPerMm, marginTopMm * PointsPerMm, marginLeftMm * PointsPerMm,
            bodyWidthMm * PointsPerMm, bodyHeightMm * PointsPerMm);

    public bool IsLandscape => Width > Height;
}

/// <summary>
/// The page number under the text block: <see cref="Format"/> with "{page}" replaced; the top of its ink (the
/// digits: GB/T 9704 puts the dash-number-dash's top 7 mm below the text block) <paramref name="TopBelowBody"/> points below.
/// </summary>
public sealed record PageFooter(string Format, TextStyle Style, double TopBelowBody)
{
    /// <summary>Centred, or on the outside edge (GB/T 9704: odd pages right, even pages left).</summary>
    public FooterPlacement Placement { get; init; } = FooterPlacement.Center;
    /// <summary>Distance from the text block's edge when placed outside (GB/T 9704: one character).</summary>
    public double OutsideIndent { get; init; }
}

public enum FooterPlacement { Center, Outside }

public enum PageNumbering
{
    /// <summary>Pages of this section carry no number and do not count.</summary>
    None,
    /// <summary>Numbered, continuing from the previous numbered page.</summary>
    Continue,
    /// <summary>Numbered, starting again at 1.</summary>
    RestartAtOne,
}

/// <summary>
/// A run of content that starts on a new page (the cover, the 目录, each part, a landscape table inside a part),
/// on its own page setup or, when <see cref="Page"/> is null, the document's.
/// </summary>
public sealed record DocumentSection(Block Content, PageNumbering Numbering)
{
    public PageSetup? Page { get; init; }
}

/// <summary>A bookmark: title, the anchor it opens, and its children.</summary>
public sealed record OutlineEntry(string Title, string Anchor, IReadOnlyList<OutlineEntry> Children);

public sealed record DocumentMetadata(string Title, string Author, string Subject, string Keywords, string Language, DateTimeOffset Created)
{
    public string Creator { get; init; } = "Publishing";
    public string Producer { get; init; } = "Publishing.Layout";
}

public sealed record LayoutDocument(PageSetup Page, PageFooter? Footer, IReadOnlyList<DocumentSection> Sections,
    IReadOnlyList<OutlineEntry> Outline, DocumentMetadata Metadata)
{
    /// <summary>The most pages the layout may make: past it, it stops at once with <see cref="PageLimitExceededException"/>.</summary>
    public int MaxPages { get; init; } = int.MaxValue;
    /// <summary>避头尾 and 标点挤压 (the theme's <c>punctuation:</c>; the standard's by default).</summary>
    public PunctuationRules Punctuation { get; init; } = PunctuationRules.Standard;

    /// <summary>The document's logical structure (its root, a Document element), which blocks and marks point into;
    /// null: an untagged PDF.</summary>
    public StructureElement? Structure { get; init; }

    /// <summary>The standards the PDF declares and keeps (PDF/UA-1 needs <see cref="Structure"/>).</summary>
    public PdfStandards Standards { get; init; }
}

/// <summary>What a PDF declares it conforms to (and is written to keep).</summary>
[Flags]
public enum PdfStandards
{
    /// <summary>A plain PDF.</summary>
    None = 0,
    /// <summary>PDF/UA-1 (ISO 14289-1): tagged, for screen readers.</summary>
    Accessible = 1,
    /// <summary>PDF/A-2 (ISO 19005-2, GB/T 23286.1's successor part): level a when also accessible, else u.</summary>
    Archival = 2,
}

/// <summary>The document needs more pages than <see cref="LayoutDocument.MaxPages"/>; thrown as soon as the layout passes it.</summary>
public sealed class PageLimitExceededException(int maxPages, int section)
    : Exception($"the document needs more than {maxPages} pages (section {section} passed the limit)")
{
    public int MaxPages { get; } = maxPages;
    /// <summary>The section (0-based) being laid out when the limit was passed.</summary>
    public int Section { get; } = section;
}
