using Publishing.Diagnostics;
using Publishing.Layout.Pages;

namespace Publishing.Rendering.Pdf;

/// <summary>
/// What the layout reports about the blocks it placed, as warnings at the source each block came from (the engine
/// hands back the <see cref="BlockSource"/> the mapper gave the block, span or row): a character no font has
/// (PUB4001, at the character), a cell's value cut where no break is allowed (PUB4211, at the cell), a 目录 line
/// whose target is nowhere (PUB4210, at the template line that wrote it), a table row or a cover taller than a page
/// (PUB4212). Located by <see cref="SourcePositions"/>, which reads no file.
/// </summary>
internal static class LayoutWarnings
{
    public static IEnumerable<Diagnostic> Of(LayoutResult layout, SourcePositions positions, IReadOnlyList<string> absentFallbackFonts)
    {
        var seen = new HashSet<(int, string, int, int)>();
        foreach (var missing in layout.Missing)
        {
            var at = positions.Character(missing.Source, missing.Character);
            if (!seen.Add((missing.CodePoint, at.Path, at.Line, at.Column))) continue;
            yield return absentFallbackFonts.Count == 0
                ? DiagnosticCatalog.MissingGlyph["no-font"].At(at.Path, at.Line, at.Column,
                    ("character", missing.Character), ("code", missing.CodePointLabel))
                : DiagnosticCatalog.MissingGlyph["fallback-absent"].At(at.Path, at.Line, at.Column,
                    ("character", missing.Character), ("code", missing.CodePointLabel), ("fonts", absentFallbackFonts));
        }
        foreach (var overflow in layout.Overflows)
        {
            var at = positions.Text(overflow.Source, overflow.Text);
            yield return DiagnosticCatalog.CellOverflow.At(at.Path, at.Line, at.Column, ("text", Shortened(overflow.Text)));
        }
        foreach (var tall in layout.TooTall)
        {
            var at = positions.Text(tall.Source, tall.Text);
            yield return tall.Text is null
                ? DiagnosticCatalog.TooTall["cover"].At(at.Path, at.Line, at.Column)
                : DiagnosticCatalog.TooTall["row"].At(at.Path, at.Line, at.Column, ("text", Shortened(tall.Text)));
        }
        foreach (var unresolved in UnresolvedTargets(layout, positions)) yield return unresolved;
    }

    /// <summary>PUB4210 for each 目录 line whose target is nowhere in the layout (the volume reports only these: its
    /// departments' other warnings are their own builds').</summary>
    public static IEnumerable<Diagnostic> UnresolvedTargets(LayoutResult layout, SourcePositions positions)
    {
        foreach (var target in layout.UnresolvedTargets)
        {
            var at = positions.Text(target.Source, null);
            yield return DiagnosticCatalog.TocTargetMissing.At(at.Path, at.Line, at.Column,
                ("text", HtmlToLayout.Collapse(target.Text)), ("target", target.Target));
        }
    }

    private static string Shortened(string text) => (text.Length > 40 ? text[..40] + "…" : text).ReplaceLineEndings(" ");
}
