namespace Publishing.Cli.Serve;

/// <summary>
/// The documents' pages as the live preview serves them: each with the version it was read at (its file's
/// write time) in a meta element, which site.js compares with the version of each build it hears of. A page
/// that loaded while its PDF was still being built is updated all the same, the moment it connects.
/// </summary>
internal sealed class LivePages(string outputRoot)
{
    public const string NoVersion = "0";

    /// <summary>The document a request is for, when it asks for a document's page (/slug/ or /slug/index.html).</summary>
    public static string? DocumentOf(string requestPath)
    {
        var parts = requestPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var page = parts.Length == 1 && requestPath.EndsWith('/') || parts.Length == 2 && parts[1] == "index.html";
        return page && parts[0] is not ("." or ".." or "_site" or "_live") ? parts[0] : null;
    }

    /// <summary>The version of a document's page now ("0" when it has none).</summary>
    public string Version(string slug)
    {
        var file = new FileInfo(PagePath(slug));
        return file.Exists ? file.LastWriteTimeUtc.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture) : NoVersion;
    }

    /// <summary>A document's page with its version, or null when it has none yet.</summary>
    public string? Read(string slug)
    {
        // The version first: a page replaced between the two is newer than it says, and is merely updated once more.
        var version = Version(slug);
        try
        {
            return version == NoVersion ? null : WithVersion(File.ReadAllText(PagePath(slug)), version);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public static string WithVersion(string page, string version) => Site.LiveVersionMark.Add(page, version);

    private string PagePath(string slug) => Path.Combine(outputRoot, slug, "index.html");
}
