using Publishing.Diagnostics;

namespace Publishing.Yaml;

/// <summary>
/// One settings file being read: where it is, which kind it is, and where its problems go. Every problem found
/// in it, by the parser or by a reader's accessors, is one diagnostic at the key or value it is about, under
/// its kind's code.
/// </summary>
public sealed class YamlFile
{
    private readonly DiagnosticBag _diagnostics;

    private YamlFile(string path, YamlFileKind kind, DiagnosticBag diagnostics)
    {
        Path = path;
        Kind = kind;
        _diagnostics = diagnostics;
    }

    /// <summary>The file as diagnostics name it.</summary>
    public string Path { get; }

    public YamlFileKind Kind { get; }

    /// <summary>
    /// Parses a settings file whose top level is a mapping (“键: 值”). Null when it is not YAML, is too large or
    /// too deep, repeats a key, or its top level is not a mapping (<paramref name="shape"/> says what it should be);
    /// each reported where it is. A file with nothing in it is an empty mapping when <paramref name="emptyIsAllowed"/>
    /// (a form's theme.yaml that changes nothing).
    /// </summary>
    public static YamlMapping? ReadMapping(string text, string path, YamlFileKind kind, DiagnosticBag diagnostics, string shape, bool emptyIsAllowed = false)
    {
        var file = new YamlFile(path, kind, diagnostics);
        var errors = diagnostics.ErrorCount;
        var root = YamlTreeBuilder.Build(text, file);
        if (diagnostics.ErrorCount > errors) return null;
        if (root is YamlMapping mapping) return mapping;
        if (root is null && emptyIsAllowed) return new YamlMapping(file, 1, 1);
        file.Report(kind.SyntaxCode, root?.Line ?? 1, root?.Column ?? 1, shape);
        return null;
    }

    /// <summary>A mistake in the catalog's words (SettingsFileWordings or the file kind's own), under the file kind's code for it.</summary>
    internal void Report(string code, int line, int column, string message) =>
        _diagnostics.Add(new Diagnostic(Path, line, column, Severity.Error, code, Kind.MessagePrefix + message));
}
