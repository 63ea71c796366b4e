using UglyToad.PdfPig;

namespace Publishing.Tests.Pdf;

/// <summary>
/// The loose-line measure over built PDFs: on each printed line, the space between two neighbouring glyphs beyond
/// their advances (what justification added) stays within 0.15 em — for every document shipped in content/, and
/// for the stress document (Pdf/LooseLines: numbers, codes, URLs and English prose in Chinese paragraphs).
/// Gaps of half an em or more are between table cells, leaders or page numbers (the measure cannot see
/// a line looser than that; the engine-level stress test in Publishing.Layout.Tests can).
/// </summary>
public class LooseLineTests
{
    private const double MaxEmPerGap = 0.15;

    [Fact]
    public void No_line_of_the_shipped_documents_adds_more_than_0_15_em_per_gap()
    {
        var pdfs = BuildPdfs(Support.RepoPaths.Content);
        pdfs.Length.ShouldBe(Directory.GetDirectories(Support.RepoPaths.Content).Count(d => File.Exists(Path.Combine(d, "document.yaml"))));
        var (worst, where, measured) = WidestGap(pdfs);
        measured.ShouldBeGreaterThan(1000);
        worst.ShouldBeLessThanOrEqualTo(MaxEmPerGap, where);
    }

    [Fact]
    public void No_line_of_the_stress_document_adds_more_than_0_15_em_per_gap()
    {
        var pdf = BuildPdfs(StressDocument).ShouldHaveSingleItem();
        var (worst, where, measured) = WidestGap(new[] { pdf });
        measured.ShouldBeGreaterThan(500);
        worst.ShouldBeLessThanOrEqualTo(MaxEmPerGap, where);
    }

    [Fact]
    public void The_stress_document_prints_every_paragraph_whole()
    {
        using var pdf = PdfDocument.Open(BuildPdfs(StressDocument).ShouldHaveSingleItem());
        // Letters in reading order, spaces aside: a hyphen drawn at a line's end is not text, so a hyphenated
        // word, a URL broken after a slash and a number broken after its comma all read back as written.
        // Page numbers (—1—) are left out: a paragraph may go on over a page break.
        var printed = System.Text.RegularExpressions.Regex.Replace(
            string.Concat(pdf.GetPages().SelectMany(p => p.Letters).Select(l => l.Value)).Replace(" ", ""), "—[0-9]+—", "");
        foreach (var paragraph in File.ReadAllText(Path.Combine(StressDocument, "sections", "01-stress.md"))
                     .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(p => !p.StartsWith('#')))
            printed.ShouldContain(paragraph.Replace(" ", ""));
    }

    private static string StressDocument => Path.Combine(Support.RepoPaths.Root, "tests", "Publishing.Tests", "Pdf", "LooseLines");

    private static string[] BuildPdfs(string content)
    {
        var output = Support.RepoPaths.NewTempDirectory("artifacts");
        var result = Support.PublishingCommand.Run("build", content, "--out", output, "--templates", Support.RepoPaths.Templates, "--format", "pdf");
        result.ExitCode.ShouldBe(0, result.Stderr);
        return Directory.GetFiles(output, "*.pdf", SearchOption.AllDirectories);
    }

    /// <summary>The widest gap between neighbouring glyphs of one line (same baseline and size), in em; where; how many gaps.</summary>
    private static (double Em, string Where, int Measured) WidestGap(IEnumerable<string> files)
    {
        var worst = (Em: 0.0, Where: "");
        var measured = 0;
        foreach (var file in files)
        {
            using var pdf = PdfDocument.Open(file);
            foreach (var page in pdf.GetPages())
            {
                var lines = page.Letters
                    .GroupBy(l => (Math.Round(l.StartBaseLine.Y, 1), Math.Round(l.PointSize, 1)));
                foreach (var line in lines)
                {
                    var letters = line.OrderBy(l => l.StartBaseLine.X).ToList();
                    for (var i = 1; i < letters.Count; i++)
                    {
                        var em = letters[i].PointSize;
                        var gap = (letters[i].StartBaseLine.X - letters[i - 1].EndBaseLine.X) / em;
                        if (gap >= 0.5) continue;                  // the next cell, a leader or a page number
                        measured++;
                        if (gap > worst.Em)
                            worst = (gap, $"{Path.GetFileName(file)} page {page.Number}: '{string.Concat(letters.Select(l => l.Value))}'");
                    }
                }
            }
        }
        return (worst.Em, worst.Where, measured);
    }
}
