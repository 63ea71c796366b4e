using Publishing.Diagnostics;

namespace Publishing.Checks;

/// <summary>
/// The data files under templates/ that editors extend without touching code: the typo list
/// (checks/typos.txt) and the qualitative 指标值 (checks/qualitative-values.txt). Indicator frameworks are
/// the forms' (Forms/FormCatalog). A line that cannot be read is a warning at its own line.
/// </summary>
public sealed class CheckData
{
    public const string TyposFile = "checks/typos.txt";
    public const string QualitativeValuesFile = "checks/qualitative-values.txt";

    private readonly string _templates;

    // Each file is read once per CheckData (one per build run, shared by every document); the problems found
    // in it are handed again to each document that asks, so every document's result stays complete.
    private readonly ReadOnceCache _remembered = new();

    public CheckData(string templatesDirectory) => _templates = templatesDirectory;

    private T Remembered<T>(string key, DiagnosticBag diagnostics, Func<DiagnosticBag, T> read) =>
        _remembered.Get(key, diagnostics, read);

    /// <summary>A typo; <paramref name="Except"/> lists longer words around it that are right (预防犯罪 for 防犯).</summary>
    public sealed record TypoEntry(string Wrong, string Right, string Note, IReadOnlyList<string> Except)
    {
        /// <summary>Whether the match at <paramref name="index"/> is part of one of the words that are right.</summary>
        public bool IsExcepted(string text, int index)
        {
            foreach (var word in Except)
            {
                for (var at = word.IndexOf(Wrong, StringComparison.Ordinal); at >= 0; at = word.IndexOf(Wrong, at + 1, StringComparison.Ordinal))
                {
                    var start = index - at;
                    if (start >= 0 && start + word.Length <= text.Length && string.CompareOrdinal(text, start, word, 0, word.Length) == 0) return true;
                }
            }
            return false;
        }
    }

    /// <summary>
    /// Each line “错误写法 → 正确写法 ! 例外词 例外词  # 说明”: the part after ! (optional) lists words that
    /// contain the wrong form and are right; empty lines and lines starting with # are skipped.
    /// </summary>
    public IReadOnlyList<TypoEntry> Typos(DiagnosticBag diagnostics) => Remembered("typos", diagnostics, ReadTypos);

    private IReadOnlyList<TypoEntry> ReadTypos(DiagnosticBag diagnostics)
    {
        var entries = new List<TypoEntry>();
        foreach (var (line, number) in Lines(TyposFile))
        {
            var (content, note) = SplitComment(line);
            if (content.Length == 0) continue;
            var bang = content.IndexOfAny(new[] { '!', '！' });
            var except = bang < 0 ? Array.Empty<string>()
                : content[(bang + 1)..].Split(new[] { ' ', '\t', '、', '，', ',' }, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (bang >= 0) content = content[..bang].Trim();
            var parts = content.Split(new[] { "→", "->", "\t" }, 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0 || parts[0] == parts[1])
            {
                diagnostics.Warning(DiagnosticCodes.CheckDataInvalid, Shown(TyposFile), number, 1,
                    $"错别字表的这一行无法读取：“{content}”。每行应写成“错误写法 → 正确写法”，如“明感 → 敏感”。");
                continue;
            }
            entries.Add(new TypoEntry(parts[0], parts[1], note, except));
        }
        return entries;
    }

    /// <summary>One value per line (优、良、达标 …).</summary>
    public IReadOnlySet<string> QualitativeValues() => Remembered("qualitative", new DiagnosticBag(), _ => ReadQualitativeValues());

    private IReadOnlySet<string> ReadQualitativeValues()
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, _) in Lines(QualitativeValuesFile))
        {
            var (content, _) = SplitComment(line);
            if (content.Length > 0) values.Add(content);
        }
        return values;
    }

    private IEnumerable<(string Line, int Number)> Lines(string relative)
    {
        var path = Path.Combine(_templates, relative);
        if (!File.Exists(path)) yield break;
        var number = 0;
        foreach (var line in File.ReadAllText(path).Replace("\r\n", "\n").Split('\n'))
            yield return (line.TrimStart('\uFEFF'), ++number);
    }

    private static (string Content, string Note) SplitComment(string line)
    {
        var hash = line.IndexOf('#');
        return hash < 0 ? (line.Trim(), "") : (line[..hash].Trim(), line[(hash + 1)..].Trim());
    }

    private string Shown(string relative) => DisplayPaths.For(Path.Combine(_templates, relative));
}
