using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Publishing.Content;
using Publishing.Diagnostics;

namespace Publishing.Rendering.Pdf;

/// <summary>
/// Checks the HTML templates' own markup against <see cref="PdfVocabulary"/> where it is written, so a warning
/// names the template file, line and column an editor of the form has to change (the assembled HTML no longer
/// knows which template wrote what). Scriban code (<c>{{ … }}</c>) is masked first: a tag, class or attribute
/// the template computes is checked by the part that is literal (<c>numbering-level-{{ n }}</c> by its prefix).
/// Each template file is read once per process while it does not change.
/// </summary>
internal static partial class TemplateVocabularyCheck
{
    private const char Masked = '\u0001';
    private static readonly ConcurrentDictionary<(string Path, DateTime Written), IReadOnlyList<Diagnostic>> Cache = new();

    /// <summary>
    /// The HTML templates a document is assembled from: document.html.sbn and what it includes by literal name,
    /// each found as the assembler finds it (in the form's folder first, then in templates/), and every HTML
    /// template in the form's own folder. An include whose name the template computes (<c>include "partials/" +
    /// kind + ".html.sbn"</c>) cannot be followed before the data is known: then every HTML template it could
    /// name (those in the form's folder and in templates/partials/) is checked.
    /// </summary>
    /// <param name="entry">The template the check starts from: a document's, or the volume's front matter (volume/volume.html.sbn).</param>
    public static IReadOnlyList<Diagnostic> Check(string templatesDirectory, string? formFolder = null, string entry = "document.html.sbn")
    {
        var root = Path.GetFullPath(templatesDirectory);
        string? Find(string name) => new[] { formFolder is null ? null : Path.Combine(root, formFolder, name), Path.Combine(root, name) }
            .Where(p => p is not null).Select(p => Path.GetFullPath(p!)).FirstOrDefault(p => p.StartsWith(root, StringComparison.Ordinal) && File.Exists(p));
        IEnumerable<string> HtmlTemplatesIn(string? folder) =>
            folder is not null && Directory.Exists(Path.Combine(root, folder))
                ? Directory.GetFiles(Path.Combine(root, folder), "*.html.sbn").Select(Path.GetFullPath).Order(StringComparer.Ordinal)
                : Enumerable.Empty<string>();
        var files = new List<string>();
        var pending = new Queue<string>();
        if (Find(entry) is { } document) pending.Enqueue(document);
        foreach (var own in HtmlTemplatesIn(formFolder)) pending.Enqueue(own);
        var computedFollowed = false;
        while (pending.TryDequeue(out var file))
        {
            if (files.Contains(file)) continue;
            files.Add(file);
            var text = File.ReadAllText(file);
            foreach (Match include in Include().Matches(text))
            {
                if (include.Groups[2].Success)
                {
                    if (Find(include.Groups[2].Value) is { } included) pending.Enqueue(included);
                }
                else if (!computedFollowed)
                {
                    computedFollowed = true;
                    foreach (var candidate in HtmlTemplatesIn(formFolder).Concat(HtmlTemplatesIn("partials"))) pending.Enqueue(candidate);
                }
            }
        }
        return files.SelectMany(path => Cache.GetOrAdd((path, File.GetLastWriteTimeUtc(path)), key => CheckText(DisplayPaths.For(key.Path), File.ReadAllText(key.Path))))
            .ToList();
    }

    /// <summary>An include: group 2 is its name when the name is a literal string alone, else (computed) it fails.</summary>
    [GeneratedRegex(@"\binclude\s+(?:(['""])([^'""]+)\1(?=\s*(?:~?}}|[;\r\n]|$))|(?=\S))")]
    private static partial Regex Include();

    public static IReadOnlyList<Diagnostic> CheckText(string displayPath, string template)
    {
        var text = Mask(template);
        var result = new List<Diagnostic>();
        var head = false;
        foreach (Match tag in Tag().Matches(text))
        {
            var name = tag.Groups[2].Value.ToLowerInvariant();
            if (name.Contains(Masked)) continue;
            if (name == "head") head = tag.Groups[1].Value.Length == 0;
            if (head || tag.Groups[1].Value.Length > 0 || name == "head") continue;
            void Warn(int index, string wording, params (string Name, object? Value)[] arguments)
            {
                var (line, column) = Position(template, index);
                result.Add(DiagnosticCatalog.VocabularyIgnored[wording].At(displayPath, line, column, arguments));
            }
            if (!PdfVocabulary.IsKnownElement(name))
            {
                Warn(tag.Index, "element", ("element", name));
                continue;
            }
            foreach (Match attribute in Attribute().Matches(tag.Groups[3].Value))
            {
                var attributeName = attribute.Groups[1].Value.ToLowerInvariant();
                var at = tag.Groups[3].Index + attribute.Index;
                if (attributeName.Contains(Masked)) continue;
                if (!PdfVocabulary.IsKnownAttribute(name, attributeName))
                    Warn(at, "attribute", ("element", name), ("attribute", attributeName));
                else if (attributeName == "class")
                    foreach (var cls in attribute.Groups[2].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        var literal = cls.Split(Masked)[0];
                        if (literal.Length == 0 || PdfVocabulary.IsKnownClass(literal, prefixOnly: cls.Contains(Masked))) continue;
                        Warn(at, "class", ("element", name), ("class", cls.Replace(Masked.ToString(), "…")));
                    }
            }
        }
        return result;
    }

    /// <summary>Scriban blocks become <see cref="Masked"/> characters (line breaks kept), so offsets and lines stay.</summary>
    private static string Mask(string template)
    {
        var sb = new StringBuilder(template);
        var i = 0;
        while ((i = template.IndexOf("{{", i, StringComparison.Ordinal)) >= 0)
        {
            var end = template.IndexOf("}}", i + 2, StringComparison.Ordinal);
            end = end < 0 ? template.Length : end + 2;
            for (var k = i; k < end; k++) if (template[k] != '\n') sb[k] = Masked;
            i = end;
        }
        return sb.ToString();
    }

    private static (int Line, int Column) Position(string text, int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var k = 0; k < index; k++)
            if (text[k] == '\n') { line++; lineStart = k + 1; }
        return (line, index - lineStart + 1);
    }

    [GeneratedRegex(@"<(/?)([a-zA-Z][a-zA-Z0-9\u0001]*)((?:\s+[^<>]*?)?)\s*/?>")]
    private static partial Regex Tag();

    [GeneratedRegex("([^\\s=\"'<>/]+)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+)))?")]
    private static partial Regex Attribute();
}
