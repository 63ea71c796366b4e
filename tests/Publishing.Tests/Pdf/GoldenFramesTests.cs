using System.Globalization;
using System.Text;
using Publishing.Layout.Fonts;
using Publishing.Layout.Frames;
using Publishing.Layout.Pages;
using Publishing.Rendering.Pdf;
using Publishing.Theming;

namespace Publishing.Tests.Pdf;

/// <summary>
/// Golden page frames of the sample: the position and size of every box the layout produces (text runs, rules
/// and cell borders, backgrounds, links, anchors), one line each, compared with the checked-in
/// Golden/sample.frames.txt. A layout change shows as a reviewable text diff, not as a broken picture.
/// Regenerate after an intended change with:  UPDATE_GOLDEN=1 dotnet test tests/Publishing.Tests --filter GoldenFrames
/// </summary>
public class GoldenFramesTests
{
    private const string Regenerate = "UPDATE_GOLDEN=1 dotnet test tests/Publishing.Tests --filter GoldenFrames";
    private static readonly string GoldenPath = Path.Combine(Support.RepoPaths.Root, "tests", "Publishing.Tests", "Pdf", "Golden", "sample.frames.txt");

    [Fact]
    public void The_sample_lays_out_as_the_golden_frames_say()
    {
        var actual = Serialize(LayOutSample());
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(GoldenPath, actual);
            return;
        }
        File.Exists(GoldenPath).ShouldBeTrue($"no golden frames yet: run {Regenerate}");
        var expected = File.ReadAllText(GoldenPath).ReplaceLineEndings("\n");
        if (expected == actual) return;

        var actualPath = Path.Combine(Support.RepoPaths.NewTempDirectory("golden"), "sample.frames.txt");
        File.WriteAllText(actualPath, actual);
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var first = Enumerable.Range(0, Math.Min(a.Length, b.Length)).FirstOrDefault(i => a[i] != b[i], Math.Min(a.Length, b.Length));
        var expectedLine = first < a.Length ? a[first] : "(end)";
        var actualLine = first < b.Length ? b[first] : "(end)";
        throw new Shouldly.ShouldAssertException(
            $"The sample's layout changed (first difference at line {first + 1}):\n  golden: {expectedLine}\n  now:    {actualLine}\n" +
            $"Whole new frames: {actualPath} (diff it against {GoldenPath}).\n" +
            $"If the change is intended, regenerate the golden file and commit it with your change:\n  {Regenerate}");
    }

    [Fact]
    public void The_serialization_holds_every_box_with_position_and_size()
    {
        var text = Serialize(LayOutSample());
        text.ShouldContain("page 1 ");
        text.ShouldContain("\n  text ");
        text.ShouldContain("\n  line ");
        text.ShouldContain("\n  link ");
        text.ShouldContain("\n  anchor ");
        text.ShouldContain("\"一、总体绩效目标\"");
    }

    private static LayoutResult LayOutSample()
    {
        var theme = ThemeLoader.Load(Support.RepoPaths.Templates);
        using var fonts = new FontLibrary();
        var info = new PdfDocumentInfo("t", "a", "s", "k", "zh-CN", new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var mapped = HtmlToLayout.Map(Support.SampleDocument.Html, new PdfStyles(theme, fonts), info);
        return DocumentLayout.Run(mapped.Document);
    }

    /// <summary>One line per page and per mark, in points with two decimals, in the order layout made them.</summary>
    public static string Serialize(LayoutResult layout)
    {
        static string F(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        foreach (var (page, index) in layout.Pages.Select((p, i) => (p, i)))
        {
            sb.Append($"page {index + 1} {F(page.Width)}x{F(page.Height)} number={page.Number?.ToString(CultureInfo.InvariantCulture) ?? "-"} section={page.SectionIndex}\n");
            foreach (var item in page.Items)
            {
                sb.Append("  ").Append(item switch
                {
                    GlyphRun r => $"text x={F(r.X)} baseline={F(r.Baseline)} w={F(r.Width)} size={F(r.Size)} font={Path.GetFileName(r.Face.Path)} \"{r.Text}\"",
                    LineMark l => $"line {F(l.X1)},{F(l.Y1)} {F(l.X2)},{F(l.Y2)} t={F(l.Thickness)}{(l.Dotted ? " dotted" : "")}",
                    RectMark r => $"rect x={F(r.X)} y={F(r.Y)} w={F(r.Width)} h={F(r.Height)} fill={r.Fill.R:X2}{r.Fill.G:X2}{r.Fill.B:X2}",
                    LinkMark l => $"link x={F(l.X)} y={F(l.Y)} w={F(l.Width)} h={F(l.Height)} -> {l.Target}",
                    AnchorMark a => $"anchor {a.Name} x={F(a.X)} y={F(a.Y)}",
                    BoxMark b => $"box {b.Label} x={F(b.X)} y={F(b.Y)} w={F(b.Width)} h={F(b.Height)}",
                    _ => item.GetType().Name,
                }).Append('\n');
            }
        }
        return sb.ToString();
    }
}
