namespace Publishing.Site;

/// <summary>The strict policy of every page of the site: scripts only from the site's own files (site.js), nothing inline.</summary>
public static class ContentSecurity
{
    public const string Policy = "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";
}
