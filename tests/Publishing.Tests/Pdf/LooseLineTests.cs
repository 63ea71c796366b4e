using UglyToad.PdfPig;

namespace Publishing.Tests.Pdf;

/// <summary>
/// The loose-line measure over the PDFs of every document shipped in content/: on each printed line, the space
/// between two neighbouring glyphs beyond their advances (what justification added) stays within 0.15 em.
/// Gaps of half an em or more are between table cells, leaders or page numbers (the measure cannot see
/// a line looser than that; the engine-level stress test in Publishing.Layout.Tests can).
/// </summary>
public class LooseLineTests
{
    private const double MaxEmPerGap = 0.15;

    [Fact]
    public void No_line_of_the_shipped_documents_adds_more_than_0_15_em_per_gap()
    {
        var output = Support.RepoPaths.NewTempDirectory("artifacts");
        var result = Support.PublishingCommand.Run("build", Support.RepoPaths.Content, "--out", output, "--templates", Support.RepoPaths.Templates, "--format", "pdf");
        result.ExitCode.ShouldBe(0, result.Stderr);
        var pdfs = Directory.GetFiles(output, "*.pdf", SearchOption.AllDirectories);
        pdfs.Length.ShouldBe(Directory.GetDirectories(Support.RepoPaths.Content).Count(d => File.Exists(Path.Combine(d, "document.yaml"))));

        var worst = (Em: 0.0, Where: "");
        var measured = 0;
        foreach (var file in pdfs)
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
        measured.ShouldBeGreaterThan(1000);
        worst.Em.ShouldBeLessThanOrEqualTo(MaxEmPerGap, worst.Where);
    }
}
