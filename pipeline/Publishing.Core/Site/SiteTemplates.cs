using Publishing.Assembly;
using Publishing.Diagnostics;
using Scriban.Runtime;

namespace Publishing.Site;

/// <summary>
/// The site's pages around the documents (the document page's frame, the index, the change page) are Scriban
/// templates in templates/site/ that a bureau edits like the document's own: a change there shows at the next
/// build, no recompiling. They run in the same sandbox with the same rule: every printed value is HTML-escaped
/// unless the template marks it <c>raw</c> (only the document's own HTML, already built with the DOM, is).
/// Each page's model is a small record; the templates see its members in snake_case (page.pdf_file).
/// </summary>
public sealed class SiteTemplates(DocumentAssembler assembler)
{
    public const string Folder = "site";
    public const string DocumentPage = "site/document-page.html.sbn";
    public const string IndexPage = "site/index.html.sbn";
    public const string ChangesPage = "site/changes.html.sbn";
    public const string NotBuiltPage = "site/not-built.html.sbn";

    public SiteTemplates(string templatesDirectory) : this(new DocumentAssembler(templatesDirectory)) { }

    /// <summary>
    /// A page from its template, with the page's model as <c>page</c> and <c>site</c> (CSP, path to the site's root).
    /// Rendered without the rows' template marks, which only the PDF reads.
    /// </summary>
    public string? Render(string template, object page, string siteRoot, DiagnosticBag diagnostics) =>
        assembler.Render(template, new ScriptObject
        {
            ["page"] = page,
            ["site"] = new SiteGlobals(ContentSecurity.Policy, siteRoot),
        }, diagnostics);

    /// <summary>Whether a file of templates/site/ is a template (not copied to the site's shared files).</summary>
    public static bool IsTemplate(string file) => file.EndsWith(".sbn", StringComparison.Ordinal);
}

/// <summary>What every site template may use: the Content-Security-Policy and the relative path to the site's root.</summary>
public sealed record SiteGlobals(string Csp, string Root);

/// <summary>The live preview's page of a document that has never built: its errors (templates/site/not-built.html.sbn).</summary>
public sealed record NotBuiltPageModel(string Document, IReadOnlyList<string> Problems);
