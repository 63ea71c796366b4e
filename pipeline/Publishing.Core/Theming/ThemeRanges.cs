using System.Globalization;

namespace Publishing.Theming;

/// <summary>
/// Values that are well-formed but leave the text no room: a 2000 pt body size, an indent wider than the text
/// block, a line pitch taller than the page. The layout engine would place such text outside the page or not at
/// all (the PDF lost it with exit 0), so each is a located theme error at its key. Text must fit at least
/// <see cref="MinCharactersPerLine"/> characters (after its indent) on a line of the narrowest text block of any
/// page setup, and <see cref="MinLinesPerPage"/> lines in the shortest.
/// </summary>
public static class ThemeRanges
{
    public const int MinCharactersPerLine = 4;
    public const int MinLinesPerPage = 2;
    private const double PointsPerMm = 72 / 25.4;

    /// <summary>Larger than any sensible heading (初号 is 42 pt); a size above this is a typo whatever the page.</summary>
    public const double MaxSizePt = 144;

    public static void Check(Theme theme, Action<string, string> add)
    {
        // Each page setup must hold body text: else the fault is the setup's width or height, reported there.
        var geometries = new List<(string Key, PageGeometryTheme Geometry)> { ("page", theme.Page) };
        geometries.AddRange(theme.Pages.Select(p => ($"pages.{p.Key}", p.Value)));
        // A geometry that does not fit its paper is reported by the page section itself.
        var usable = geometries.Where(g => g.Geometry.BodyWidthMm > 0 && g.Geometry.BodyHeightMm > 0).ToList();
        if (usable.Count == 0) return;
        var body = theme.Body;
        var bodyReasonable = body.SizePt is > 0 and <= MaxSizePt;
        foreach (var (key, geometry) in usable)
        {
            if (bodyReasonable && body.SizePt * MinCharactersPerLine > geometry.BodyWidthMm * PointsPerMm)
                add($"{key}.body_width_mm", Say("body-too-narrow", ("width", Format(geometry.BodyWidthMm)), ("characters", MinCharactersPerLine),
                    ("size", Format(body.SizePt)), ("needed", Format(Math.Ceiling(body.SizePt * MinCharactersPerLine / PointsPerMm)))));
            if (body.LinePitchPt > 0 && body.LinePitchPt <= MaxSizePt * 2 && body.LinePitchPt * MinLinesPerPage > geometry.BodyHeightMm * PointsPerMm)
                add($"{key}.body_height_mm", Say("body-too-short", ("height", Format(geometry.BodyHeightMm)), ("lines", MinLinesPerPage), ("pitch", Format(body.LinePitchPt))));
        }
        var fitting = usable.Where(g => (!bodyReasonable || body.SizePt * MinCharactersPerLine <= g.Geometry.BodyWidthMm * PointsPerMm)
            && !(body.LinePitchPt > 0 && body.LinePitchPt <= MaxSizePt * 2 && body.LinePitchPt * MinLinesPerPage > g.Geometry.BodyHeightMm * PointsPerMm)).ToList();
        if (fitting.Count == 0) return;
        var widthMm = fitting.Min(g => g.Geometry.BodyWidthMm);
        var heightMm = fitting.Min(g => g.Geometry.BodyHeightMm);
        var widthPt = widthMm * PointsPerMm;
        var heightPt = heightMm * PointsPerMm;

        void Line(string key, double sizePt, double indentEm, string indentKey)
        {
            if (sizePt <= 0 || indentEm < 0) return; // ThemeRules reports these
            if (sizePt > MaxSizePt || sizePt * MinCharactersPerLine > widthPt)
                add(key, Say("size-too-large", ("size", Format(sizePt)), ("width", Format(widthMm)), ("widthPt", Format(widthPt)),
                    ("characters", MinCharactersPerLine), ("maximum", Format(Math.Min(MaxSizePt, Math.Floor(widthPt / MinCharactersPerLine))))));
            else if ((indentEm + MinCharactersPerLine) * sizePt > widthPt)
                add(indentKey, Say("indent-too-large", ("indent", Format(indentEm)), ("width", Format(widthMm)), ("characters", MinCharactersPerLine), ("size", Format(sizePt))));
        }

        void Pitch(string key, double pitchPt, int lines = MinLinesPerPage)
        {
            if (pitchPt * lines > heightPt)
                add(key, Say("pitch-too-large", ("pitch", Format(pitchPt)), ("height", Format(heightMm)), ("heightPt", Format(heightPt)), ("lines", lines)));
        }

        Line("body.size_pt", body.SizePt, body.FirstLineIndentEm, "body.first_line_indent_em");
        Pitch("body.line_pitch_pt", body.LinePitchPt);
        Line("table.size_pt", theme.Table.SizePt, 0, "table.size_pt");
        Pitch("table.line_pitch_pt", theme.Table.LinePitchPt);
        var cellPt = 2 * theme.Table.PaddingMm * PointsPerMm + theme.Table.SizePt;
        if (theme.Table.SizePt is > 0 and <= MaxSizePt && theme.Table.SizePt * MinCharactersPerLine <= widthPt && cellPt * MinCharactersPerLine > widthPt)
            add("table.padding_mm", Say("padding-too-large", ("padding", Format(theme.Table.PaddingMm)), ("characters", MinCharactersPerLine), ("width", Format(widthMm))));
        Line("page.footer.size_pt", theme.Page.Footer.SizePt, 0, "page.footer.size_pt");
        foreach (var (name, style) in theme.Styles)
        {
            Line($"styles.{name}.size_pt", style.SizePt, style.IndentEm, $"styles.{name}.indent_em");
            // A heading needs one line on a page; its pitch is its own, else the body's up to the body size (see TextStyleTheme).
            if (style.LinePitchPt > 0) Pitch($"styles.{name}.line_pitch_pt", style.LinePitchPt, 1);
            else if (style.SizePt is > 0 and <= MaxSizePt)
                Pitch($"styles.{name}.size_pt", style.SizePt <= body.SizePt ? body.LinePitchPt : style.SizePt * theme.Layout.LargeTextPitch, 1);
        }
        if (body.SizePt is > 0 and <= MaxSizePt && body.SizePt * MinCharactersPerLine <= widthPt
            && (theme.Layout.ListIndentEm + MinCharactersPerLine) * body.SizePt > widthPt)
            add("layout.list_indent_em", Say("list-indent-too-large", ("indent", Format(theme.Layout.ListIndentEm)), ("characters", MinCharactersPerLine)));
    }

    private static string Format(double number) => number.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Say(string wording, params (string Name, object? Value)[] arguments) => PageGeometryTheme.Say(wording, arguments);
}
