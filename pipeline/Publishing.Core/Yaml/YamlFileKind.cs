namespace Publishing.Yaml;

/// <summary>
/// Which kind of settings file is read, as its diagnostics say it: the code of each kind of mistake (a syntax
/// error, a missing key, an unknown key, a bad value) and the words every one of its messages starts with.
/// document.yaml has a code per mistake (PUB1101–PUB1104); a form or a theme has one code for all.
/// </summary>
public sealed record YamlFileKind(string SyntaxCode, string MissingKeyCode, string UnknownKeyCode, string BadValueCode)
{
    /// <summary>Put before every message of the file (the theme's “主题文件有误：”).</summary>
    public string MessagePrefix { get; init; } = "";

    /// <summary>A file kind whose every mistake has the same code.</summary>
    public static YamlFileKind WithOneCode(string code) => new(code, code, code, code);
}
