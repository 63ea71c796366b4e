using System.Collections.Concurrent;
using Publishing.Content;
using Publishing.Diagnostics;
using Publishing.Model;
using Publishing.Theming;

namespace Publishing.Build.Stages;

/// <summary>
/// The themes of a run: each read once and shared read-only by every document that names it; a theme that cannot
/// be read gives every such document the same diagnostics (each at its value in the theme file or the form's theme.yaml).
/// </summary>
internal sealed class ThemeCache(string templatesDirectory)
{
    /// <summary>A form's own theme overrides, in its folder (templates/forms/&lt;name&gt;/theme.yaml).</summary>
    public const string FormThemeFile = "theme.yaml";

    private readonly ConcurrentDictionary<string, Lazy<(Theme? Theme, IReadOnlyList<Diagnostic> Problems)>> _themes = new(StringComparer.Ordinal);

    public Theme? For(string name, Form form, DiagnosticBag diagnostics)
    {
        // A form folder may hold its own theme.yaml, laid over the named theme for the form's documents.
        var overridePath = form.Name.Length > 0 ? Path.Combine(templatesDirectory, form.Folder, FormThemeFile) : null;
        if (overridePath is not null && !File.Exists(overridePath)) overridePath = null;
        var (theme, problems) = _themes.GetOrAdd(overridePath is null ? name : name + "\n" + form.Name,
            _ => new Lazy<(Theme?, IReadOnlyList<Diagnostic>)>(() => Read(name, overridePath))).Value;
        diagnostics.AddRange(problems);
        return theme;
    }

    /// <summary>The theme, or every problem it has.</summary>
    private (Theme?, IReadOnlyList<Diagnostic>) Read(string name, string? overridePath)
    {
        try
        {
            return (ThemeLoader.Load(templatesDirectory, name, overridePath), Array.Empty<Diagnostic>());
        }
        catch (Exception e) when (e is IOException or YamlDotNet.Core.YamlException)
        {
            var path = DisplayPaths.For(Path.Combine(templatesDirectory, "theme", name + ".yaml"));
            List<(string? File, int Line, int Column, string Message)> problems = e switch
            {
                ThemeInvalidException invalid => invalid.Problems.Select(p => (p.File, (int)p.Place.Line, (int)p.Place.Column, p.Message)).ToList(),
                YamlDotNet.Core.YamlException y => [(null, (int)y.Start.Line, (int)y.Start.Column, y.InnerException is null ? y.Message : e.Message)],
                _ => [(null, 0, 0, e.Message)],
            };
            return (null, problems.Select(p => Diagnostic.Error(DiagnosticCodes.ThemeInvalid, p.File ?? path, p.Line, p.Column, $"主题文件有误：{StripLocation(p.Message)}")).ToList());
        }
    }

    /// <summary>YamlException messages start with "(Line: 3, Col: 5, …): "; the diagnostic says where already.</summary>
    private static string StripLocation(string message)
    {
        var end = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && end > 0 ? message[(end + 3)..] : message;
    }
}
