using Publishing.Diagnostics;
using Publishing.Model;
using Publishing.Layout;
using Publishing.Layout.Fonts;
using Publishing.Theming;

namespace Publishing.Rendering.Pdf;

/// <summary>What goes into the PDF's document information and catalog.</summary>
public sealed record PdfDocumentInfo(string Title, string Author, string Subject, string Keywords, string Language, DateTimeOffset Created);

/// <summary>How many pages the PDF has and where its anchors (ids) landed, by printed page number.</summary>
public sealed class PdfPages
{
    public int Count { get; set; }
    public Dictionary<string, int> Anchors { get; } = new(StringComparer.Ordinal);
}

/// <summary>
/// The PDF output: reads the assembled HTML (docs/html-vocabulary.md), maps it with the theme onto the layout
/// engine (Publishing.Layout) and writes the PDF. Problems come back as diagnostics, never as exceptions for
/// content errors: a character no font has becomes a PUB4001 warning located by the nearest data-src.
/// </summary>
public static class PdfRenderer
{
    // Font files are memory-mapped once per process and shared by every render (they are read-only).
    private static readonly FontLibrary Fonts = new();

    /// <param name="pages">When given, receives the page count and the printed page number of every anchor (id):
    /// the preview shows them beside its 目录 entries and on the site index.</param>
    public static IReadOnlyList<Diagnostic> Render(string html, Theme theme, PdfDocumentInfo info, Stream output,
        PdfPages? pages = null)
    {
        var diagnostics = new List<Diagnostic>();
        HtmlToLayout.Mapped mapped;
        try
        {
            var styles = new PdfStyles(theme, Fonts);
            mapped = HtmlToLayout.Map(html, styles, info);
            diagnostics.AddRange(mapped.Diagnostics);
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException or KeyNotFoundException or IOException)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ThemeInvalid, theme.SourcePath, 0, 0, $"PDF 无法生成：{e.Message}"));
            return diagnostics;
        }

        Publishing.Layout.Pages.LayoutResult layout;
        try
        {
            layout = DocumentRenderer.RenderPdf(mapped.Document, output);
        }
        catch (Exception e) when (e is InvalidOperationException or InvalidDataException)
        {
            // The engine or Skia failed: a bug of ours, reported once without a stack trace.
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InternalError, theme.SourcePath, 0, 0, $"PDF 排版失败：{e.Message}"));
            return diagnostics;
        }

        if (pages is not null)
        {
            pages.Count = layout.Pages.Count;
            foreach (var (anchor, place) in layout.Anchors)
                if (place.Number is int number) pages.Anchors[anchor] = number;
        }

        var seen = new HashSet<(int, string, int)>();
        foreach (var missing in layout.Missing)
        {
            var location = missing.Source is SourceLocation known ? known : new SourceLocation("index.html", 0);
            if (!seen.Add((missing.CodePoint, location.Path, location.Line))) continue;
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.MissingGlyph, location.Path, location.Line, 0,
                $"字符 '{missing.Character}' ({missing.CodePointLabel}) 在所有字体中都没有字形，PDF 中显示为空框；请换用其他字符或在主题中增加含该字符的字体。"));
        }
        diagnostics.Sort();
        return diagnostics;
    }
}
