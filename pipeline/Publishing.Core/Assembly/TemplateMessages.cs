using System.Text.RegularExpressions;
using Publishing.Diagnostics;
using Publishing.Text;

namespace Publishing.Assembly;

/// <summary>
/// Scriban's runtime errors said in Chinese for the editor who wrote the template, with the nearest name where the
/// mistake is a name: a column the form does not declare (row.columns["项目性质"]), a variable or member misspelt.
/// A message not recognised keeps Scriban's words after a Chinese lead.
/// </summary>
public static partial class TemplateMessages
{
    [GeneratedRegex("^Cannot access target `(?<target>.+?)` with an indexer: \"?(?<key>.*?)\"?$", RegexOptions.Singleline)]
    private static partial Regex Indexer();

    [GeneratedRegex("^The variable or function `(?<name>.+?)` was not found", RegexOptions.Singleline)]
    private static partial Regex Variable();

    [GeneratedRegex("^Cannot get member with name `?(?<name>.+?)`?\\.?$", RegexOptions.Singleline)]
    private static partial Regex Member();

    [GeneratedRegex("^(Object `(?<target>.+?)` is null\\. Cannot access (indexer|member|property).*|Cannot get the member (?<target2>.+?) for a null object\\.)$", RegexOptions.Singleline)]
    private static partial Regex Null();

    /// <param name="original">Scriban's message.</param>
    /// <param name="declared">The names a template may index with: the form's columns and metadata keys.</param>
    public static DiagnosticMessage Chinese(string original, IReadOnlyCollection<string> declared)
    {
        var words = DiagnosticCatalog.TemplateRuntime;
        if (Indexer().Match(original) is { Success: true } indexer)
        {
            var key = indexer.Groups["key"].Value;
            var nearest = Nearest(key, declared);
            var hint = nearest is not null ? DiagnosticPhrases.DidYouMean(nearest)
                : declared.Count > 0 ? words["declared"].Format(("names", DiagnosticPhrases.NamesAndMore(declared, 15))) : "";
            return words["indexer"].With(("target", indexer.Groups["target"].Value), ("key", key), ("hint", hint));
        }
        if (Variable().Match(original) is { Success: true } variable)
            return words["variable"].With(("name", variable.Groups["name"].Value));
        if (Member().Match(original) is { Success: true } member)
            return words["member"].With(("name", member.Groups["name"].Value));
        if (Null().Match(original) is { Success: true } none)
            return words["null"].With(("target", none.Groups["target"].Success ? none.Groups["target"].Value : none.Groups["target2"].Value));
        return words["other"].With(("reason", original));
    }

    private static string? Nearest(string name, IEnumerable<string> known)
    {
        if (name.Length > 100) return null;
        return known.Select(k => (Name: k, Distance: EditDistance.Between(k, name)))
            .Where(x => x.Distance <= Math.Max(1, x.Name.Length / 2))
            .OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal)
            .Select(x => x.Name).FirstOrDefault();
    }

}
