namespace Publishing.Theming;

/// <summary>
/// The look of a document, read from templates/theme/&lt;name&gt;.yaml. Both outputs use it: the CSS of
/// the HTML preview is generated from it, and the PDF renderer maps it onto the layout engine.
/// </summary>
public sealed class Theme
{
    public string Name { get; set; } = "";
    /// <summary>The combined volume (汇编): page numbers "continuous" through all departments, or "per_document" (each from 1).</summary>
    public string VolumeNumbering { get; set; } = "continuous";
    /// <summary>The volume's cover year in the theme's words ("2023 年度"); empty: from its documents (one year, or their range).</summary>
    public string VolumeYear { get; set; } = "";
    /// <summary>Beside every PDF (build, nightly, serve, the volume) its OFD (GB/T 33190-2016) from the same pages.</summary>
    public bool Ofd { get; set; }
    /// <summary>
    /// The standards every PDF declares and keeps: "PDF/A-2a, PDF/UA-1" (archival and accessible: tagged, with XMP
    /// metadata and an output intent), either one alone, or "none" for a plain PDF (docs/pdf-engine.md).
    /// </summary>
    public string PdfStandard { get; set; } = "PDF/A-2a, PDF/UA-1";

    /// <summary>The standards <see cref="PdfStandard"/> names, or null when it names something else.</summary>
    public static Publishing.Layout.Pages.PdfStandards? ParseStandards(string text)
    {
        var standards = Publishing.Layout.Pages.PdfStandards.None;
        foreach (var word in text.Split([',', '+', ' ', '，', '、'], StringSplitOptions.RemoveEmptyEntries))
        {
            switch (word.ToLowerInvariant())
            {
                case "pdf/a-2a" or "pdf/a-2u" or "pdf/a-2": standards |= Publishing.Layout.Pages.PdfStandards.Archival; break;
                case "pdf/ua-1": standards |= Publishing.Layout.Pages.PdfStandards.Accessible; break;
                case "none" when text.Trim().Equals("none", StringComparison.OrdinalIgnoreCase): break;
                default: return null;
            }
        }
        return standards;
    }
    public PageTheme Page { get; set; } = new();
    /// <summary>Named page setups a part or section chooses (data-page="name"): landscape pages for wide tables.</summary>
    public Dictionary<string, PageGeometryTheme> Pages { get; set; } = new();
    public Dictionary<string, FontFamilyTheme> Fonts { get; set; } = new();
    /// <summary>
    /// Font files consulted after every role's chain, for characters the main fonts lack (CJK Extension B and
    /// beyond). Optional on a machine: a missing file is skipped, and the PUB4001 warning of a character that
    /// then has no glyph names it.
    /// </summary>
    public List<string> FallbackFonts { get; set; } = new();
    public BodyTheme Body { get; set; } = new();
    public Dictionary<string, TextStyleTheme> Styles { get; set; } = new();
    public TableTheme Table { get; set; } = new();
    public LayoutTheme Layout { get; set; } = new();
    /// <summary>Chinese punctuation in the PDF: 避头尾 and 标点挤压 (CLREQ, GB/T 15834), as a house style may adjust them.</summary>
    public PunctuationTheme Punctuation { get; set; } = new();
    public Dictionary<string, string> Colors { get; set; } = new();
    /// <summary>How large a document may grow before it is refused with an error against its content.</summary>
    public LimitsTheme Limits { get; set; } = new();

    /// <summary>The theme file as diagnostics name it: templates/theme/&lt;name&gt;.yaml.</summary>
    public string SourcePath { get; set; } = "templates/theme/default.yaml";

    /// <summary>Absolute folder the theme's relative font paths are resolved against (templates/).</summary>
    public string BaseDirectory { get; set; } = "";

    public TextStyleTheme Style(string name) =>
        Styles.TryGetValue(name, out var style) ? style : throw new KeyNotFoundException($"theme has no style '{name}'");

    /// <summary>The named page setup, or null when the theme has none of that name.</summary>
    public PageGeometryTheme? PageNamed(string name) => Pages.GetValueOrDefault(name);

    public FontFamilyTheme Family(string role) =>
        Fonts.TryGetValue(role, out var family) ? family : throw new KeyNotFoundException($"theme has no font '{role}'");

    public string ResolvePath(string path) => Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(BaseDirectory, path));
}

/// <summary>
/// A page's geometry: paper size and orientation, the text block's top-left corner and size. The document's
/// default is <c>page:</c>; named variants under <c>pages:</c> are chosen by a part or section
/// (<c>data-page="landscape"</c> in the templates).
/// </summary>
public class PageGeometryTheme : IThemeChecked
{
    /// <summary>Paper sizes we know, portrait width × height in mm.</summary>
    public static readonly IReadOnlyDictionary<string, (double Width, double Height)> PaperSizes =
        new Dictionary<string, (double, double)>(StringComparer.OrdinalIgnoreCase) { ["A3"] = (297, 420), ["A4"] = (210, 297), ["A5"] = (148, 210) };

    public string Size { get; set; } = "A4";
    /// <summary>portrait or landscape.</summary>
    public string Orientation { get; set; } = "portrait";
    public double MarginTopMm { get; set; }
    public double MarginLeftMm { get; set; }
    public double BodyWidthMm { get; set; }
    public double BodyHeightMm { get; set; }

    public bool IsLandscape => string.Equals(Orientation, "landscape", StringComparison.OrdinalIgnoreCase);
    public double WidthMm => PaperSizes.TryGetValue(Size, out var s) ? (IsLandscape ? s.Height : s.Width) : 0;
    public double HeightMm => PaperSizes.TryGetValue(Size, out var s) ? (IsLandscape ? s.Width : s.Height) : 0;
    public double MarginRightMm => WidthMm - MarginLeftMm - BodyWidthMm;
    public double MarginBottomMm => HeightMm - MarginTopMm - BodyHeightMm;

    /// <summary>A problem in the catalog's PUB4105 words.</summary>
    internal static string Say(string wording, params (string Name, object? Value)[] arguments) =>
        Diagnostics.DiagnosticCatalog.ThemeInvalid[wording].Format(arguments);

    public virtual IEnumerable<(string Key, string Message)> Problems()
    {
        if (!PaperSizes.ContainsKey(Size))
        {
            yield return ("size", Say("paper", ("size", Size), ("sizes", PaperSizes.Keys)));
            yield break;
        }
        if (!IsLandscape && !string.Equals(Orientation, "portrait", StringComparison.OrdinalIgnoreCase))
            yield return ("orientation", Say("orientation", ("orientation", Orientation)));
        if (MarginTopMm < 0) yield return ("margin_top_mm", Say("margin-top"));
        if (MarginLeftMm < 0) yield return ("margin_left_mm", Say("margin-left"));
        if (BodyWidthMm <= 0) yield return ("body_width_mm", Say("body-width"));
        if (BodyHeightMm <= 0) yield return ("body_height_mm", Say("body-height"));
        var orientation = Say(IsLandscape ? "landscape" : "portrait");
        if (MarginRightMm < -0.001)
            yield return ("body_width_mm", Say("wider-than-page", ("size", Size), ("orientation", orientation), ("width", WidthMm),
                ("margin", MarginLeftMm), ("body", BodyWidthMm), ("sum", MarginLeftMm + BodyWidthMm)));
        if (MarginBottomMm < -0.001)
            yield return ("body_height_mm", Say("taller-than-page", ("size", Size), ("orientation", orientation), ("height", HeightMm),
                ("margin", MarginTopMm), ("body", BodyHeightMm), ("sum", MarginTopMm + BodyHeightMm)));
    }
}

/// <summary>The document's page: geometry and the page number under the text block.</summary>
public sealed class PageTheme : PageGeometryTheme
{
    public FooterTheme Footer { get; set; } = new();

    public override IEnumerable<(string Key, string Message)> Problems()
    {
        foreach (var problem in base.Problems()) yield return problem;
        if (MarginBottomMm >= 0 && Footer.OffsetMm >= MarginBottomMm)
            yield return ("footer", Say("footer-off-page", ("offset", Footer.OffsetMm), ("margin", MarginBottomMm)));
    }
}

/// <summary>A part of the theme that checks its own values after loading; each problem names its key.</summary>
public interface IThemeChecked
{
    IEnumerable<(string Key, string Message)> Problems();
}

/// <summary>The punctuation rules a theme may change; what it leaves out stays the standard's.</summary>
public sealed class PunctuationTheme
{
    /// <summary>Marks that never start a line (closing and middle punctuation, dashes, ellipses); null: the standard's.</summary>
    public string? NoLineStart { get; set; }
    /// <summary>Marks that never end a line (opening punctuation, and the dashes that join what follows); null: the standard's.</summary>
    public string? NoLineEnd { get; set; }
    /// <summary>Two full-width marks side by side give up one blank half (》， ”。 。“ ）、).</summary>
    public bool CompressPairs { get; set; } = true;
}

public sealed class FooterTheme
{
    /// <summary>Page number text; "{page}" is replaced by the number.</summary>
    public string Format { get; set; } = "{page}";
    public string Font { get; set; } = "serif";
    public double SizePt { get; set; } = 14;
    /// <summary>The top of the page number (its digits) below the text block, in mm (GB/T 9704: 7).</summary>
    public double OffsetMm { get; set; } = 7;
    /// <summary>"center", or "outside": odd pages right, even pages left (GB/T 9704).</summary>
    public string Position { get; set; } = "center";
    /// <summary>Distance from the text block's edge when outside, in characters of the footer font.</summary>
    public double OutsideIndentEm { get; set; } = 1;
}

public sealed class FontFamilyTheme
{
    /// <summary>Fallback chain of TrueType files for the regular face.</summary>
    public List<string> Regular { get; set; } = new();
    public List<string> Bold { get; set; } = new();
    /// <summary>The CSS font-family list for the HTML preview.</summary>
    public string Css { get; set; } = "serif";
}

public sealed class BodyTheme
{
    public string Font { get; set; } = "serif";
    public double SizePt { get; set; } = 16;
    public double LinePitchPt { get; set; } = 28.95;
    public double FirstLineIndentEm { get; set; } = 2;
    public bool Justify { get; set; } = true;
}

public sealed class TextStyleTheme
{
    public string Font { get; set; } = "serif";
    public string Weight { get; set; } = "regular";
    public double SizePt { get; set; } = 16;
    public string Align { get; set; } = "left";
    public double IndentEm { get; set; }
    public double SpaceBeforePt { get; set; }
    public double SpaceAfterPt { get; set; }
    /// <summary>Baseline to baseline; 0: the body's pitch up to the body size, else <see cref="LayoutTheme.LargeTextPitch"/> × size.</summary>
    public double LinePitchPt { get; set; }

    public bool IsBold => string.Equals(Weight, "bold", StringComparison.OrdinalIgnoreCase);
}

public sealed class TableTheme
{
    public string Font { get; set; } = "serif";
    public double SizePt { get; set; } = 10.5;
    public double LinePitchPt { get; set; } = 15;
    public string HeaderWeight { get; set; } = "bold";
    public string HeaderBackground { get; set; } = "#f2f2f2";
    public double BorderPt { get; set; } = 0.75;
    public string BorderColor { get; set; } = "#000000";
    public double PaddingMm { get; set; } = 1.5;
    /// <summary>A value whose one-line width is at most this many characters of the table font never wraps.</summary>
    public double KeepWholeEm { get; set; } = 6;
    /// <summary>The most characters a long unbreakable run (a URL, a long number) claims as its column's minimum width.</summary>
    public double MinContentCapEm { get; set; } = 8;
    /// <summary>Automatic columns get the space where it saves the most lines (false: HTML's proportional rule).</summary>
    public bool BalanceColumns { get; set; } = true;
    /// <summary>Words above the repeated header on each page a table continues onto ("" for none); the template
    /// may set others per table (data-continued).</summary>
    public string ContinuationCaption { get; set; } = "续表";
    /// <summary>Rows of a merged group kept on each side of a page break unless that leaves a large blank; the
    /// template may ask for more per table (data-keep-rows), which then always holds.</summary>
    public int KeepRowsAtBreak { get; set; } = 2;
    /// <summary>Space above a caption or heading that follows a table on the same page, in body lines.</summary>
    public double CaptionGapLines { get; set; } = 1;
    /// <summary>Alignment (left, center, right, justify, center-if-one-line) of header cells (th).</summary>
    public string HeaderAlign { get; set; } = "center";
    /// <summary>Alignment of body cells without a class or attribute saying otherwise.</summary>
    public string CellAlign { get; set; } = "center-if-one-line";
    /// <summary>Alignment of td.num (money, percentages).</summary>
    public string NumberAlign { get; set; } = "right";
    /// <summary>Alignment of a wide text cell: spanning at least <see cref="WideCellSpan"/> columns and longer than <see cref="WideCellChars"/>.</summary>
    public string WideCellAlign { get; set; } = "left";
    public int WideCellSpan { get; set; } = 3;
    public int WideCellChars { get; set; } = 20;
}

/// <summary>Sizes and gaps of the blocks the PDF lays out (the preview's CSS reads the same values).</summary>
public sealed class LayoutTheme
{
    /// <summary>The cover's department and title begin this far down the text block (percent of its height).</summary>
    public double CoverTopPct { get; set; } = 22;
    /// <summary>Space above the cover's status line (（草案）), percent of the text block's height.</summary>
    public double CoverStatusGapPct { get; set; } = 8;
    /// <summary>Indent of each nesting level of a list, in ems of the body text.</summary>
    public double ListIndentEm { get; set; } = 2;
    /// <summary>Marker of an unordered list item.</summary>
    public string ListBullet { get; set; } = "·";
    /// <summary>Width of the unit line's left part (unit code and name), percent; 单位 takes the rest, right-aligned.</summary>
    public double UnitLineLeftPct { get; set; } = 70;
    /// <summary>Line pitch of text larger than the body (titles), times its size.</summary>
    public double LargeTextPitch { get; set; } = 1.4;
}

/// <summary>
/// The document's own size limits, checked before the templates run (rows, bytes) and while the PDF is laid
/// out (pages), so that an oversized document fails with an error an editor can act on, quickly and within
/// bounded memory, rather than at the template sandbox's output limit or after laying out 40,000 pages.
/// </summary>
public sealed class LimitsTheme : IThemeChecked
{
    /// <summary>Data rows in one CSV file (projects, indicators, a department's table).</summary>
    public int MaxRowsPerFile { get; set; } = 20_000;
    /// <summary>Bytes of all the files a document reads (document.yaml, Markdown, CSV), in MB (1 MB = 1,048,576 bytes).</summary>
    public int MaxContentMb { get; set; } = 16;
    /// <summary>Pages of the PDF.</summary>
    public int MaxPages { get; set; } = 2_000;
    /// <summary>Blocks of the assembled HTML (paragraphs, headings, list items, table rows): the preview's own limit.</summary>
    public int MaxHtmlBlocks { get; set; } = 100_000;
    /// <summary>Bytes of the assembled HTML, in MB.</summary>
    public int MaxHtmlMb { get; set; } = 64;

    public long MaxContentBytes => MaxContentMb * 1024L * 1024L;
    public long MaxHtmlBytes => MaxHtmlMb * 1024L * 1024L;

    /// <summary>The limits for a document of <paramref name="form"/>: the form's own (form.yaml limits:) where it sets them.</summary>
    public LimitsTheme For(Model.Form form) => form.Limits == Model.FormLimits.None ? this : new LimitsTheme
    {
        MaxRowsPerFile = form.Limits.MaxRowsPerFile ?? MaxRowsPerFile,
        MaxContentMb = form.Limits.MaxContentMb ?? MaxContentMb,
        MaxPages = form.Limits.MaxPages ?? MaxPages,
        MaxHtmlBlocks = MaxHtmlBlocks,
        MaxHtmlMb = MaxHtmlMb,
    };

    /// <summary>Where an editor's maintainer raises a limit: the form file when the form sets it, else the theme file.</summary>
    public static string SetIn(Model.Form form, string themePath, Func<Model.FormLimits, int?> limit) =>
        limit(form.Limits) is null ? Diagnostics.DiagnosticPhrases.SetInTheme(themePath) : Diagnostics.DiagnosticPhrases.SetInForm(form.SourcePath);

    public IEnumerable<(string Key, string Message)> Problems()
    {
        if (MaxRowsPerFile <= 0) yield return ("max_rows_per_file", PageGeometryTheme.Say("max-rows"));
        if (MaxContentMb <= 0) yield return ("max_content_mb", PageGeometryTheme.Say("max-content"));
        if (MaxPages <= 0) yield return ("max_pages", PageGeometryTheme.Say("max-pages"));
        if (MaxHtmlBlocks <= 0) yield return ("max_html_blocks", PageGeometryTheme.Say("max-html-blocks"));
        if (MaxHtmlMb <= 0) yield return ("max_html_mb", PageGeometryTheme.Say("max-html-mb"));
    }
}
