using Publishing.Diagnostics;

namespace Publishing.Content;

/// <summary>
/// Resolves a path written in a manifest inside the document's folder. Absolute paths and paths that
/// climb out with ../ (or through a link) are refused: a document can only read its own files.
/// </summary>
public static class ContentPaths
{
    public static string? Resolve(string documentDirectory, FileReference reference, DiagnosticBag diagnostics)
    {
        var at = reference.WrittenAt;
        var relative = reference.RelativePath.Replace('\\', '/');
        if (Path.IsPathRooted(relative) || relative.Contains(':'))
        {
            diagnostics.Add(DiagnosticCatalog.PathOutsideDocument["absolute"].At(at.Path, at.Line, at.Column, ("path", reference.RelativePath)));
            return null;
        }

        var root = Path.GetFullPath(documentDirectory);
        var full = Path.GetFullPath(Path.Combine(root, relative));
        if (!IsInside(root, full) || !RealPaths.IsInside(root, full))
        {
            diagnostics.Add(DiagnosticCatalog.PathOutsideDocument["outside"].At(at.Path, at.Line, at.Column, ("path", reference.RelativePath)));
            return null;
        }
        if (RegularFiles.Of(full) is var kind && kind is RegularFiles.Kind.Directory or RegularFiles.Kind.Other)
        {
            var wording = kind == RegularFiles.Kind.Directory ? "folder-named" : "device-named";
            diagnostics.Add(DiagnosticCatalog.NotARegularFile[wording].At(at.Path, at.Line, at.Column, ("path", reference.RelativePath)));
            return null;
        }
        if (!File.Exists(full))
        {
            diagnostics.Add(DiagnosticCatalog.FileNotFound.At(at.Path, at.Line, at.Column, ("file", reference.RelativePath)));
            return null;
        }
        return full;
    }

    private static bool IsInside(string root, string path) =>
        path.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
