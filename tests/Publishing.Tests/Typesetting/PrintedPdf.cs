using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Publishing.Tests.Typesetting;

/// <summary>A built PDF read back as printed lines: the letters of one baseline and size, cut where a gap of half an
/// em or more separates them (the next table cell, a leader, the page number).</summary>
public sealed record PrintedLine(string File, int Page, double Baseline, double Size, IReadOnlyList<Letter> Letters)
{
    public string Text => string.Concat(Letters.Select(l => l.Value));
    public override string ToString() => $"{System.IO.Path.GetFileName(File)} page {Page}: '{Text}'";
}

public static class PrintedPdf
{
    /// <summary>Builds the documents of a content folder into PDFs (the command as a user runs it).</summary>
    public static string[] Build(string content)
    {
        var output = Support.RepoPaths.NewTempDirectory("artifacts");
        var result = Support.PublishingCommand.Run("build", content, "--out", output, "--templates", Support.RepoPaths.Templates, "--format", "pdf");
        result.ExitCode.ShouldBe(0, result.Stderr);
        return Directory.GetFiles(output, "*.pdf", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
    }

    public static IEnumerable<PrintedLine> Lines(string file, Page page)
    {
        foreach (var baseline in page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value))
                     .GroupBy(l => (Math.Round(l.StartBaseLine.Y, 1), Math.Round(l.PointSize, 1))))
        {
            var letters = baseline.OrderBy(l => l.StartBaseLine.X).ToList();
            var from = 0;
            for (var i = 1; i <= letters.Count; i++)
            {
                if (i < letters.Count && letters[i].StartBaseLine.X - letters[i - 1].EndBaseLine.X < 0.5 * letters[i].PointSize) continue;
                yield return new PrintedLine(file, page.Number, baseline.Key.Item1, baseline.Key.Item2, letters.GetRange(from, i - from));
                from = i;
            }
        }
    }
}
