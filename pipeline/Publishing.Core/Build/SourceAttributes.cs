using Publishing.Content;
using Publishing.Diagnostics;

namespace Publishing.Build;

/// <summary>
/// The data-src="path:line" attributes of the assembled HTML are written relative to the document's folder
/// (sections/01.md:9: <see cref="Model.SourceLocation.InDocument"/>), so the published preview neither depends on
/// the directory a build ran from nor shows the build machine's paths. Diagnostics found from them (the PDF's
/// missing glyphs, an oversized document's place) are put back in the editor's terms.
/// </summary>
internal static class SourceAttributes
{
    public static Diagnostic ToEditorPath(Diagnostic diagnostic, string documentDirectory)
    {
        var path = diagnostic.Path;
        if (path.Length == 0 || Path.IsPathRooted(path)) return diagnostic;
        var full = Path.GetFullPath(Path.Combine(documentDirectory, path));
        return File.Exists(full) ? diagnostic with { Path = DisplayPaths.For(full) } : diagnostic;
    }
}
