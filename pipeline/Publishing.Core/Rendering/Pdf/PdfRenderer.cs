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
    internal static readonly FontLibrary Fonts = new();

    /// <param name="pages">When given, receives the page count and the printed page number of every anchor (id):
    /// the preview shows them beside its 目录 entries and on the site index.</param>
    /// <param name="documentDirectory">The document's folder, which data-src paths are relative to: with it, a
    /// missing character's warning gives the line and column where the character is written.</param>
    /// <param name="maxPages">The page limit for this document (its form's, or else the theme's limits.max_pages).</param>
    /// <param name="output">Receives the PDF; null when only the OFD is asked for.</param>
    /// <param name="ofd">When given, receives the same pages as OFD (GB/T 33190), from the same layout.</param>
    public static IReadOnlyList<Diagnostic> Render(string html, Theme theme, PdfDocumentInfo info, Stream? output,
        PdfPages? pages = null, string? documentDirectory = null, int? maxPages = null, Stream? ofd = null) =>
        Render(Assembly.AssembledDocument.Parse(html), theme, info, output, pages, documentDirectory, maxPages, ofd);

    /// <summary>The same, from the assembled document already parsed (a build parses it once for every stage; the
    /// mapper only reads it).</summary>
    public static IReadOnlyList<Diagnostic> Render(AngleSharp.Dom.IDocument html, Theme theme, PdfDocumentInfo info, Stream? output,
        PdfPages? pages = null, string? documentDirectory = null, int? maxPages = null, Stream? ofd = null)
    {
        var diagnostics = new List<Diagnostic>();
        HtmlToLayout.Mapped mapped;
        PdfStyles styles;
        try
        {
            using var measured = StageTimes.Measure("document/pdf/map");
            styles = new PdfStyles(theme, Fonts);
            mapped = HtmlToLayout.Map(html, styles, info);
            mapped = mapped with { Document = mapped.Document with { MaxPages = maxPages ?? theme.Limits.MaxPages } };
            diagnostics.AddRange(mapped.Diagnostics);
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException or KeyNotFoundException or IOException)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ThemeInvalid, theme.SourcePath, 0, 0, $"PDF 无法生成：{e.Message}"));
            return diagnostics;
        }

        // The engine or its PDF writer failing is a bug of ours: it goes up to the document's isolation
        // (Build/DocumentIsolation), which reports it as every such bug is, PUB9001 at the document.
        var layout = DocumentRenderer.Render(mapped.Document, output, ofd);

        if (pages is not null)
        {
            pages.Count = layout.Pages.Count;
            foreach (var (anchor, place) in layout.Anchors)
                if (place.Number is int number) pages.Anchors[anchor] = number;
        }

        var seen = new HashSet<(int, string, int, int)>();
        var locator = new CharacterLocator(documentDirectory);
        var absent = styles.AbsentFallbackFonts;
        var hint = absent.Count == 0
            ? "请换用其他字符或在主题中增加含该字符的字体。"
            : $"主题的后备字体（fallback_fonts）在本机缺少：{string.Join("、", absent)}，请先安装（fonts-hanazono，见 scripts/install-deps.sh）。";
        foreach (var missing in layout.Missing)
        {
            var location = missing.Source is SourceLocation known ? known : new SourceLocation("index.html", 0);
            var (line, column) = locator.Locate(location, missing.Character);
            if (!seen.Add((missing.CodePoint, location.Path, line, column))) continue;
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.MissingGlyph, location.Path, line, column,
                $"字符 '{missing.Character}' ({missing.CodePointLabel}) 在所有字体中都没有字形，PDF 中显示为空框；{hint}"));
        }
        foreach (var overflow in layout.Overflows)
        {
            var location = overflow.Source is SourceLocation known ? known : new SourceLocation("index.html", 0);
            var text = overflow.Text.Length > 40 ? overflow.Text[..40] + "…" : overflow.Text;
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.CellOverflow, location.Path, location.Line, 1,
                $"表格这一行的格子“{text.ReplaceLineEndings(" ")}”比格子宽，其中一段找不到可以断开的地方（- / . _ 之后或汉字之间），PDF 只好在数字或单词中间断开。可在合适的地方加一个 - 或空格、缩短这段文字，或在表单模板中加宽这一列。"));
        }
        diagnostics.Sort();
        return diagnostics;
    }
}
