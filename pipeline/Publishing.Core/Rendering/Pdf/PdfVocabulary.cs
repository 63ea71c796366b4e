namespace Publishing.Rendering.Pdf;

/// <summary>
/// What the PDF renderer reads of the assembled HTML (docs/html-vocabulary.md lists the same): elements, the
/// classes that change the PDF's layout, and each element's attributes. Templates and content are checked
/// against it, so a template writing something the PDF would silently ignore gets a located warning (PUB4201).
/// Classes the preview's stylesheet styles but the PDF does not need (<see cref="PreviewClasses"/>) are known too.
/// </summary>
internal static class PdfVocabulary
{
    /// <summary>Elements of the document head and root: the PDF does not lay them out, and that is expected.</summary>
    public static readonly IReadOnlySet<string> Frame = new HashSet<string>(StringComparer.Ordinal)
        { "html", "head", "meta", "title", "link", "body" };

    /// <summary>Elements and the attributes the PDF reads on each (beyond <see cref="CommonAttributes"/>).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Elements = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["section"] = new[] { "data-page" }, ["nav"] = new[] { "data-page" }, ["div"] = new[] { "data-page" },
        ["article"] = new[] { "data-page" }, ["main"] = new[] { "data-page" }, ["header"] = Array.Empty<string>(),
        ["footer"] = Array.Empty<string>(), ["blockquote"] = Array.Empty<string>(),
        ["h1"] = Array.Empty<string>(), ["h2"] = Array.Empty<string>(), ["h3"] = Array.Empty<string>(),
        ["h4"] = Array.Empty<string>(), ["h5"] = Array.Empty<string>(), ["h6"] = Array.Empty<string>(),
        ["p"] = Array.Empty<string>(), ["ol"] = new[] { "start" }, ["ul"] = Array.Empty<string>(), ["li"] = Array.Empty<string>(),
        ["table"] = new[] { "data-continued", "data-keep-rows" }, ["colgroup"] = Array.Empty<string>(), ["col"] = new[] { "span", "style", "data-weight" },
        ["thead"] = Array.Empty<string>(), ["tbody"] = Array.Empty<string>(), ["tfoot"] = Array.Empty<string>(),
        ["tr"] = new[] { "align", "valign", "style" },
        ["th"] = new[] { "rowspan", "colspan", "align", "valign", "style", "scope" },
        ["td"] = new[] { "rowspan", "colspan", "align", "valign", "style" },
        ["span"] = Array.Empty<string>(), ["strong"] = Array.Empty<string>(), ["b"] = Array.Empty<string>(),
        ["em"] = Array.Empty<string>(), ["code"] = Array.Empty<string>(), ["a"] = new[] { "href" }, ["br"] = Array.Empty<string>(),
    };

    /// <summary>Attributes read (or deliberately carried) on any element.</summary>
    public static readonly IReadOnlySet<string> CommonAttributes = new HashSet<string>(StringComparer.Ordinal)
        { "id", "class", "data-src", "data-page", "lang", "title", "role" };

    /// <summary>Classes that change the PDF's layout; a trailing '*' matches any ending.</summary>
    internal static readonly string[] LayoutClasses =
    {
        "cover", "cover-department", "cover-title", "cover-status", "cover-credits", "cover-credit",
        "toc", "toc-title", "toc-part", "toc-entry", "part", "part-title", "part-number", "part-name",
        "section", "project", "table-caption", "unit-line", "unit-code-name", "unit-currency", "page-break", "num",
        "numbering-level-*", "align-*", "valign-*", "keep-together", "may-split", "new-page",
    };

    /// <summary>Classes only the preview's stylesheet uses (the PDF lays these tables out by its own rules).</summary>
    public static readonly string[] PreviewClasses = { "project-table", "indicator-table", "form-table", "label", "value" };

    public static bool IsKnownElement(string name) => Frame.Contains(name) || Elements.ContainsKey(name);

    public static bool IsKnownAttribute(string element, string attribute) =>
        CommonAttributes.Contains(attribute) || attribute.StartsWith("aria-", StringComparison.Ordinal)
        || (Elements.TryGetValue(element, out var own) && own.Contains(attribute));

    /// <summary>Whether a class is known; <paramref name="prefixOnly"/>: only its start is known (the rest is computed by the template).</summary>
    public static bool IsKnownClass(string cls, bool prefixOnly = false) =>
        LayoutClasses.Concat(PreviewClasses).Any(known => known.EndsWith('*')
            ? cls.StartsWith(known[..^1], StringComparison.Ordinal) || prefixOnly && known[..^1].StartsWith(cls, StringComparison.Ordinal)
            : prefixOnly ? known.StartsWith(cls, StringComparison.Ordinal) : known == cls);
}
