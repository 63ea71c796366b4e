using Publishing.Diagnostics;
using Publishing.Model;

namespace Publishing.Checks;

/// <summary>
/// The data files under templates/ that editors extend without touching code: the typo list
/// (checks/typos.txt), the phrasing list (checks/phrasing.txt: 语病) and the qualitative 指标值
/// (checks/qualitative-values.txt). Indicator frameworks are the forms' (Forms/FormCatalog). A line that
/// cannot be read is a warning at its own line.
/// </summary>
public sealed class CheckData
{
    public const string TyposFile = "checks/typos.txt";
    public const string PhrasingFile = "checks/phrasing.txt";
    public const string QualitativeValuesFile = "checks/qualitative-values.txt";

    private readonly string _templates;

    // Each file is read once per CheckData (one per build run, shared by every document); the problems found
    // in it are handed again to each document that asks, so every document's result stays complete.
    private readonly ReadOnceCache _remembered = new();

    public CheckData(string templatesDirectory) => _templates = templatesDirectory;

    private T Remembered<T>(string key, DiagnosticBag diagnostics, Func<DiagnosticBag, T> read) =>
        _remembered.Get(key, diagnostics, read);

    /// <summary>
    /// An entry of the typo or phrasing list. <paramref name="Wrong"/> may hold “…”: any words of the same clause
    /// (no ，。；：！？ between), at most <see cref="MaxGap"/> characters, which the suggestion's “…” repeats.
    /// <paramref name="Except"/> lists what makes a match right after all: for a plain entry, longer words around
    /// it (预防犯罪 for 防犯); for an entry with “…”, words that must not be in the matched text (不 for 确保…的发生).
    /// </summary>
    public sealed record TypoEntry(string Wrong, string Right, string Note, IReadOnlyList<string> Except)
    {
        public const char Gap = '…';
        public const int MaxGap = 30;
        private static readonly char[] ClauseBreaks = ['，', '。', '；', '：', '！', '？', ',', ';', ':', '!', '?', '\n'];

        /// <summary>Each place the entry matches in the text: where, and the suggestion with the matched gaps filled in.</summary>
        public IEnumerable<(int Start, int End, string Suggested)> FindIn(string text)
        {
            var parts = Wrong.Split(Gap);
            if (parts.Length == 1)
            {
                for (var index = text.IndexOf(Wrong, StringComparison.Ordinal); index >= 0;
                     index = text.IndexOf(Wrong, index + Wrong.Length, StringComparison.Ordinal))
                    if (!IsExcepted(text, index)) yield return (index, index + Wrong.Length, Right);
                yield break;
            }
            for (var index = text.IndexOf(parts[0], StringComparison.Ordinal); index >= 0;
                 index = text.IndexOf(parts[0], index + 1, StringComparison.Ordinal))
            {
                if (Gaps(text, index, parts) is not { } found) continue;
                var (end, gaps) = found;
                var matched = text[index..end];
                if (Except.Any(word => matched.Contains(word, StringComparison.Ordinal))) continue;
                var suggested = Right.Split(Gap);
                yield return (index, end, string.Concat(suggested.Select((piece, i) => i == 0 ? piece : gaps.ElementAtOrDefault(i - 1) + piece)));
            }
        }

        /// <summary>The nearest following parts, each after a gap within one clause: where the match ends and its gaps.</summary>
        private static (int End, List<string> Gaps)? Gaps(string text, int start, string[] parts)
        {
            var at = start + parts[0].Length;
            var gaps = new List<string>();
            foreach (var part in parts.Skip(1))
            {
                var next = text.IndexOf(part, at, StringComparison.Ordinal);
                if (next < 0 || next - at > MaxGap || text.AsSpan(at, next - at).IndexOfAny(ClauseBreaks) >= 0) return null;
                gaps.Add(text[at..next]);
                at = next + part.Length;
            }
            return (at, gaps);
        }

        /// <summary>Whether the match at <paramref name="index"/> is part of one of the words that are right.</summary>
        private bool IsExcepted(string text, int index)
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
    public IReadOnlyList<TypoEntry> Typos(DiagnosticBag diagnostics, Form? form = null) =>
        Remembered("typos:" + FolderOf(form), diagnostics, found => WithForm(TyposFile, form,
            file => ReadEntries(file, "typos", found)));

    /// <summary>The phrasing list (语病: 确保…的发生 → 防止…的发生), in the typo list's format, “…” allowed.</summary>
    public IReadOnlyList<TypoEntry> Phrasing(DiagnosticBag diagnostics, Form? form = null) =>
        Remembered("phrasing:" + FolderOf(form), diagnostics, found => WithForm(PhrasingFile, form,
            file => ReadEntries(file, "phrasing", found)));

    /// <summary>
    /// A shared list with the form's own list of the same name (templates/forms/&lt;name&gt;/checks/…) after it:
    /// a form adds words its documents need without changing the other forms'.
    /// </summary>
    private IReadOnlyList<TypoEntry> WithForm(string file, Form? form, Func<string, IReadOnlyList<TypoEntry>> read)
    {
        var shared = read(file);
        var folder = FolderOf(form);
        return folder.Length == 0 ? shared : shared.Concat(read(folder + "/" + file)).ToList();
    }

    /// <summary>The form's folder relative to templates/ when it holds a checks/ folder of its own; "" otherwise.</summary>
    private string FolderOf(Form? form) =>
        form is { Name.Length: > 0 } && Directory.Exists(Path.Combine(_templates, form.Folder, "checks")) ? form.Folder : "";

    /// <param name="list">Which list it is, as the catalog's PUB4106 wordings name it (typos, phrasing).</param>
    private IReadOnlyList<TypoEntry> ReadEntries(string file, string list, DiagnosticBag diagnostics)
    {
        var entries = new List<TypoEntry>();
        foreach (var (line, number) in Lines(file))
        {
            var (content, note) = SplitComment(line);
            if (content.Length == 0) continue;
            var bang = content.IndexOfAny(new[] { '!', '！' });
            var except = bang < 0 ? Array.Empty<string>()
                : content[(bang + 1)..].Split(new[] { ' ', '\t', '、', '，', ',' }, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (bang >= 0) content = content[..bang].Trim();
            var parts = content.Split(new[] { "→", "->", "\t" }, 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0 || parts[0] == parts[1]
                || parts[0].Split(TypoEntry.Gap).Any(part => part.Length == 0))
            {
                diagnostics.Add(DiagnosticCatalog.CheckDataInvalid[list].At(Shown(file), number, 1, ("line", content)));
                continue;
            }
            entries.Add(new TypoEntry(parts[0], parts[1], note, except));
        }
        return entries;
    }

    /// <summary>One value per line (优、良、达标 …).</summary>
    public IReadOnlySet<string> QualitativeValues(Form? form = null) =>
        Remembered("qualitative:" + FolderOf(form), new DiagnosticBag(), _ => ReadQualitativeValues(FolderOf(form)));

    /// <summary>The shared values, and the form's own checks/qualitative-values.txt when it has one.</summary>
    private IReadOnlySet<string> ReadQualitativeValues(string formFolder)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        var lines = Lines(QualitativeValuesFile);
        if (formFolder.Length > 0) lines = lines.Concat(Lines(formFolder + "/" + QualitativeValuesFile));
        foreach (var (line, _) in lines)
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
