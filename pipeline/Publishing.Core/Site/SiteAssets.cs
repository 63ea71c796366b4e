namespace Publishing.Site;

/// <summary>
/// The files every page of the site shares, from templates/site/ (site.css, site.js: a bureau restyles its
/// site there) to OutputRoot/_site/, written only when they changed. The pages' templates (*.sbn) stay behind.
/// </summary>
public static class SiteAssets
{
    public const string Folder = "_site";

    public static void Publish(string templatesDirectory, string outputRoot)
    {
        var source = Path.Combine(templatesDirectory, "site");
        if (!Directory.Exists(source)) return;
        foreach (var file in Directory.GetFiles(source).Where(f => !SiteTemplates.IsTemplate(f)).Order(StringComparer.Ordinal))
        {
            var destination = Path.Combine(outputRoot, Folder, Path.GetFileName(file));
            Output.AtomicFile.WriteIfChanged(destination, File.ReadAllBytes(file));
        }
    }
}
