using System.Text.RegularExpressions;
using Publishing.Tests.Support;

namespace Publishing.Tests.Architecture;

/// <summary>
/// No string surgery on markup in the product: the assembled HTML is parsed once (Assembly/AssembledDocument) and
/// every later stage works on that tree, or the templates write what is needed in the first place. Where markup
/// exists (the assembly, the PDF mapping, the site, the build and the live preview), a regular expression is
/// allowed only in the files listed here with what it reads instead, and a string search or replace of a literal
/// tag or attribute (<c>IndexOf("&lt;/head&gt;")</c>, <c>Replace("data-src=\"…")</c>, <c>IndexOf('&lt;')</c>) only in the
/// files listed with why. A stale entry fails too, so the lists stay what is left.
/// </summary>
public sealed partial class MarkupByTextTests
{
    private static readonly string[] Folders =
    [
        "pipeline/Publishing.Core/Assembly", "pipeline/Publishing.Core/Rendering", "pipeline/Publishing.Core/Site",
        "pipeline/Publishing.Core/Build", "pipeline/Publishing.Cli/Serve",
    ];

    /// <summary>Each file that may use a regular expression, and what it reads (none of it markup the pipeline made).</summary>
    private static readonly Dictionary<string, string> RegexUses = new(StringComparer.Ordinal)
    {
        ["pipeline/Publishing.Core/Assembly/TemplateRowMarks.cs"] = "a template's source text when it is parsed, before any markup exists",
        ["pipeline/Publishing.Core/Assembly/TemplateMessages.cs"] = "Scriban's English error messages, to say them in Chinese",
        ["pipeline/Publishing.Core/Rendering/Pdf/TemplateVocabularyCheck.cs"] = "the templates' source text (what they may write), not their output",
        ["pipeline/Publishing.Core/Rendering/Pdf/TableBlocks.cs"] = "a style attribute's value (CSS widths and alignment), read from the tree",
        ["pipeline/Publishing.Core/Site/WebFonts.cs"] = "the theme's stylesheet (CSS url()s of the fonts)",
        ["pipeline/Publishing.Core/Site/DocumentPages.cs"] = "a manifest field's value (主管部门 with its code)",
    };

    /// <summary>Each file that may search markup as text, and why it is not done on the tree.</summary>
    private static readonly Dictionary<string, string> MarkupSearches = new(StringComparer.Ordinal)
    {
        ["pipeline/Publishing.Core/Build/HtmlLimits.cs"] = "the size guard on the templates' output runs before the parse it protects (a million paragraphs fail in a moment)",
    };

    [Fact]
    public void No_regular_expression_or_literal_tag_search_works_on_markup_outside_the_listed_uses()
    {
        var found = Scan(RepoPaths.Root, Folders);

        found.Regex.Except(RegexUses.Keys).ShouldBeEmpty("a regular expression where markup exists: work on the parsed tree (AssembledDocument) " +
            "or write the markup right in the template; a use on something else (CSS, a message) goes into RegexUses with what it reads");
        RegexUses.Keys.Except(found.Regex).ShouldBeEmpty("listed in RegexUses but no longer using a regular expression: take it off the list");
        found.MarkupSearch.Keys.Except(MarkupSearches.Keys).ShouldBeEmpty(
            "markup searched or replaced as text: " + string.Join("; ", found.MarkupSearch.Select(f => $"{f.Key}:{f.Value}")));
        MarkupSearches.Keys.Except(found.MarkupSearch.Keys).ShouldBeEmpty("listed in MarkupSearches but no longer searching markup: take it off the list");
    }

    [Fact]
    public void The_scan_sees_a_regex_and_a_search_or_replace_of_a_literal_tag_attribute_or_angle_bracket()
    {
        var root = RepoPaths.NewTempDirectory("markup-scan");
        var folder = Path.Combine(root, "pipeline", "Publishing.Core", "Site");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "Strip.cs"), """
            namespace Publishing.Site;
            static class Strip { static string Marks(string html) => System.Text.RegularExpressions.Regex.Replace(html, " data-x=\"[^\"]*\"", ""); }
            """);
        File.WriteAllText(Path.Combine(folder, "Head.cs"), """
            namespace Publishing.Site;
            static class Head { static int Of(string page) => page.IndexOf("</head>", System.StringComparison.Ordinal); }
            """);
        File.WriteAllText(Path.Combine(folder, "Prefix.cs"), """
            namespace Publishing.Site;
            static class Prefix
            {
                const string Attribute = "data-src=\"";
                static string Relative(string html, string dir) => html.Replace(Attribute + dir, Attribute);
            }
            """);
        File.WriteAllText(Path.Combine(folder, "Tags.cs"), """
            namespace Publishing.Site;
            static class Tags { static int First(string html) => html.IndexOf('<'); }
            """);
        File.WriteAllText(Path.Combine(folder, "Clean.cs"), """
            namespace Publishing.Site;
            // Regex in a comment, and a message naming <colgroup> with no search: neither counts.
            static class Clean
            {
                static string Say(int n) => $"而 <colgroup> 只定义了 {n} 列";
                static string Csv(string s) => s.Replace(",", "");
            }
            """);

        var found = Scan(root, ["pipeline/Publishing.Core/Site"]);

        found.Regex.ShouldBe(["pipeline/Publishing.Core/Site/Strip.cs"]);
        found.MarkupSearch.Keys.Order(StringComparer.Ordinal).ShouldBe(["pipeline/Publishing.Core/Site/Head.cs",
            "pipeline/Publishing.Core/Site/Prefix.cs", "pipeline/Publishing.Core/Site/Strip.cs", "pipeline/Publishing.Core/Site/Tags.cs"]);
    }

    private sealed record Found(IReadOnlyList<string> Regex, IReadOnlyDictionary<string, int> MarkupSearch);

    /// <summary>The files (repository-relative) using a regular expression, and those searching markup as text with the first such line.</summary>
    private static Found Scan(string root, IEnumerable<string> folders)
    {
        var regex = new List<string>();
        var searches = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            var full = Path.Combine(root, folder);
            if (!Directory.Exists(full)) continue;
            foreach (var file in Directory.GetFiles(full, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                var text = File.ReadAllText(file);
                var code = CodeLines(text);
                if (code.Any(line => RegexToken().IsMatch(line))) regex.Add(relative);
                if (MarkupSearchLine(text, code) is int line) searches[relative] = line;
            }
        }
        return new Found(regex, searches);
    }

    /// <summary>
    /// The first line (1-based) calling a string search or replace with markup: a literal holding a tag or an
    /// attribute on the same line, a constant defined as one, or the character '&lt;' or '&gt;'. A line-level look,
    /// not a compiler: a message naming a tag beside an unrelated Replace on one line counts too (split the line).
    /// </summary>
    private static int? MarkupSearchLine(string text, IReadOnlyList<string> code)
    {
        var literals = CSharpStringLiterals.In(text);
        var markupLines = literals.Where(l => MarkupLiteral().IsMatch(l.Text)).Select(l => l.Line).ToHashSet();
        var markupConstants = code.Select(l => MarkupConstant().Match(l)).Where(m => m.Success && MarkupLiteral().IsMatch(m.Groups[2].Value))
            .Select(m => m.Groups[1].Value).ToList();
        for (var i = 0; i < code.Count; i++)
        {
            if (!TextOperation().IsMatch(code[i])) continue;
            if (markupLines.Contains(i + 1) || AngleCharacter().IsMatch(code[i])
                || markupConstants.Any(c => Regex.IsMatch(code[i], $@"\b{c}\b") && !MarkupConstant().IsMatch(code[i])))
                return i + 1;
        }
        return null;
    }

    /// <summary>The file's lines with // comments blanked (a line's number is kept).</summary>
    private static List<string> CodeLines(string text) =>
        text.Split('\n').Select(l => l.TrimStart().StartsWith("//", StringComparison.Ordinal) ? "" : l).ToList();

    [GeneratedRegex(@"\bRegex\b|GeneratedRegex")]
    private static partial Regex RegexToken();

    [GeneratedRegex(@"\.(IndexOf|LastIndexOf|Replace|Insert|Contains|StartsWith|EndsWith|Split)\(")]
    private static partial Regex TextOperation();

    /// <summary>A tag (&lt;p, &lt;/head) or an attribute with its opening quote (data-src=").</summary>
    [GeneratedRegex(@"<[a-zA-Z/!]|[a-zA-Z][a-zA-Z-]*=\\?""")]
    private static partial Regex MarkupLiteral();

    [GeneratedRegex(@"const\s+string\s+(\w+)\s*=\s*@?""((?:[^""\\]|\\.)*)""")]
    private static partial Regex MarkupConstant();

    [GeneratedRegex(@"'[<>]'")]
    private static partial Regex AngleCharacter();
}
