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
            diagnostics.Error(DiagnosticCodes.PathOutsideDocument, at.Path, at.Line, at.Column,
                $"路径“{reference.RelativePath}”是绝对路径：请写相对于文档文件夹的路径，如 sections/01.md。");
            return null;
        }

        var root = Path.GetFullPath(documentDirectory);
        var full = Path.GetFullPath(Path.Combine(root, relative));
        if (!IsInside(root, full) || !RealPaths.IsInside(root, full))
        {
            diagnostics.Error(DiagnosticCodes.PathOutsideDocument, at.Path, at.Line, at.Column,
                $"路径“{reference.RelativePath}”指向文档文件夹之外：文档只能使用自己文件夹中的文件。");
            return null;
        }
        if (RegularFiles.Of(full) is var kind && kind is RegularFiles.Kind.Directory or RegularFiles.Kind.Other)
        {
            diagnostics.Error(DiagnosticCodes.NotARegularFile, at.Path, at.Line, at.Column,
                $"“{reference.RelativePath}”{RegularFiles.Describe(kind)}：这里应写一个 Markdown 或 CSV 文件的路径。");
            return null;
        }
        if (!File.Exists(full))
        {
            diagnostics.Error(DiagnosticCodes.FileNotFound, at.Path, at.Line, at.Column,
                $"找不到文件“{reference.RelativePath}”。请检查文件名（包括扩展名）或在 document.yaml 中改正路径。");
            return null;
        }
        return full;
    }

    private static bool IsInside(string root, string path) =>
        path.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
