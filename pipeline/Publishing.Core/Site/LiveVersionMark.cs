namespace Publishing.Site;

/// <summary>
/// The live preview's version line: a <c>&lt;meta name="publishing-live-version"&gt;</c> in the head of a page it
/// serves, which site.js compares with the version of each build it hears of. Added on the page's tree and written
/// with the site's serializer — never spliced into the markup as text (docs/architecture.md, no string surgery).
/// </summary>
public static class LiveVersionMark
{
    public const string MetaName = "publishing-live-version";

    /// <summary>The page with its version in its head.</summary>
    public static string Add(string page, string version)
    {
        var document = Assembly.AssembledDocument.Parse(page);
        var meta = document.CreateElement("meta");
        meta.SetAttribute("name", MetaName);
        meta.SetAttribute("content", version);
        document.Head!.AppendChild(meta);
        return HtmlSerializer.InnerHtml(document);
    }
}
