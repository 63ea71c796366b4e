using Publishing.Diagnostics;
using Publishing.Model;

namespace Publishing.Forms;

/// <summary>
/// The forms (templates/forms/&lt;name&gt;/form.yaml) and indicator frameworks (templates/frameworks/&lt;name&gt;.yaml)
/// of one templates folder. Each file is read once per catalog (one per build run, shared by every document);
/// the problems found in it are handed again to each document that uses it, so every document's result is complete.
/// </summary>
public sealed class FormCatalog
{
    public const string FormsFolder = "forms";
    public const string FormFile = "form.yaml";
    public const string FrameworksFolder = "frameworks";

    /// <summary>The form of a document whose document.yaml names none: the sample's 部门预算绩效文本.</summary>
    public const string DefaultForm = "budget-text";

    private readonly string _templates;
    private readonly ReadOnceCache _remembered = new();

    public FormCatalog(string templatesDirectory) => _templates = Path.GetFullPath(templatesDirectory);

    public string TemplatesDirectory => _templates;

    public IReadOnlyList<string> FormNames() => Names(FormsFolder, directories: true);

    public IReadOnlyList<string> FrameworkNames() => Names(FrameworksFolder, directories: false);

    /// <summary>The named form; null when there is none (the caller reports where it was named) or it has errors (reported).</summary>
    public Form? LoadForm(string name, DiagnosticBag diagnostics) =>
        !IsPlainName(name) || !FormNames().Contains(name, StringComparer.Ordinal) ? null
            : Remembered("form:" + name, diagnostics, found =>
            {
                var relative = $"{FormsFolder}/{name}/{FormFile}";
                return Read(relative, found) is { } text ? FormReader.ReadForm(name, text, Shown(relative), found) : null;
            });

    /// <summary>The named framework file; null when there is none or it has errors (reported).</summary>
    public IndicatorFramework? LoadFramework(string name, DiagnosticBag diagnostics) =>
        !IsPlainName(name) || !FrameworkNames().Contains(name, StringComparer.Ordinal) ? null
            : Remembered("framework:" + name, diagnostics, found =>
            {
                var relative = $"{FrameworksFolder}/{name}.yaml";
                return Read(relative, found) is { } text ? FormReader.ReadFramework(name, text, Shown(relative), found) : null;
            });

    public static bool IsPlainName(string name) => name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private IReadOnlyList<string> Names(string folder, bool directories)
    {
        var path = Path.Combine(_templates, folder);
        if (!Directory.Exists(path)) return Array.Empty<string>();
        var names = directories
            ? Directory.GetDirectories(path).Where(d => File.Exists(Path.Combine(d, FormFile))).Select(Path.GetFileName)
            : Directory.GetFiles(path, "*.yaml").Select(Path.GetFileNameWithoutExtension);
        return names.OfType<string>().Order(StringComparer.Ordinal).ToList();
    }

    private string? Read(string relative, DiagnosticBag diagnostics)
    {
        try
        {
            return File.ReadAllText(Path.Combine(_templates, relative));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(DiagnosticCatalog.FormInvalid["unreadable"].At(Shown(relative), 0, 0, ("reason", e.Message)));
            return null;
        }
    }

    private T Remembered<T>(string key, DiagnosticBag diagnostics, Func<DiagnosticBag, T> read) =>
        _remembered.Get(key, diagnostics, read);

    private string Shown(string relative) => DisplayPaths.For(Path.Combine(_templates, relative));
}
