using Publishing.Content;
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
    private readonly string? _formFolder;

    /// <param name="formFolder">A form's folder below templates/ (forms/&lt;name&gt;): its templates are found
    /// before templates/' own, so a form overrides only the templates it changes.</param>
    public ConfinedTemplateLoader(string templatesDirectory, string? formFolder = null)
    {
        _root = Path.GetFullPath(templatesDirectory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        _formFolder = formFolder;
    }

    /// <summary>The file a template name resolves to (the form's own first), or null when neither has it.</summary>
    public string? Find(string templateName)
    {
        foreach (var candidate in Candidates(templateName))
            if (File.Exists(candidate) && RealPaths.IsInside(_root, candidate)) return candidate;
        return null;
    }

    private IEnumerable<string> Candidates(string name)
    {
        if (_formFolder is not null) yield return Path.GetFullPath(Path.Combine(_root, _formFolder, name));
        yield return Path.GetFullPath(Path.Combine(_root, name));
    }

    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
    {
        var name = templateName.Replace('\\', '/');
        if (name.Length == 0 || Path.IsPathRooted(name) || name.Contains(':') || name.Split('/').Contains(".."))
            throw new ScriptRuntimeException(callerSpan,
                $"include '{templateName}' is refused: includes must name a file inside templates/, without '..' or an absolute path");
        foreach (var full in Candidates(name))
        {
            if (!full.StartsWith(_root, StringComparison.Ordinal) || !RealPaths.IsInside(_root, full))
                throw new ScriptRuntimeException(callerSpan, $"include '{templateName}' is refused: it leads outside templates/");
            if (File.Exists(full)) return full;
        }
        throw new ScriptRuntimeException(callerSpan, $"include '{templateName}': no such template in templates/");
    }

    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) => File.ReadAllText(templatePath);

    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        new(Load(context, callerSpan, templatePath));
}
