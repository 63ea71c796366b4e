using Publishing.Layout.Fonts;
using Publishing.Layout.Flow;
using Publishing.Layout.Frames;
using Publishing.Layout.Pages;
using Publishing.Layout.Tables;
using Publishing.Layout.Text;
using Publishing.Theming;

namespace Publishing.Rendering.Pdf;

/// <summary>The theme translated into the engine's terms: font chains, text and paragraph styles, page setup.</summary>
internal sealed class PdfStyles
{
    private readonly Theme _theme;
    private readonly FontLibrary _fonts;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, bool), FontChain> _chains;

    // The font chains of a theme, made once for all the documents of a run that use it (the theme is read once per
    // run and shared): the same chain objects give the same text styles, which the shaping cache shares text by.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Theme, SharedChains> ChainsByTheme = new();

    private sealed record SharedChains(FontLibrary Fonts, System.Collections.Concurrent.ConcurrentDictionary<(string, bool), FontChain> Chains);

    public PdfStyles(Theme theme, FontLibrary fonts)
    {
        _theme = theme;
        _fonts = fonts;
        var shared = ChainsByTheme.GetValue(theme, _ => new SharedChains(fonts, new()));
        _chains = ReferenceEquals(shared.Fonts, fonts) ? shared.Chains : new();
        TextColor = Color("text", Rgb.Black);
        LinkColor = Color("link", TextColor);
    }

    public Rgb TextColor { get; }
    public Rgb LinkColor { get; }
    /// <summary>The standards the PDF keeps (the theme's pdf_standard); tagged when PDF/UA or PDF/A is asked.</summary>
    public Publishing.Layout.Pages.PdfStandards Standards => Theme.ParseStandards(_theme.PdfStandard) ?? Publishing.Layout.Pages.PdfStandards.None;
    public bool Tagged => Standards != Publishing.Layout.Pages.PdfStandards.None;
    public double BodySize => _theme.Body.SizePt;
    public double BodyPitch => _theme.Body.LinePitchPt;

    private Rgb Color(string key, Rgb fallback) =>
        _theme.Colors.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? Rgb.Parse(value) : fallback;

    public FontChain Chain(string role, bool bold) => _chains.GetOrAdd((role, bold), key => MakeChain(key.Item1, key.Item2));

    private FontChain MakeChain(string role, bool bold)
    {
        var family = _theme.Family(role);
        var files = (bold && family.Bold.Count > 0 ? family.Bold : family.Regular).Select(_theme.ResolvePath).ToList();
        // The other families follow as a last resort, so a character missing from one role is still found.
        foreach (var other in _theme.Fonts.OrderBy(f => f.Key, StringComparer.Ordinal).Where(f => f.Key != role))
            files.AddRange((bold && other.Value.Bold.Count > 0 ? other.Value.Bold : other.Value.Regular).Select(_theme.ResolvePath));
        // Then the fallback fonts (Extension B …) that are present on this machine.
        files.AddRange(_theme.FallbackFonts.Select(_theme.ResolvePath).Where(File.Exists));
        return _fonts.Chain($"{role}{(bold ? "-bold" : "")}", files.Distinct().ToList());
    }

    /// <summary>The theme's fallback font files that are not on this machine (full paths).</summary>
    public IReadOnlyList<string> AbsentFallbackFonts =>
        _theme.FallbackFonts.Select(_theme.ResolvePath).Where(path => !File.Exists(path)).ToList();

    public TextStyle Body => new(Chain(_theme.Body.Font, false), _theme.Body.SizePt, TextColor);
    public TextStyle BodyBold => new(Chain(_theme.Body.Font, true), _theme.Body.SizePt, TextColor);

    public ParagraphStyle BodyParagraph => new()
    {
        LinePitch = _theme.Body.LinePitchPt,
        FirstLineIndent = _theme.Body.FirstLineIndentEm * Em(_theme.Body.SizePt),
        Align = _theme.Body.Justify ? TextAlign.Justify : TextAlign.Left,
        CjkGrid = Grid(_theme.Body.SizePt),
    };

    /// <summary>
    /// The character grid of text at the body size: the text block holds a whole number of characters a line
    /// (GB/T 9704: 28 at 16 pt in 156 mm, so 15.79 pt each, as Word's document grid does). 0 when the block is
    /// not within 3 % of a whole number of characters, or for other sizes.
    /// </summary>
    public double Grid(double size)
    {
        if (Math.Abs(size - _theme.Body.SizePt) > 0.01) return 0;
        var width = _theme.Page.BodyWidthMm * PageSetup.PointsPerMm;
        var perLine = Math.Round(width / size);
        var grid = width / perLine;
        return perLine > 0 && Math.Abs(grid - size) <= size * 0.03 ? grid : 0;
    }

    /// <summary>One em of text at this size: the grid cell where there is one.</summary>
    public double Em(double size) => Grid(size) is > 0 and var g ? g : size;

    public bool HasStyle(string name) => _theme.Styles.ContainsKey(name);

    public TextStyle Text(string styleName)
    {
        var s = _theme.Style(styleName);
        return new TextStyle(Chain(s.Font, s.IsBold), s.SizePt, TextColor);
    }

    public ParagraphStyle Paragraph(string styleName)
    {
        var s = _theme.Style(styleName);
        return new ParagraphStyle
        {
            LinePitch = s.LinePitchPt > 0 ? s.LinePitchPt : PitchFor(s.SizePt),
            FirstLineIndent = s.IndentEm * Em(s.SizePt),
            CjkGrid = Grid(s.SizePt),
            Align = ParseAlign(s.Align),
            SpaceBefore = s.SpaceBeforePt,
            SpaceAfter = s.SpaceAfterPt,
            AvoidLoneLastChar = true,
        };
    }

    /// <summary>left, center, right, justify or center-if-one-line (anything else reads as left; the theme check reports it).</summary>
    public static TextAlign ParseAlign(string align) => align.ToLowerInvariant() switch
    {
        "center" => TextAlign.Center,
        "right" => TextAlign.Right,
        "justify" => TextAlign.Justify,
        "center-if-one-line" => TextAlign.CenterIfOneLine,
        _ => TextAlign.Left,
    };

    /// <summary>Text up to the body size sits on the body's line grid; larger text gets the theme's multiple of its size.</summary>
    public double PitchFor(double size) => size <= _theme.Body.SizePt + 0.01 ? _theme.Body.LinePitchPt : Math.Max(_theme.Body.LinePitchPt, size * _theme.Layout.LargeTextPitch);

    public double CoverTopShare => _theme.Layout.CoverTopPct / 100;
    public double CoverStatusGapShare => _theme.Layout.CoverStatusGapPct / 100;
    public double ListIndent => _theme.Layout.ListIndentEm * _theme.Body.SizePt;
    public string ListBullet => _theme.Layout.ListBullet;
    public double UnitLineLeftShare => _theme.Layout.UnitLineLeftPct / 100;

    /// <summary>How table cells are aligned when the template says nothing.</summary>
    public sealed record CellAlignment(TextAlign Header, TextAlign Cell, TextAlign Number, TextAlign Wide, int WideSpan, int WideChars)
    {
        public static CellAlignment Of(Theme theme) => new(ParseAlign(theme.Table.HeaderAlign), ParseAlign(theme.Table.CellAlign),
            ParseAlign(theme.Table.NumberAlign), ParseAlign(theme.Table.WideCellAlign), theme.Table.WideCellSpan, theme.Table.WideCellChars);
    }

    public CellAlignment TableAlignment => CellAlignment.Of(_theme);

    public TextStyle TableText(bool bold) => new(Chain(_theme.Table.Font, bold), _theme.Table.SizePt, TextColor);
    public bool TableHeaderBold => string.Equals(_theme.Table.HeaderWeight, "bold", StringComparison.OrdinalIgnoreCase);
    public double TablePitch => _theme.Table.LinePitchPt;

    public TableStyle Table => new()
    {
        Padding = _theme.Table.PaddingMm * PageSetup.PointsPerMm,
        BorderWidth = _theme.Table.BorderPt,
        BorderColor = Rgb.Parse(_theme.Table.BorderColor),
        HeaderBackground = string.IsNullOrWhiteSpace(_theme.Table.HeaderBackground) ? null : Rgb.Parse(_theme.Table.HeaderBackground),
        KeepWholeUpTo = _theme.Table.SizePt * _theme.Table.KeepWholeEm,
        MinContentCap = _theme.Table.SizePt * _theme.Table.MinContentCapEm,
        BalanceColumns = _theme.Table.BalanceColumns,
        BalanceStep = _theme.Table.SizePt / 2,
        KeepRowsAtBreak = _theme.Table.KeepRowsAtBreak,
        MaxExtraBlank = 2 * _theme.Body.LinePitchPt,
    };

    /// <summary>The theme's words above a table's continuation ("" for none).</summary>
    public string ContinuationCaption => _theme.Table.ContinuationCaption;
    /// <summary>Space above a caption that follows a table on the same page.</summary>
    public double GapAfterTable => _theme.Table.CaptionGapLines * _theme.Body.LinePitchPt;

    /// <summary>The document's page setup (the theme's <c>page:</c>; checked when the theme was loaded).</summary>
    public PageSetup Page => Setup(_theme.Page);

    /// <summary>A named page setup of the theme's <c>pages:</c>, or null when there is none of that name.</summary>
    public PageSetup? PageNamed(string name) => _theme.PageNamed(name) is { } p ? Setup(p) : null;

    public IEnumerable<string> PageNames => _theme.Pages.Keys;

    private static PageSetup Setup(PageGeometryTheme p) =>
        PageSetup.Mm(p.WidthMm, p.HeightMm, p.MarginTopMm, p.MarginLeftMm, p.BodyWidthMm, p.BodyHeightMm);

    /// <summary>避头尾 and 标点挤压: the theme's lists where it gives them, else the standard's.</summary>
    public PunctuationRules Punctuation
    {
        get
        {
            var p = _theme.Punctuation;
            var standard = PunctuationRules.Standard;
            return standard with
            {
                NoLineStart = p.NoLineStart ?? standard.NoLineStart,
                NoLineEnd = p.NoLineEnd ?? standard.NoLineEnd,
                CompressPairs = p.CompressPairs,
            };
        }
    }

    public PageFooter Footer
    {
        get
        {
            var f = _theme.Page.Footer;
            var outside = f.Position.Equals("outside", StringComparison.OrdinalIgnoreCase);
            if (!outside && !f.Position.Equals("center", StringComparison.OrdinalIgnoreCase))
                throw new InvalidDataException($"page.footer.position '{f.Position}' is not supported (center or outside)");
            return new PageFooter(f.Format, new TextStyle(Chain(f.Font, false), f.SizePt, TextColor), f.OffsetMm * PageSetup.PointsPerMm)
            {
                Placement = outside ? FooterPlacement.Outside : FooterPlacement.Center,
                OutsideIndent = f.OutsideIndentEm * f.SizePt,
            };
        }
    }
}
