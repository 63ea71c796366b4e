using System.Globalization;
using System.Text;

namespace Publishing.Layout.Ofd;

/// <summary>
/// One XML part of an OFD package, written as text in the ofd: namespace (GB/T 33190-2016 §7): elements,
/// attributes escaped, lengths in millimetres to a thousandth. Written by hand rather than with XmlWriter so
/// the bytes are exactly what this class says, on every runtime.
/// </summary>
internal sealed class OfdXml
{
    public const string Namespace = "http://www.ofdspec.org/2016";
    private const double PointsToMm = 25.4 / 72;
    private readonly StringBuilder _text = new(4096);
    private bool _open;

    /// <summary>A new part whose root element is ofd:<paramref name="root"/>, with the namespace declared.</summary>
    public static OfdXml Part(string root)
    {
        var xml = new OfdXml();
        xml._text.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.Start(root).Attribute("xmlns:ofd", Namespace);
        return xml;
    }

    /// <summary>A part whose root is in another namespace (a custom tag file), with the ofd namespace declared too.</summary>
    public static OfdXml ForeignPart(string prefix, string ns, string root)
    {
        var xml = new OfdXml();
        xml._text.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.Start(prefix, root).Attribute("xmlns:" + prefix, ns).Attribute("xmlns:ofd", Namespace);
        return xml;
    }

    public OfdXml Start(string name) => Start("ofd", name);

    public OfdXml Start(string prefix, string name)
    {
        CloseTag();
        _text.Append('<').Append(prefix).Append(':').Append(name);
        _open = true;
        return this;
    }

    public OfdXml Attribute(string name, string value)
    {
        _text.Append(' ').Append(name).Append("=\"");
        Escape(value, attribute: true);
        _text.Append('"');
        return this;
    }

    public OfdXml Attribute(string name, long value)
    {
        _text.Append(' ').Append(name).Append("=\"").Append(value.ToString(CultureInfo.InvariantCulture)).Append('"');
        return this;
    }

    /// <summary>A length given in points, written in millimetres.</summary>
    public OfdXml Mm(string name, double points)
    {
        _text.Append(' ').Append(name).Append("=\"");
        Number(Micrometres(points));
        _text.Append('"');
        return this;
    }

    /// <summary>A box (x y width height) given in points, written in millimetres.</summary>
    public OfdXml Box(string name, double x, double y, double width, double height)
    {
        _text.Append(' ').Append(name).Append("=\"");
        Number(Micrometres(x)).Append(' ');
        Number(Micrometres(y)).Append(' ');
        Number(Micrometres(width)).Append(' ');
        Number(Micrometres(height));
        _text.Append('"');
        return this;
    }

    /// <summary>An attribute holding raw text the caller built (path data, arrays): no escaping needed.</summary>
    public OfdXml Raw(string name, StringBuilder value)
    {
        _text.Append(' ').Append(name).Append("=\"").Append(value).Append('"');
        return this;
    }

    /// <summary>Ends the start tag as an empty element.</summary>
    public OfdXml Empty()
    {
        _text.Append("/>");
        _open = false;
        return this;
    }

    public OfdXml Text(string text)
    {
        CloseTag();
        Escape(text, attribute: false);
        return this;
    }

    public OfdXml Text(StringBuilder text)
    {
        CloseTag();
        _text.Append(text);
        return this;
    }

    /// <summary>An element holding only text: &lt;ofd:Name&gt;text&lt;/ofd:Name&gt;.</summary>
    public OfdXml Element(string name, string text) => Start(name).Text(text).End(name);

    public OfdXml End(string name) => End("ofd", name);

    public OfdXml End(string prefix, string name)
    {
        if (_open) return Empty();
        _text.Append("</").Append(prefix).Append(':').Append(name).Append('>');
        return this;
    }

    public byte[] ToBytes() => new UTF8Encoding(false).GetBytes(_text.ToString());

    /// <summary>Points in whole micrometres: every length is rounded once, so sums of differences add up exactly.</summary>
    public static long Micrometres(double points) => (long)Math.Round(points * PointsToMm * 1000, MidpointRounding.AwayFromZero);

    /// <summary>Micrometres as millimetres: "12.345", "-0.5", "0".</summary>
    public static StringBuilder Number(StringBuilder text, long micrometres)
    {
        if (micrometres < 0) { text.Append('-'); micrometres = -micrometres; }
        text.Append((micrometres / 1000).ToString(CultureInfo.InvariantCulture));
        var fraction = (int)(micrometres % 1000);
        if (fraction == 0) return text;
        text.Append('.');
        var digits = fraction.ToString("000", CultureInfo.InvariantCulture).TrimEnd('0');
        return text.Append(digits);
    }

    private StringBuilder Number(long micrometres) => Number(_text, micrometres);

    private void CloseTag()
    {
        if (!_open) return;
        _text.Append('>');
        _open = false;
    }

    /// <summary>
    /// XML's five reserved characters as entities; tab, line feed and carriage return in attributes as character
    /// references (a parser would fold them to spaces); characters XML 1.0 cannot hold at all are left out.
    /// </summary>
    private void Escape(string value, bool attribute)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '&': _text.Append("&amp;"); break;
                case '<': _text.Append("&lt;"); break;
                case '>': _text.Append("&gt;"); break;
                case '"' when attribute: _text.Append("&quot;"); break;
                case '\t' or '\n' or '\r' when attribute: _text.Append("&#x").Append(((int)c).ToString("X", CultureInfo.InvariantCulture)).Append(';'); break;
                case '\t' or '\n' or '\r': _text.Append(c); break;
                case < ' ' or '\uFFFE' or '\uFFFF': break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        _text.Append(c).Append(value[++i]);
                    }
                    else if (!char.IsSurrogate(c)) _text.Append(c);
                    break;
            }
        }
    }
}
