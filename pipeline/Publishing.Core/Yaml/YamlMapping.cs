using Publishing.Diagnostics;
using Publishing.Text;

namespace Publishing.Yaml;

/// <summary>One “键: 值” of a mapping; the key is where an unknown or repeated key is reported.</summary>
public readonly record struct YamlEntry(YamlScalar Key, YamlValue Value)
{
    public string Name => Key.Text;
}

/// <summary>
/// A mapping (键: 值 lines, or { 键: 值 }) with the typed accessors the readers share: each reports what is wrong
/// at the key or value it is about, in the same words for every kind of file, and returns null (or "") then.
/// </summary>
public sealed class YamlMapping : YamlValue
{
    private readonly List<YamlEntry> _entries = new();
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    internal YamlMapping(YamlFile file, int line, int column) : base(file, line, column) { }

    public IReadOnlyList<YamlEntry> Entries => _entries;

    /// <summary>Adds an entry; false when the key is there already (the caller reports it).</summary>
    internal bool TryAdd(YamlScalar key, YamlValue value, out YamlScalar? first)
    {
        if (_index.TryGetValue(key.Text, out var at))
        {
            first = _entries[at].Key;
            return false;
        }
        first = null;
        _index[key.Text] = _entries.Count;
        _entries.Add(new YamlEntry(key, value));
        return true;
    }

    public bool Has(string key) => _index.ContainsKey(key);

    /// <summary>The value of a key, null when it is not written.</summary>
    public YamlValue? Value(string key) => _index.TryGetValue(key, out var at) ? _entries[at].Value : null;

    /// <summary>
    /// Each key not in <paramref name="known"/> is an error at the key, with the nearest known key suggested
    /// (and the known keys listed when <paramref name="listKnown"/>).
    /// </summary>
    public void CheckKeys(IReadOnlyCollection<string> known, bool listKnown = false)
    {
        foreach (var (key, _) in _entries)
        {
            if (known.Contains(key.Text)) continue;
            var nearest = Nearest(key.Text, known);
            var list = listKnown ? SettingsFileWordings.Say("known-keys", ("keys", string.Join("、", known))) : "";
            File.Report(File.Kind.UnknownKeyCode, key.Line, key.Column,
                SettingsFileWordings.Say("unknown-key", ("key", key.Text), ("suggestion", DiagnosticPhrases.DidYouMean(nearest)), ("known", list)));
        }
    }

    /// <summary>A required key that is not written: an error at the start of this mapping.</summary>
    public void Missing(string key, string? message = null) =>
        File.Report(File.Kind.MissingKeyCode, Line, Column, message ?? SettingsFileWordings.Say("missing-key", ("key", key)));

    /// <summary>A required single value, trimmed; "" when it is missing, empty or not a single value (reported).</summary>
    public string RequiredText(string key)
    {
        if (Value(key) is not { } value)
        {
            Missing(key);
            return "";
        }
        if (Single(key, value) is not { } scalar) return "";
        if (!scalar.IsEmpty) return scalar.Trimmed;
        scalar.Error(SettingsFileWordings.Say("empty", ("key", key)));
        return "";
    }

    /// <summary>An optional single value, trimmed; null when it is not written or written empty.</summary>
    public string? OptionalText(string key) =>
        Value(key) is { } value && Single(key, value) is { IsEmpty: false } scalar ? scalar.Trimmed : null;

    /// <summary>An optional single value that must not be empty when written (the empty one is reported).</summary>
    public string? NonEmptyText(string key)
    {
        if (Value(key) is not { } value || Single(key, value) is not { } scalar) return null;
        if (!scalar.IsEmpty) return scalar.Trimmed;
        scalar.Error(SettingsFileWordings.Say("empty", ("key", key)));
        return null;
    }

    /// <summary>An optional true/false (yes/no).</summary>
    public bool? Bool(string key) => NonEmptyText(key) is null ? null : ((YamlScalar)Value(key)!).AsBool(key);

    /// <summary>An optional word from a fixed list: any other is an error at the value, the nearest word suggested.</summary>
    public T? Choice<T>(string key, IReadOnlyDictionary<string, T> choices) where T : struct
    {
        if (NonEmptyText(key) is not { } text) return null;
        if (choices.TryGetValue(text, out var chosen)) return chosen;
        var nearest = Nearest(text, choices.Keys.ToList());
        Value(key)!.Error(SettingsFileWordings.Say("not-a-choice",
            ("key", key), ("text", text), ("choices", string.Join("、", choices.Keys)), ("suggestion", DiagnosticPhrases.DidYouMean(nearest))));
        return null;
    }

    /// <summary>An optional mapping; anything else written there is an error at it (<paramref name="shape"/> says what it should be).</summary>
    public YamlMapping? Mapping(string key, string shape) => Expect<YamlMapping>(key, shape);

    /// <summary>An optional list; anything else written there is an error at it.</summary>
    public YamlSequence? Sequence(string key, string shape) => Expect<YamlSequence>(key, shape);

    private T? Expect<T>(string key, string shape) where T : YamlValue
    {
        var value = Value(key);
        if (value is null or T) return value as T;
        value.Error(shape);
        return null;
    }

    private static YamlScalar? Single(string key, YamlValue value)
    {
        if (value is YamlScalar scalar) return scalar;
        value.Error(SettingsFileWordings.Say("not-single", ("key", key)));
        return null;
    }

    /// <summary>The known word nearest a mistyped one (none for a very long one: a whole line pasted as a key).</summary>
    public static string? Nearest(string name, IReadOnlyCollection<string> known) =>
        name.Length > 100 ? null : known.MinBy(k => EditDistance.Between(k, name));
}
