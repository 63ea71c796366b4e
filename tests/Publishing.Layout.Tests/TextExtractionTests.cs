using System.Text.RegularExpressions;
using Publishing.Layout.Flow;
using Publishing.Layout.Pages;
using Publishing.Layout.Text;
using UglyToad.PdfPig;

namespace Publishing.Layout.Tests;

/// <summary>
/// What a reader copies, searches or hears from the PDF is what was written: every glyph of every subset font
/// maps back to its character (ToUnicode), including glyphs reached only through shaping (the full-width —)
/// and glyphs two characters share (… and ⋯, 一 and the radical ⼀).
/// </summary>
public class TextExtractionTests
{
    /// <summary>Every punctuation mark of GB/T 15834-2011 (标点符号用法), in Chinese text and beside Latin.</summary>
    public static readonly string[] Gbt15834 =
    {
        "句号。问号？叹号！逗号，顿号、分号；冒号：",
        "引号“双引号”‘单引号’「直角引号」『双直角』",
        "括号（圆括号）［方括号］〔六角括号〕【方头括号】",
        "破折号——标示解释说明——也用于话题转换。",
        "省略号……也作⋯⋯，十二连点…………",
        "着重号与专名号不占字符：连接号2021—2023年、2-3、2～3、北京–上海、A-B。",
        "间隔号：爱新觉罗·玄烨，《三国演义·赤壁之战》；书名号《书名》〈篇名〉；分隔号：13/14次特快。",
        "西文标点: Hello, world. (test) [a] 'x' \"y\" 80% ≥95 1,234.56 — end; ok? yes!",
        "同形字：一⼀，人⼈，2021—2023，——。",
    };

    private static string Extract(params string[] paragraphs)
    {
        var style = new ParagraphStyle { LinePitch = 28.95, FirstLineIndent = 32, Align = TextAlign.Justify };
        var blocks = paragraphs.Select(p => (Block)new Paragraph(p, TestFonts.Body(), style)).ToList();
        blocks.Add(new Paragraph(string.Concat(paragraphs), new TextStyle(TestFonts.SansBold, 10.5, Frames.Rgb.Black), style));
        var doc = TestDocuments.Of(new DocumentSection(new Stack(blocks), PageNumbering.None));
        using var stream = new MemoryStream();
        DocumentRenderer.RenderPdf(doc, stream);
        using var pdf = PdfDocument.Open(stream.ToArray());
        return string.Concat(pdf.GetPages().Select(p => p.Text));
    }

    private static string NoSpace(string s) => Regex.Replace(s, @"\s+", "");

    [Fact]
    public void Every_GB_T_15834_punctuation_mark_extracts_as_written()
    {
        var text = NoSpace(Extract(Gbt15834));
        text.ShouldBe(NoSpace(string.Concat(Gbt15834) + string.Concat(Gbt15834)));
    }

    [Fact]
    public void An_Extension_B_character_is_drawn_from_the_fallback_font_and_extracts()
    {
        var hanazono = "/usr/share/fonts/truetype/hanazono/HanaMinB.ttf";
        File.Exists(hanazono).ShouldBeTrue("fonts-hanazono is installed by scripts/install-deps.sh");
        var chain = new Fonts.FontChain("serif+fallback", TestFonts.Serif.Faces.Append(TestFonts.Library.Load(hanazono)).ToList());
        var paragraph = new Paragraph("吉野家的𠮷字与𠀀、𪚥。", new TextStyle(chain, 16, Frames.Rgb.Black), new ParagraphStyle { LinePitch = 20 });
        var doc = TestDocuments.Of(new DocumentSection(paragraph, PageNumbering.None));
        using var stream = new MemoryStream();
        var layout = DocumentRenderer.RenderPdf(doc, stream);

        layout.Missing.ShouldBeEmpty();
        var fallbackRuns = layout.Pages[0].Runs.Where(r => r.Face.Path == hanazono).ToList();
        fallbackRuns.SelectMany(r => r.CodePoints).ShouldBe(new[] { 0x20BB7, 0x20000, 0x2A6A5 });
        fallbackRuns.ShouldAllBe(r => r.Glyphs.All(g => g != 0));
        using var pdf = PdfDocument.Open(stream.ToArray());
        NoSpace(string.Concat(pdf.GetPages().Select(p => p.Text))).ShouldBe("吉野家的𠮷字与𠀀、𪚥。");
        var fonts = pdf.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName ?? "").Distinct().ToList();
        fonts.ShouldContain(f => f.EndsWith("+HanaMinB"), string.Join(", ", fonts));
        stream.Length.ShouldBeLessThan(100_000, "the fallback font is embedded as a subset");
    }

    [Fact]
    public void An_em_dash_between_numbers_and_a_double_dash_survive()
    {
        var text = Extract("工作期限为2021—2023年——三年。");
        text.ShouldContain("2021—2023");
        text.ShouldContain("——三年");
        text.ShouldNotContain("\0");
    }
}
