using System.Net;
using System.Text;

namespace Publishing.Site;

/// <summary>
/// A small writer for the site's own pages (index, change pages): every text goes through <see cref="Text"/>,
/// so nothing from content can become markup.
/// </summary>
internal sealed class Html
{
    private readonly StringBuilder _out = new();

    public static string Escape(string text) => WebUtility.HtmlEncode(text);

    public Html Raw(string markup) { _out.Append(markup); return this; }
    public Html Text(string text) { _out.Append(Escape(text)); return this; }
    public Html Line(string markup = "") { _out.Append(markup).Append('\n'); return this; }

    /// <summary>&lt;tag attrs&gt;text&lt;/tag&gt; with the text escaped; attribute values escaped too.</summary>
    public Html Element(string tag, string text, params (string Name, string? Value)[] attributes)
    {
        Open(tag, attributes);
        return Text(text).Raw($"</{tag}>");
    }

    public Html Open(string tag, params (string Name, string? Value)[] attributes)
    {
        _out.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
            if (value is not null) _out.Append(' ').Append(name).Append("=\"").Append(Escape(value)).Append('"');
        _out.Append('>');
        return this;
    }

    public Html Close(string tag) { _out.Append("</").Append(tag).Append('>'); return this; }

    /// <summary>The head every site page shares.</summary>
    public Html Head(string title, string siteRoot, params string[] stylesheets)
    {
        Line("<!DOCTYPE html>").Line("<html lang=\"zh-CN\">").Line("<head>").Line("<meta charset=\"utf-8\">");
        Line($"<meta http-equiv=\"Content-Security-Policy\" content=\"{ContentSecurity.Policy}\">");
        Line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        Line("<meta name=\"generator\" content=\"Publishing\">");
        Open("title").Text(title).Line("</title>");
        foreach (var sheet in stylesheets) Open("link", ("rel", "stylesheet"), ("href", sheet)).Line();
        Open("link", ("rel", "stylesheet"), ("href", siteRoot + "_site/site.css")).Line();
        Open("script", ("src", siteRoot + "_site/site.js"), ("defer", "")).Line("</script>");
        return Line("</head>");
    }

    public override string ToString() => _out.ToString();
}
