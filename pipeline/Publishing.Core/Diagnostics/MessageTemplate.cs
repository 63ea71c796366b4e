using System.Globalization;
using System.Text;

namespace Publishing.Diagnostics;

/// <summary>
/// One wording of a diagnostic's message, with named parameters: <c>找不到文件“{file}”。…</c>. A parameter may carry a
/// format (<c>{percent:0.00}</c>); <c>{{</c> and <c>}}</c> are literal braces. Formatting checks the arguments against
/// the parameters both ways, so a missing or an extra argument fails loudly (in the tests that reach the call site)
/// instead of printing a half-filled message.
/// </summary>
public sealed class MessageTemplate
{
    /// <summary>A piece of the template: literal text, or a parameter (Name not null) with its optional format.</summary>
    public sealed record Piece(string Text, string? Name, string? Format);

    internal MessageTemplate(DiagnosticKind kind, string variant, string text)
    {
        Kind = kind;
        Variant = variant;
        Text = text;
        Pieces = Parse(text, $"{kind.Code} {variant}");
        Parameters = Pieces.Where(p => p.Name is not null).Select(p => p.Name!).Distinct(StringComparer.Ordinal).ToList();
    }

    public DiagnosticKind Kind { get; }

    /// <summary>The wording's name within its kind ("" when the kind has one wording).</summary>
    public string Variant { get; }

    /// <summary>The template as written in the catalog.</summary>
    public string Text { get; }

    public IReadOnlyList<Piece> Pieces { get; }
    public IReadOnlyList<string> Parameters { get; }

    /// <summary>The diagnostic at a file, line and column (1-based; 0 when unknown), with the kind's severity.</summary>
    public Diagnostic At(string path, int line, int column, params (string Name, object? Value)[] arguments) =>
        With(arguments).At(path, line, column);

    /// <summary>The message filled in, to be located later (a helper words it, its caller knows where).</summary>
    public DiagnosticMessage With(params (string Name, object? Value)[] arguments) => new(Kind, Format(arguments));

    public string Format(params (string Name, object? Value)[] arguments)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in arguments)
        {
            if (!Parameters.Contains(name))
                throw new ArgumentException($"{Describe()} has no parameter {{{name}}}; its parameters: {string.Join(", ", Parameters)}.");
            if (!values.TryAdd(name, value)) throw new ArgumentException($"{Describe()}: {{{name}}} given twice.");
        }
        var missing = Parameters.Where(p => !values.ContainsKey(p)).ToList();
        if (missing.Count > 0) throw new ArgumentException($"{Describe()}: no value for {string.Join(", ", missing.Select(m => "{" + m + "}"))}.");

        var text = new StringBuilder();
        foreach (var piece in Pieces)
            text.Append(piece.Name is null ? piece.Text : Shown(values[piece.Name], piece.Format));
        return text.ToString();
    }

    private string Describe() => Variant.Length == 0 ? $"{Kind.Code}'s message" : $"{Kind.Code}'s message \"{Variant}\"";

    /// <summary>A value as the message shows it: lists joined with 、, numbers invariant (the same bytes on every machine).</summary>
    private static string Shown(object? value, string? format) => value switch
    {
        null => "",
        string text => text,
        IEnumerable<string> list => string.Join("、", list),
        IFormattable formattable => formattable.ToString(format, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static List<Piece> Parse(string text, string owner)
    {
        var pieces = new List<Piece>();
        var literal = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '{' or '}' && i + 1 < text.Length && text[i + 1] == c)
            {
                literal.Append(c);
                i++;
                continue;
            }
            if (c == '}') throw new FormatException($"{owner}: a lone }} at {i} in “{text}” (write }}}} for a brace).");
            if (c != '{')
            {
                literal.Append(c);
                continue;
            }
            var end = text.IndexOf('}', i);
            if (end < 0) throw new FormatException($"{owner}: {{ at {i} is not closed in “{text}”.");
            var inner = text[(i + 1)..end];
            var colon = inner.IndexOf(':');
            var name = colon < 0 ? inner : inner[..colon];
            if (name.Length == 0 || !name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_'))
                throw new FormatException($"{owner}: “{{{inner}}}” is not a parameter (letters, digits and _) in “{text}”.");
            if (literal.Length > 0) pieces.Add(new Piece(literal.ToString(), null, null));
            literal.Clear();
            pieces.Add(new Piece("", name, colon < 0 ? null : inner[(colon + 1)..]));
            i = end;
        }
        if (literal.Length > 0) pieces.Add(new Piece(literal.ToString(), null, null));
        return pieces;
    }
}

/// <summary>A catalog message filled in but not yet located.</summary>
public sealed record DiagnosticMessage(DiagnosticKind Kind, string Text)
{
    public Diagnostic At(string path, int line, int column) => new(path, line, column, Kind.Severity, Kind.Code, Text);
}
