using Publishing.Layout.Text;
using UglyToad.PdfPig;

namespace Publishing.Tests.Typesetting;

/// <summary>
/// CLREQ / GB/T 15834 punctuation measured in built PDFs — the generated stress document and every shipped example:
/// no printed line starts with a mark that may not start one or ends with one that may not end one (the dashes of a
/// range and the 破折号 included), and two marks side by side stand half an em closer than full width.
/// </summary>
public class PunctuationInPdfTests
{
    private static readonly Lazy<string[]> Pdfs = new(() =>
        PrintedPdf.Build(StressDocument.Write()).Concat(PrintedPdf.Build(Support.RepoPaths.Content)).ToArray());

    private const string Closing = "，。、；：？！）》」』”’〉】〕";
    private const string Opening = "（《「『“‘〈【〔";

    [Fact]
    public void No_line_starts_or_ends_with_a_forbidden_mark()
    {
        var rules = PunctuationRules.Standard;
        var checkedLines = 0;
        foreach (var file in Pdfs.Value)
        {
            using var pdf = PdfDocument.Open(file);
            foreach (var page in pdf.GetPages())
            {
                // Lines of running text, in reading order; the page number (— 3 —) under the text block is not text.
                var lines = PrintedPdf.Lines(file, page).Where(l => !System.Text.RegularExpressions.Regex.IsMatch(l.Text, "^—[0-9]+—$")).ToList();
                foreach (var line in lines)
                {
                    checkedLines++;
                    var first = char.ConvertToUtf32(line.Text, 0);
                    var last = char.ConvertToUtf32(line.Text, line.Text.Length - (char.IsLowSurrogate(line.Text[^1]) ? 2 : 1));
                    // A line may open with a mark only when its paragraph or cell does (（一）, “三零”): then the line before
                    // in the same column does not run on into it; ranges and dashes never do.
                    if (BreakRules.IsNoStart(first, rules))
                        ContinuesFrom(lines, line).ShouldBeFalse($"{line} starts with {char.ConvertFromUtf32(first)}");
                    BreakRules.IsNoEnd(last, rules).ShouldBeFalse($"{line} ends with {char.ConvertFromUtf32(last)}");
                }
            }
        }
        checkedLines.ShouldBeGreaterThan(2000);
    }

    /// <summary>Whether a line carries on from the line above it in the same column (same left edge or the line before a
    /// justified full line): true when the line above ends at the same right edge as a full line of its block.</summary>
    private static bool ContinuesFrom(List<PrintedLine> lines, PrintedLine line)
    {
        var x = line.Letters[0].StartBaseLine.X;
        var above = lines.Where(l => l.Size == line.Size && l.Baseline > line.Baseline && l.Baseline - line.Baseline < 3 * line.Size
                                     && Math.Abs(l.Letters[0].StartBaseLine.X - x) < 2 * line.Size)
            .OrderBy(l => l.Baseline).FirstOrDefault();
        if (above is null) return false;
        // The line above ran to the end of its measure when it ends within one em of the widest line of that column.
        var right = lines.Where(l => Math.Abs(l.Letters[0].StartBaseLine.X - above.Letters[0].StartBaseLine.X) < 2 * line.Size)
            .Max(l => l.Letters[^1].EndBaseLine.X);
        return above.Letters[^1].EndBaseLine.X > right - line.Size;
    }

    [Fact]
    public void Adjacent_marks_stand_half_an_em_closer()
    {
        var pairs = 0;
        var worst = (Em: 0.0, Where: "");
        foreach (var file in Pdfs.Value)
        {
            using var pdf = PdfDocument.Open(file);
            foreach (var page in pdf.GetPages())
                foreach (var line in PrintedPdf.Lines(file, page))
                    for (var i = 1; i < line.Letters.Count; i++)
                    {
                        var (a, b) = (line.Letters[i - 1].Value, line.Letters[i].Value);
                        var facing = a.Length == 1 && b.Length == 1 && (Closing.Contains(a[0]) && (Closing.Contains(b[0]) || Opening.Contains(b[0]))
                                                                       || Opening.Contains(a[0]) && Opening.Contains(b[0]));
                        if (!facing || line.Letters[i - 1].PointSize < 9) continue;
                        pairs++;
                        var step = (line.Letters[i].StartBaseLine.X - line.Letters[i - 1].StartBaseLine.X) / line.Size;
                        if (step > worst.Em) worst = (step, $"{line}: {a}{b}");
                    }
        }
        pairs.ShouldBeGreaterThan(200);
        // Half an em, plus what justification may add in that gap (at most 0.15 em).
        worst.Em.ShouldBeLessThanOrEqualTo(0.5 + 0.16, worst.Where);
    }

    /// <summary>
    /// Issue 16: a URL in body text breaks only after its separators (/ . - _ …), never inside one of its names
    /// (xinfang.che|ngde): wherever a printed line ends inside a URL of the stress document and the next line goes on
    /// with it, the line ends with a separator.
    /// </summary>
    [Fact]
    public void A_url_in_the_text_breaks_only_after_its_separators()
    {
        var urls = StressDocument.Sentences.SelectMany(t => System.Text.RegularExpressions.Regex.Matches(t, "https?://[A-Za-z0-9./_-]+").Select(m => m.Value))
            .Distinct().ToList();
        urls.ShouldNotBeEmpty();
        var junctions = 0;
        foreach (var file in Pdfs.Value)
        {
            using var pdf = PdfDocument.Open(file);
            foreach (var page in pdf.GetPages())
            {
                var lines = PrintedPdf.Lines(file, page).OrderByDescending(l => l.Baseline).ToList();
                for (var i = 0; i + 1 < lines.Count; i++)
                    foreach (var url in urls)
                        for (var cut = 3; cut < url.Length - 1; cut++)
                        {
                            if (!lines[i].Text.EndsWith(url[..cut], StringComparison.Ordinal) || !lines[i + 1].Text.StartsWith(url[cut..], StringComparison.Ordinal)) continue;
                            junctions++;
                            "/.-_?&=#:~".ShouldContain(url[cut - 1], $"{lines[i]} breaks {url} inside a name: '{url[..cut]}|{url[cut..]}'");
                        }
            }
        }
        junctions.ShouldBeGreaterThan(0);   // the stress paragraphs do carry a URL over a line end
    }
}
