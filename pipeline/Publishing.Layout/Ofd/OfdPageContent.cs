using System.Globalization;
using System.Text;
using Publishing.Layout.Frames;

namespace Publishing.Layout.Ofd;

/// <summary>
/// One page's Content.xml (GB/T 33190 §8–11): one layer holding, in the order layout placed them, a TextObject
/// per glyph run, a PathObject per rectangle, rule and dotted leader, and an invisible PathObject per link
/// whose CLICK action goes to the link's destination. Frames and OFD both have y growing down from the top
/// edge, so positions carry over; points become millimetres.
/// </summary>
internal sealed class OfdPageContent(OfdFonts fonts, OfdResources resources, Func<long> nextId,
    Func<string, OfdDestination?> destination, OfdStructureTags tags)
{
    // A quarter circle as a cubic Bézier: the control points lie this fraction of the radius from the ends.
    private const double Kappa = 0.5522847498;
    private OfdXml _xml = null!;

    private long _pageId;

    /// <param name="ownArea">Whether the page gets its own size (it differs from the document's page area).</param>
    public byte[] Write(PageFrame page, long pageId, bool ownArea)
    {
        _pageId = pageId;
        _xml = OfdXml.Part("Page");
        if (ownArea)
            _xml.Start("Area").Start("PhysicalBox").Text(BoxText(0, 0, page.Width, page.Height)).End("PhysicalBox").End("Area");
        _xml.Start("Content").Start("Layer").Attribute("ID", nextId());
        foreach (var item in page.Items)
        {
            _item = item;
            switch (item)
            {
                case GlyphRun run when run.Glyphs.Length > 0: Text(run); break;
                case RectMark rect: Rectangle(rect); break;
                case LineMark { Dotted: true } dots: Dots(dots); break;
                case LineMark line: Line(line); break;
                case LinkMark link: Link(link); break;
            }
        }
        _xml.End("Layer").End("Content").End("Page");
        return _xml.ToBytes();
    }

    private FrameItem? _item;

    /// <summary>A new object's id, noted under the structure element the mark belongs to (none: an artifact).</summary>
    private long ObjectId()
    {
        var id = nextId();
        if (_item?.Tag is { } tag) tags.Add(tag, _pageId, id);
        return id;
    }

    private void Text(GlyphRun run)
    {
        var font = fonts.For(run.Face);
        var codes = OfdTextCodes.Of(run, font);
        // The box holds every glyph with room for ascenders, descenders and side bearings: a reader may clip to it.
        var left = run.X + Math.Min(0, codes.MinX) - run.Size;
        var top = run.Baseline - run.Size * 1.5;
        var width = Math.Max(run.Width, codes.MaxX) + run.Size * 3;
        var box = (X: OfdXml.Micrometres(left), Y: OfdXml.Micrometres(top));
        _xml.Start("TextObject").Attribute("ID", ObjectId()).Box("Boundary", left, top, width, run.Size * 2.25)
            .Attribute("Font", font.Id).Mm("Size", run.Size);
        if (font.Names.Bold) _xml.Attribute("Weight", 700);
        Color("FillColor", run.Color, black: false);
        var number = new StringBuilder();
        foreach (var code in codes.Codes)
        {
            foreach (var transform in code.Transforms)
            {
                number.Clear();
                for (var g = 0; g < transform.Glyphs.Length; g++)
                {
                    if (g > 0) number.Append(' ');
                    number.Append(transform.Glyphs[g].ToString(CultureInfo.InvariantCulture));
                }
                _xml.Start("CGTransform").Attribute("CodePosition", transform.CodePosition).Attribute("CodeCount", transform.CodeCount)
                    .Attribute("GlyphCount", transform.Glyphs.Length).Start("Glyphs").Text(number).End("Glyphs").End("CGTransform");
            }
            number.Clear();
            OfdXml.Number(number, code.X - box.X);
            _xml.Start("TextCode").Raw("X", number);
            number.Clear();
            OfdXml.Number(number, OfdXml.Micrometres(run.Baseline) - box.Y);
            _xml.Raw("Y", number);
            if (code.Deltas.Count > 0) _xml.Raw("DeltaX", OfdArrays.Deltas(code.Deltas));
            _xml.Text(code.Text).End("TextCode");
        }
        _xml.End("TextObject");
    }

    /// <summary>A filled rectangle (cell background, a drawn hyphen).</summary>
    private void Rectangle(RectMark rect)
    {
        _xml.Start("PathObject").Attribute("ID", ObjectId()).Box("Boundary", rect.X, rect.Y, rect.Width, rect.Height)
            .Attribute("Stroke", "false").Attribute("Fill", "true");
        Color("FillColor", rect.Fill, black: true);
        _xml.Start("AbbreviatedData").Text(RectanglePath(rect.Width, rect.Height)).End("AbbreviatedData").End("PathObject");
    }

    /// <summary>A rule or border: a stroked segment whose width and colour are a shared draw parameter.</summary>
    private void Line(LineMark line)
    {
        var half = line.Thickness / 2;
        var left = Math.Min(line.X1, line.X2) - half;
        var top = Math.Min(line.Y1, line.Y2) - half;
        var origin = (X: OfdXml.Micrometres(left), Y: OfdXml.Micrometres(top));
        var path = new StringBuilder("M ");
        Point(path, line.X1, line.Y1, origin).Append(" L ");
        Point(path, line.X2, line.Y2, origin);
        _xml.Start("PathObject").Attribute("ID", ObjectId())
            .Box("Boundary", left, top, Math.Abs(line.X2 - line.X1) + line.Thickness, Math.Abs(line.Y2 - line.Y1) + line.Thickness)
            .Attribute("DrawParam", resources.LineStyle(line.Color, line.Thickness));
        if (line.Color.A < 255) _xml.Attribute("Alpha", line.Color.A);
        _xml.Start("AbbreviatedData").Text(path).End("AbbreviatedData").End("PathObject");
    }

    /// <summary>Round dots of the rule's thickness, one step apart, the last flush against the line's end (as the PDF's).</summary>
    private void Dots(LineMark line)
    {
        var step = line.Thickness * 2.6;
        var count = (int)Math.Floor((line.X2 - line.X1) / step);
        var x0 = line.X2 - count * step;
        var r = line.Thickness / 2;
        var k = r * Kappa;
        var cy = line.Y1 - r;
        var left = x0 - r;
        var top = cy - r;
        var origin = (X: OfdXml.Micrometres(left), Y: OfdXml.Micrometres(top));
        var path = new StringBuilder();
        for (var i = 0; i <= count; i++)
        {
            var cx = x0 + i * step;
            path.Append("M ");
            Point(path, cx + r, cy, origin);
            Curve(path, origin, (cx + r, cy - k), (cx + k, cy - r), (cx, cy - r));
            Curve(path, origin, (cx - k, cy - r), (cx - r, cy - k), (cx - r, cy));
            Curve(path, origin, (cx - r, cy + k), (cx - k, cy + r), (cx, cy + r));
            Curve(path, origin, (cx + k, cy + r), (cx + r, cy + k), (cx + r, cy));
            path.Append(" C ");
        }
        _xml.Start("PathObject").Attribute("ID", ObjectId()).Box("Boundary", left, top, count * step + 2 * r, 2 * r)
            .Attribute("Stroke", "false").Attribute("Fill", "true");
        Color("FillColor", line.Color, black: true);
        _xml.Start("AbbreviatedData").Text(path.ToString().TrimEnd()).End("AbbreviatedData").End("PathObject");
    }

    /// <summary>
    /// A link: an invisible rectangle (neither stroked nor filled) whose click goes to the destination's page
    /// and point (Goto, §14). A link to an anchor no page holds is left out, as the PDF leaves it out.
    /// </summary>
    private void Link(LinkMark link)
    {
        if (destination(link.Target) is not { } to) return;
        _xml.Start("PathObject").Attribute("ID", ObjectId()).Box("Boundary", link.X, link.Y, link.Width, link.Height)
            .Attribute("Stroke", "false");
        _xml.Start("Actions").Start("Action").Attribute("Event", "CLICK").Start("Goto");
        to.Write(_xml);
        _xml.End("Goto").End("Action").End("Actions");
        _xml.Start("AbbreviatedData").Text(RectanglePath(link.Width, link.Height)).End("AbbreviatedData").End("PathObject");
    }

    /// <summary>A colour element, left out when it is the default (black text; a path's colour is always written).</summary>
    private void Color(string element, Rgb color, bool black)
    {
        if (!black && color == Rgb.Black) return;
        _xml.Start(element).Attribute("Value", $"{color.R} {color.G} {color.B}");
        if (color.A < 255) _xml.Attribute("Alpha", color.A);
        _xml.Empty();
    }

    private static string RectanglePath(double width, double height)
    {
        var text = new StringBuilder("M 0 0 L ");
        OfdXml.Number(text, OfdXml.Micrometres(width)).Append(" 0 L ");
        OfdXml.Number(text, OfdXml.Micrometres(width)).Append(' ');
        OfdXml.Number(text, OfdXml.Micrometres(height)).Append(" L 0 ");
        OfdXml.Number(text, OfdXml.Micrometres(height)).Append(" C");
        return text.ToString();
    }

    internal static string BoxText(double x, double y, double width, double height)
    {
        var text = new StringBuilder();
        OfdXml.Number(text, OfdXml.Micrometres(x)).Append(' ');
        OfdXml.Number(text, OfdXml.Micrometres(y)).Append(' ');
        OfdXml.Number(text, OfdXml.Micrometres(width)).Append(' ');
        OfdXml.Number(text, OfdXml.Micrometres(height));
        return text.ToString();
    }

    /// <summary>A point of the page, relative to its object's boundary (both in whole micrometres).</summary>
    private static StringBuilder Point(StringBuilder path, double x, double y, (long X, long Y) origin)
    {
        OfdXml.Number(path, OfdXml.Micrometres(x) - origin.X).Append(' ');
        return OfdXml.Number(path, OfdXml.Micrometres(y) - origin.Y);
    }

    private static void Curve(StringBuilder path, (long X, long Y) origin, (double X, double Y) c1, (double X, double Y) c2, (double X, double Y) end)
    {
        path.Append(" B ");
        Point(path, c1.X, c1.Y, origin).Append(' ');
        Point(path, c2.X, c2.Y, origin).Append(' ');
        Point(path, end.X, end.Y, origin);
    }
}
