using System.Collections.Concurrent;
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

    // Where each template name leads, resolved (links followed) once per loader: Scriban asks for the path at
    // every include it runs (each project's partial, each page's head), and following every link along two
    // paths is a dozen system calls each time. A loader lives as long as its assembler (one build run), as the
    // parsed templates do; a refused or missing name is not kept and fails again at its next use.
    private readonly ConcurrentDictionary<string, string> _found = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _includePaths = new(StringComparer.Ordinal);

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
        if (_found.TryGetValue(templateName, out var known)) return known;
        foreach (var candidate in Candidates(templateName))
            if (File.Exists(candidate) && RealPaths.IsInside(_root, candidate)) return _found[templateName] = candidate;
        return null;
    }

    private IEnumerable<string> Candidates(string name)
    {
        if (_formFolder is not null) yield return Path.GetFullPath(Path.Combine(_root, _formFolder, name));
        yield return Path.GetFullPath(Path.Combine(_root, name));
    }

    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) =>
        _includePaths.TryGetValue(templateName, out var known) ? known : _includePaths[templateName] = Resolve(callerSpan, templateName);

    private string Resolve(SourceSpan callerSpan, string templateName)
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
