using Publishing.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Publishing.Yaml;

/// <summary>
/// Builds the located tree of a file from YamlDotNet's parser events, without recursion (a thousand nested [ is
/// a located error, not a stack overflow) and within <see cref="YamlLimits"/>. An alias is the anchored value
/// itself, counted at its full size, so aliases that expand a billion-fold stop at the limit.
/// Keys are single values; a key written twice is an error at its second place.
/// </summary>
internal static class YamlTreeBuilder
{
    /// <summary>A mapping or list being read, and for a mapping the key whose value comes next.</summary>
    private sealed class Open(YamlValue node, string? anchor)
    {
        public YamlValue Node { get; } = node;
        public string? Anchor { get; } = anchor;
        public YamlScalar? Key { get; set; }
        public bool KeyExpected { get; set; } = true;
    }

    /// <summary>The root of the file's first document, or null (nothing written, or the problem reported).</summary>
    public static YamlValue? Build(string text, YamlFile file)
    {
        if (text.Length > YamlLimits.MaxCharacters)
        {
            var (line, column) = PositionOf(text, YamlLimits.MaxCharacters);
            file.Report(file.Kind.SyntaxCode, line, column,
                SettingsFileWordings.Say("too-large", ("length", text.Length), ("limit", YamlLimits.MaxCharacters)));
            return null;
        }
        var parser = new Parser(new StringReader(text));
        var open = new Stack<Open>();
        var anchors = new Dictionary<string, YamlValue>(StringComparer.Ordinal);
        YamlValue? root = null;
        var documents = 0;
        long values = 0;
        var ok = true;

        bool Fail(Mark at, string message) => FailAt((int)at.Line, (int)at.Column, message);

        bool FailAt(int line, int column, string message)
        {
            file.Report(file.Kind.SyntaxCode, line, column, message);
            return false;
        }

        bool Add(YamlValue value, string? anchor)
        {
            if (anchor is not null) anchors[anchor] = value;
            if (open.Count == 0)
            {
                if (documents == 1) root = value;
                return true;
            }
            var parent = open.Peek();
            parent.Node.Weight += value.Weight;
            switch (parent.Node)
            {
                case YamlSequence list:
                    list.Add(value);
                    return true;
                case YamlMapping when parent.KeyExpected:
                    parent.KeyExpected = false;
                    parent.Key = value as YamlScalar;
                    return parent.Key is not null
                        || FailAt(value.Line, value.Column, SettingsFileWordings.Say("key-not-a-word"));
                case YamlMapping map:
                    parent.KeyExpected = true;
                    if (map.TryAdd(parent.Key!, value, out var first)) return true;
                    return FailAt(parent.Key!.Line, parent.Key.Column,
                        SettingsFileWordings.Say("key-twice", ("key", parent.Key.Text), ("first", first!.Line)));
            }
            return true;
        }

        try
        {
            while (ok && parser.MoveNext())
            {
                var current = parser.Current!;
                if (++values > YamlLimits.MaxValues)
                {
                    ok = Fail(current.Start, SettingsFileWordings.Say("too-many", ("limit", YamlLimits.MaxValues)));
                    break;
                }
                switch (current)
                {
                    case DocumentStart:
                        documents++;
                        anchors.Clear();
                        break;
                    case Scalar scalar:
                        ok = Add(new YamlScalar(file, Line(scalar), Column(scalar), scalar.Value), Anchor(scalar));
                        break;
                    case SequenceStart start:
                        ok = open.Count < YamlLimits.MaxDepth ? Push(new YamlSequence(file, Line(start), Column(start)), Anchor(start)) : TooDeep(start);
                        break;
                    case MappingStart start:
                        ok = open.Count < YamlLimits.MaxDepth ? Push(new YamlMapping(file, Line(start), Column(start)), Anchor(start)) : TooDeep(start);
                        break;
                    case SequenceEnd or MappingEnd:
                        var done = open.Pop();
                        ok = Add(done.Node, done.Anchor);
                        break;
                    case AnchorAlias alias:
                        if (!anchors.TryGetValue(alias.Value.Value, out var target))
                        {
                            ok = Fail(alias.Start, SettingsFileWordings.Say("alias-unknown", ("alias", alias.Value.Value)));
                            break;
                        }
                        values += target.Weight;
                        ok = values <= YamlLimits.MaxValues
                            ? Add(target, null)
                            : Fail(alias.Start, SettingsFileWordings.Say("alias-too-many", ("alias", alias.Value.Value), ("limit", YamlLimits.MaxValues)));
                        break;
                }
            }
        }
        catch (YamlException e)
        {
            return Syntax((int)e.Start.Line, (int)e.Start.Column, Reason(e.Message));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this (without a position) on some unclosed [ or { followed by a comment.
            var line = Array.FindIndex(text.Split('\n'), l => l.Split('#')[0].Count(c => c is '[' or '{') > l.Split('#')[0].Count(c => c is ']' or '}')) + 1;
            return Syntax(Math.Max(line, 1), 1, SettingsFileWordings.Say("unclosed"));
        }
        return ok ? root : null;

        bool Push(YamlValue node, string? anchor)
        {
            open.Push(new Open(node, anchor));
            return true;
        }

        bool TooDeep(ParsingEvent at) =>
            Fail(at.Start, SettingsFileWordings.Say("too-deep", ("limit", YamlLimits.MaxDepth)));

        YamlValue? Syntax(int line, int column, string reason)
        {
            file.Report(file.Kind.SyntaxCode, Math.Max(line, 1), Math.Max(column, 1),
                SettingsFileWordings.Say("syntax", ("reason", reason)));
            return null;
        }
    }

    private static int Line(ParsingEvent e) => (int)e.Start.Line;
    private static int Column(ParsingEvent e) => (int)e.Start.Column;

    private static string? Anchor(NodeEvent e) => e.Anchor.IsEmpty ? null : e.Anchor.Value;

    /// <summary>The parser's reason, without the "(Line: 3, Col: 5, Idx: 20) - (…): " it starts with (the diagnostic says where).</summary>
    private static string Reason(string message)
    {
        var end = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line:", StringComparison.Ordinal) && end > 0) message = message[(end + 3)..];
        var sentence = message.IndexOf(". ", StringComparison.Ordinal);
        return (sentence > 0 ? message[..sentence] : message).TrimEnd('.');
    }

    private static (int Line, int Column) PositionOf(string text, int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        return (line, index - lineStart + 1);
    }
}
