using System.Text.RegularExpressions;
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
    public static string Chinese(string original, IReadOnlyCollection<string> declared)
    {
        if (Indexer().Match(original) is { Success: true } indexer)
        {
            var key = indexer.Groups["key"].Value;
            var target = indexer.Groups["target"].Value;
            var nearest = Nearest(key, declared);
            return $"模板中的 {target}[\"{key}\"] 取不到值：表单没有声明名为“{key}”的列或设置项。" +
                   (nearest is not null ? $"是否应为“{nearest}”？" : declared.Count > 0 ? $"已声明的：{Listed(declared)}。" : "");
        }
        if (Variable().Match(original) is { Success: true } variable)
            return $"模板中的变量或函数“{variable.Groups["name"].Value}”不存在（名字写错，或在使用之前没有赋值）。";
        if (Member().Match(original) is { Success: true } member)
            return $"模板中的“{member.Groups["name"].Value}”不存在：这个对象没有这个成员（名字写错？成员名用小写和下划线，如 project.budget、row.columns）。";
        if (Null().Match(original) is { Success: true } none)
        {
            var target = none.Groups["target"].Success ? none.Groups["target"].Value : none.Groups["target2"].Value;
            return $"模板中的“{target}”是空值（null），不能再取它的成员或下标：请先用 if 判断它是否存在。";
        }
        return "模板运行错误：" + original;
    }

    private static string? Nearest(string name, IEnumerable<string> known)
    {
        if (name.Length > 100) return null;
        return known.Select(k => (Name: k, Distance: EditDistance.Between(k, name)))
            .Where(x => x.Distance <= Math.Max(1, x.Name.Length / 2))
            .OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal)
            .Select(x => x.Name).FirstOrDefault();
    }

    private static string Listed(IReadOnlyCollection<string> names) =>
        names.Count <= 15 ? string.Join("、", names) : string.Join("、", names.Take(15)) + $" 等 {names.Count} 个";
}
