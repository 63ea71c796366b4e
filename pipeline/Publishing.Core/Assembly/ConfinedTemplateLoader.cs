using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Publishing.Assembly;

/// <summary>
/// The one place templates reach the file system: an include names a file below templates/, written
/// relative to it. Absolute paths, '..' segments and links that lead outside are refused.
/// </summary>
public sealed class ConfinedTemplateLoader : ITemplateLoader
{
    private readonly string _root;

    public ConfinedTemplateLoader(string templatesDirectory) =>
        _root = Path.GetFullPath(templatesDirectory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;

    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
    {
        var name = templateName.Replace('\\', '/');
        if (name.Length == 0 || Path.IsPathRooted(name) || name.Contains(':') || name.Split('/').Contains(".."))
            throw new ScriptRuntimeException(callerSpan,
                $"include '{templateName}' is refused: includes must name a file inside templates/, without '..' or an absolute path");
        var full = Path.GetFullPath(Path.Combine(_root, name));
        if (!full.StartsWith(_root, StringComparison.Ordinal) || !Content.RealPaths.IsInside(_root, full))
            throw new ScriptRuntimeException(callerSpan, $"include '{templateName}' is refused: it leads outside templates/");
        if (!File.Exists(full))
            throw new ScriptRuntimeException(callerSpan, $"include '{templateName}': no such template in templates/");
        return full;
    }

    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) => File.ReadAllText(templatePath);

    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        new(Load(context, callerSpan, templatePath));
}
