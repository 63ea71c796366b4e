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
        var problems = new DiagnosticBag();
        return (ThemeLoader.Load(templatesDirectory, name, overridePath, problems), problems.Items);
    }
}
