using Publishing.Layout.Frames;
using Publishing.Layout.Structure;

namespace Publishing.Layout.Pdf;

/// <summary>
/// One page's content stream (ISO 32000-1 §8–9): rectangles, rules, dotted leaders and glyph runs, in the order
/// layout placed them (later marks paint over earlier ones). Frames have y growing down from the top edge; PDF
/// has it growing up from the bottom, so every y is turned here. A glyph run is one TJ array per font: each
/// glyph's position is where layout put it, written as the difference from where the glyph before it left the
/// pen (zero for most glyphs, so nothing is written for them).
/// In a tagged PDF (§14.6–14.8) the marks of one structure element that follow each other are one marked-content
/// sequence with its MCID (<c>/P &lt;&lt;/MCID 3&gt;&gt; BDC … EMC</c>); every other mark is inside
/// <c>/Artifact BMC … EMC</c>. Text objects never straddle a sequence's bounds.
/// </summary>
internal sealed class PageContent
{
    // A quarter circle as a cubic Bézier: the control points lie this fraction of the radius from the ends.
    private const double Kappa = 0.5522847498;
    private readonly PdfBuffer _ops = new(32 * 1024);
    private readonly EmbeddedFonts _fonts;
    private readonly Func<byte, string> _alphaState;
    private double _height;
    private bool _inText;
    private EmbeddedFonts.SubsetFont? _font;
    private double _size;
    private Rgb? _fill, _stroke;
    private byte _alpha;
    private double _lineWidth;
    /// <summary>Null when the PDF is not tagged; else which elements are in the document's tree.</summary>
    private readonly IReadOnlySet<StructureElement>? _tree;
    private readonly List<StructureElement> _marked = new();
    private bool _inSequence;
    private StructureElement? _sequenceTag;

    /// <param name="alphaState">The name of the graphics state for an opacity below 255 (registered by the writer).</param>
    /// <param name="tree">The structure elements of a tagged PDF (content tagged with another element is an artifact), or null.</param>
    public PageContent(EmbeddedFonts fonts, Func<byte, string> alphaState, IReadOnlySet<StructureElement>? tree = null)
    {
        _fonts = fonts;
        _alphaState = alphaState;
        _tree = tree;
    }

    /// <summary>The last page's marked-content sequences: the element of each MCID, in MCID order.</summary>
    public IReadOnlyList<StructureElement> Marked => _marked;

    public ReadOnlySpan<byte> Write(PageFrame page)
    {
        _ops.Clear();
        _height = page.Height;
        _inText = false;
        _font = null;
        _fill = _stroke = null;
        _alpha = 255;
        _lineWidth = 1;
        _marked.Clear();
        _inSequence = false;
        foreach (var item in page.Items)
        {
            if (item is GlyphRun { Glyphs.Length: > 0 } or RectMark or LineMark) Sequence(item.Tag);
            switch (item)
            {
                case GlyphRun run when run.Glyphs.Length > 0:
                    BeginText();
                    Fill(run.Color);
                    Run(run);
                    break;
                case RectMark r:
                    EndText();
                    Fill(r.Fill);
                    _ops.Number(r.X).Byte((byte)' ').Number(_height - r.Y - r.Height).Byte((byte)' ')
                        .Number(r.Width).Byte((byte)' ').Number(r.Height).Ascii(" re f\n");
                    break;
                case LineMark { Dotted: true } dots:
                    EndText();
                    Fill(dots.Color);
                    Dots(dots);
                    break;
                case LineMark line:
                    EndText();
                    Stroke(line.Color, line.Thickness);
                    Point(line.X1, line.Y1).Ascii(" m ");
                    Point(line.X2, line.Y2).Ascii(" l S\n");
                    break;
            }
        }
        EndText();
        if (_inSequence) _ops.Ascii("EMC\n");
        return _ops.Span;
    }

    /// <summary>Ends the open marked-content sequence and starts one for <paramref name="tag"/> when the mark's element changes.</summary>
    private void Sequence(StructureElement? tag)
    {
        if (_tree is null) return;
        if (tag is not null && !_tree.Contains(tag)) tag = null;
        if (_inSequence && ReferenceEquals(tag, _sequenceTag)) return;
        EndText();
        if (_inSequence) _ops.Ascii("EMC\n");
        _inSequence = true;
        _sequenceTag = tag;
        if (tag is null)
        {
            _ops.Ascii("/Artifact BMC\n");
            return;
        }
        _ops.Byte((byte)'/').Ascii(tag.Role).Ascii(" <</MCID ").Integer(_marked.Count).Ascii(">> BDC\n");
        _marked.Add(tag);
    }

    private void Run(GlyphRun run)
    {
        _ops.Ascii("1 0 0 1 ").Number(run.X + run.Offsets[0], 3).Byte((byte)' ').Number(_height - run.Baseline, 3).Ascii(" Tm\n");
        var pen = run.X + run.Offsets[0];
        var inArray = false;
        var inHex = false;
        var codes = _fonts.Codes(run);
        for (var i = 0; i < run.Glyphs.Length; i++)
        {
            var font = codes.Fonts[i];
            var glyph = codes.Codes[i];
            if (font != _font || run.Size != _size)
            {
                if (inArray) { _ops.Ascii(inHex ? ">] TJ\n" : "] TJ\n"); inArray = inHex = false; }
                _ops.Byte((byte)'/').Ascii(font.ResourceName).Byte((byte)' ').Number(run.Size, 3).Ascii(" Tf\n");
                _font = font;
                _size = run.Size;
            }
            if (!inArray) { _ops.Byte((byte)'['); inArray = true; }
            // The adjustment in thousandths of an em, against the writing direction (§9.4.3).
            var adjustment = Math.Round((pen - (run.X + run.Offsets[i])) * 1000 / run.Size, 1);
            if (adjustment != 0)
            {
                if (inHex) { _ops.Byte((byte)'>'); inHex = false; }
                _ops.Number(adjustment, 1);
                pen -= adjustment * run.Size / 1000;
            }
            if (!inHex) { _ops.Byte((byte)'<'); inHex = true; }
            _ops.Hex4(glyph);
            pen += codes.Widths[i] * run.Size / 1000;
        }
        _ops.Ascii(inHex ? ">] TJ\n" : "] TJ\n");
    }

    /// <summary>Round dots of the rule's thickness, one step apart, the last flush against the line's end.</summary>
    private void Dots(LineMark line)
    {
        var step = line.Thickness * 2.6;
        var count = (int)Math.Floor((line.X2 - line.X1) / step);
        var x0 = line.X2 - count * step;
        var r = line.Thickness / 2;
        var k = r * Kappa;
        var cy = _height - (line.Y1 - r);
        for (var i = 0; i <= count; i++)
        {
            var cx = x0 + i * step;
            Xy(cx + r, cy).Ascii(" m ");
            Curve(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
            Curve(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
            Curve(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
            Curve(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
            _ops.Ascii("h\n");
        }
        _ops.Ascii("f\n");
    }

    private void Curve(double x1, double y1, double x2, double y2, double x3, double y3)
    {
        Xy(x1, y1).Byte((byte)' ');
        Xy(x2, y2).Byte((byte)' ');
        Xy(x3, y3).Ascii(" c ");
    }

    /// <summary>A point of the frame (y down) in PDF space (y up).</summary>
    private PdfBuffer Point(double x, double y) => Xy(x, _height - y);

    private PdfBuffer Xy(double x, double y) => _ops.Number(x).Byte((byte)' ').Number(y);

    private void BeginText()
    {
        if (_inText) return;
        _ops.Ascii("BT\n");
        _inText = true;
    }

    private void EndText()
    {
        if (!_inText) return;
        _ops.Ascii("ET\n");
        _inText = false;
        _font = null;     // a new text object starts with no font set
    }

    private void Fill(Rgb color)
    {
        Alpha(color.A);
        var opaque = color with { A = 255 };
        if (_fill == opaque) return;
        _fill = opaque;
        Color(color).Ascii(" rg\n");
    }

    private void Stroke(Rgb color, double width)
    {
        Alpha(color.A);
        var opaque = color with { A = 255 };
        if (_stroke != opaque)
        {
            _stroke = opaque;
            Color(color).Ascii(" RG\n");
        }
        if (width != _lineWidth)
        {
            _lineWidth = width;
            _ops.Number(width, 3).Ascii(" w\n");
        }
    }

    private void Alpha(byte alpha)
    {
        if (alpha == _alpha) return;
        _alpha = alpha;
        _ops.Byte((byte)'/').Ascii(_alphaState(alpha)).Ascii(" gs\n");
    }

    private PdfBuffer Color(Rgb c) =>
        _ops.Number(c.R / 255.0, 3).Byte((byte)' ').Number(c.G / 255.0, 3).Byte((byte)' ').Number(c.B / 255.0, 3);
}
