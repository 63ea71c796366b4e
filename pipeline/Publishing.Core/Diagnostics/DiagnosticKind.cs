namespace Publishing.Diagnostics;

/// <summary>
/// One entry of <see cref="DiagnosticCatalog"/>: a code, its default severity, its short Chinese title (the heading
/// in docs/diagnostics.md) and its message templates. Most kinds have one wording; a kind whose problem is told
/// differently in different places names each wording (a variant) and call sites pick it: <c>kind["absolute"]</c>.
/// </summary>
public sealed class DiagnosticKind
{
    private readonly Dictionary<string, MessageTemplate> _byVariant = new(StringComparer.Ordinal);

    public DiagnosticKind(string code, Severity severity, string title, string template)
        : this(code, severity, title, ("", template))
    {
    }

    public DiagnosticKind(string code, Severity severity, string title, params (string Variant, string Template)[] templates)
    {
        Code = code;
        Severity = severity;
        Title = title;
        foreach (var (variant, text) in templates)
            if (!_byVariant.TryAdd(variant, new MessageTemplate(this, variant, text)))
                throw new ArgumentException($"{code}: the wording \"{variant}\" is given twice.");
        Templates = _byVariant.Values.ToList();
    }

    public string Code { get; }
    public Severity Severity { get; }
    public string Title { get; }
    public IReadOnlyList<MessageTemplate> Templates { get; }

    /// <summary>The named wording; an unknown name is a bug of ours and throws.</summary>
    public MessageTemplate this[string variant] => _byVariant.TryGetValue(variant, out var template)
        ? template
        : throw new KeyNotFoundException($"{Code} has no wording \"{variant}\"; it has: {string.Join(", ", _byVariant.Keys.Select(k => "\"" + k + "\""))}.");

    /// <summary>The kind's one wording (a kind with several must be asked for one by name).</summary>
    public MessageTemplate Message => Templates.Count == 1 && Templates[0].Variant.Length == 0
        ? Templates[0]
        : throw new InvalidOperationException($"{Code} has {Templates.Count} wordings: name one ({string.Join(", ", _byVariant.Keys)}).");

    public Diagnostic At(string path, int line, int column, params (string Name, object? Value)[] arguments) =>
        Message.At(path, line, column, arguments);

    public DiagnosticMessage With(params (string Name, object? Value)[] arguments) => Message.With(arguments);

    public override string ToString() => $"{Code} {Title}";
}
