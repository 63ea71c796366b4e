using System.Text.RegularExpressions;
using Publishing.Rendering.Pdf;
using Publishing.Tests.Support;

namespace Publishing.Tests.Docs;

/// <summary>
/// The vocabulary of the assembled HTML is defined once, in code (PdfVocabulary: what the PDF reads and the template
/// check enforces); docs/html-vocabulary.md says the same in words. Every element, attribute and class of the code
/// is in the page, and every class the page lists for the theme is known to the code.
/// </summary>
public sealed class VocabularyDocumentationTests
{
    private static readonly string Page = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "html-vocabulary.md"));

    /// <summary>The names the page writes as code (`…`), split at the dots and spaces of selectors like `li.toc-part > a`.</summary>
    private static readonly HashSet<string> Named = Regex.Matches(Page, "`([^`]+)`").SelectMany(m => Regex.Split(m.Groups[1].Value, @"[\s.>\[\]=""#:(),]+"))
        .Where(t => t.Length > 0).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void Every_element_and_attribute_the_pdf_reads_is_on_the_page()
    {
        var missing = PdfVocabulary.Elements.Keys.Where(e => !Named.Contains(e) && !InHeadingRange(e)).Select(e => "<" + e + ">")
            .Concat(PdfVocabulary.Elements.SelectMany(e => e.Value).Concat(PdfVocabulary.CommonAttributes).Distinct()
                .Where(a => !Named.Contains(a) && !Page.Contains($"`{a}=", StringComparison.Ordinal)))
            .ToList();
        missing.ShouldBeEmpty("PdfVocabulary names these; docs/html-vocabulary.md does not");
    }

    [Fact]
    public void Every_class_the_code_knows_is_on_the_page_and_every_class_the_page_lists_is_known()
    {
        var missing = PdfVocabulary.LayoutClasses.Concat(PdfVocabulary.PreviewClasses)
            .Where(c => !Named.Contains(c) && !Named.Contains(c.TrimEnd('*')) && !Named.Any(n => c.EndsWith('*') && n.StartsWith(c[..^1], StringComparison.Ordinal)))
            .ToList();
        missing.ShouldBeEmpty("PdfVocabulary knows these classes; docs/html-vocabulary.md does not name them");

        var section = Page[Page.IndexOf("## Classes used by the theme", StringComparison.Ordinal)..];
        var listed = Regex.Matches(section, "`([a-z][a-z0-9*-]*)`").Select(m => m.Groups[1].Value).Where(c => c is not ("cell-text" or "whole-label")).ToList();
        listed.Count.ShouldBeGreaterThan(10);
        listed.Where(c => !PdfVocabulary.IsKnownClass(c.TrimEnd('*'), prefixOnly: c.EndsWith('*'))).ShouldBeEmpty("listed on the page but unknown to PdfVocabulary");
    }

    /// <summary>Headings are written as a range on the page: `h1`–`h6`.</summary>
    private static bool InHeadingRange(string element) =>
        Regex.IsMatch(element, "^h[1-6]$") && Regex.Match(Page, "`h1`–`h([1-6])`") is { Success: true } m && element[1] <= m.Groups[1].Value[0];
}
