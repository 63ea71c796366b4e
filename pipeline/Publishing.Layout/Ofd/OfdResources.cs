using Publishing.Layout.Frames;

namespace Publishing.Layout.Ofd;

/// <summary>
/// The document's public resources (PublicRes.xml, GB/T 33190 §7.9): the embedded fonts, and one draw parameter
/// per line style (colour and width) that the rules and borders share instead of repeating them on every path.
/// </summary>
internal sealed class OfdResources(OfdFonts fonts, Func<long> nextId)
{
    public const string BaseLoc = "Res";
    private readonly Dictionary<(Rgb Color, long Width), long> _lineStyles = new();

    /// <summary>The draw parameter's id for a stroke of this colour and width, made the first time it is asked for.</summary>
    public long LineStyle(Rgb color, double width)
    {
        var key = (color with { A = 255 }, OfdXml.Micrometres(width));
        if (!_lineStyles.TryGetValue(key, out var id)) _lineStyles[key] = id = nextId();
        return id;
    }

    public byte[] Write()
    {
        var xml = OfdXml.Part("Res").Attribute("BaseLoc", BaseLoc);
        if (_lineStyles.Count > 0)
        {
            xml.Start("DrawParams");
            foreach (var ((color, width), id) in _lineStyles.OrderBy(s => s.Value))
            {
                var text = new System.Text.StringBuilder();
                OfdXml.Number(text, width);
                xml.Start("DrawParam").Attribute("ID", id).Raw("LineWidth", text)
                    .Start("StrokeColor").Attribute("Value", $"{color.R} {color.G} {color.B}").Empty().End("DrawParam");
            }
            xml.End("DrawParams");
        }
        if (fonts.All.Count > 0)
        {
            xml.Start("Fonts");
            foreach (var font in fonts.All)
            {
                xml.Start("Font").Attribute("ID", font.Id).Attribute("FontName", font.Names.FontName)
                    .Attribute("FamilyName", font.Names.FamilyName);
                if (font.Names.Bold) xml.Attribute("Bold", "true");
                xml.Element("FontFile", font.FileName).End("Font");
            }
            xml.End("Fonts");
        }
        return xml.End("Res").ToBytes();
    }
}
