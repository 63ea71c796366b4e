using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using HarfBuzzSharp;
using Publishing.Layout.Flow;
using Publishing.Layout.Frames;
using Publishing.Layout.Pages;
using Publishing.Layout.Pdf;
using Publishing.Layout.Structure;
using Publishing.Layout.Tables;
using Publishing.Layout.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;
using PdfDocument = UglyToad.PdfPig.PdfDocument;

namespace Publishing.Layout.Tests;

/// <summary>
/// The tagged, archival PDF the writer makes from a structure (PDF/UA-1, PDF/A-2a), read back with PdfPig and
/// checked with qpdf and LittleCMS: marked content, artifacts, the structure tree, widths, metadata, page labels.
/// </summary>
public class TaggedPdfTests
{
    private static (LayoutResult Layout, byte[] Pdf, StructureElement Root) Tagged(PdfStandards standards = PdfStandards.Accessible | PdfStandards.Archival)
    {
        var root = new StructureElement(Roles.Document);
        var section = root.Add(Roles.Sect);
        var blocks = new List<Block>();
        var heading = section.Add(Roles.Heading(1));
        blocks.Add(new Paragraph("第一部分 总体绩效目标", TestFonts.Body(22), new ParagraphStyle { LinePitch = 32 }) { Tag = heading });
        foreach (var text in Corpus.Paragraphs.Take(3))
        {
            var p = section.Add(Roles.Paragraph);
            blocks.Add(new Paragraph(text + " Latin words and 1,234.56.", TestFonts.Body(), new ParagraphStyle { LinePitch = 28.95, FirstLineIndent = 32, Align = TextAlign.Justify }) { Tag = p });
        }
        blocks.Add(TaggedTable(section.Add(Roles.Table), 60, 10, 30));
        var document = TestDocuments.Of(
            new DocumentSection(new Paragraph("封面", TestFonts.Body(), new ParagraphStyle()) { Tag = root.Add(Roles.Paragraph) }, PageNumbering.None),
            new DocumentSection(new Stack(blocks), PageNumbering.RestartAtOne)) with { Structure = root, Standards = standards };
        using var stream = new MemoryStream();
        var layout = DocumentRenderer.RenderPdf(document, stream);
        return (layout, stream.ToArray(), root);
    }

    /// <summary><see cref="TestDocuments.IndicatorTable"/> with its structure: header cells with scope, merged cells with spans.</summary>
    private static Table TaggedTable(StructureElement table, int rows, int groupStart, int groupSize)
    {
        var plain = TestDocuments.IndicatorTable(rows, groupStart, groupSize);
        TableRow Tag(TableRow row, StructureElement group, bool head)
        {
            var tr = group.Add(Roles.Row);
            return row with
            {
                Cells = row.Cells.Select(c =>
                {
                    var cell = tr.Add(new StructureElement(head ? Roles.HeaderCell : Roles.Cell) { Scope = head ? "Column" : null, RowSpan = c.RowSpan });
                    var content = (Paragraph)c.Content;
                    return c with { Content = new Paragraph(content.Spans, content.Style) { Tag = cell } };
                }).ToList(),
            };
        }
        var head = table.Add(Roles.TableHead);
        var body = table.Add(Roles.TableBody);
        return new Table(plain.Columns, plain.Header.Select(r => Tag(r, head, true)).ToList(), plain.Body.Select(r => Tag(r, body, false)).ToList(), plain.Style) { Tag = table };
    }

    [Fact]
    public void Every_letter_is_tagged_content_or_an_artifact_and_repeats_are_artifacts()
    {
        var (layout, bytes, _) = Tagged();
        layout.Pages.Count.ShouldBeGreaterThanOrEqualTo(3, "the table crosses a page break");
        using var pdf = PdfDocument.Open(bytes);
        var headerLettersOnContinuations = 0;
        for (var n = 1; n <= pdf.NumberOfPages; n++)
        {
            var page = pdf.GetPage(n);
            var marked = page.GetMarkedContents();
            var letters = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
            var inTags = marked.Where(m => !m.IsArtifact).SelectMany(m => m.Letters).Count(l => !string.IsNullOrWhiteSpace(l.Value));
            var inArtifacts = marked.Where(m => m.IsArtifact).SelectMany(m => m.Letters).Count(l => !string.IsNullOrWhiteSpace(l.Value));
            (inTags + inArtifacts).ShouldBe(letters.Count, $"page {n}: every letter is inside marked content");
            marked.Where(m => !m.IsArtifact).ShouldAllBe(m => m.MarkedContentIdentifier >= 0, "tagged content has an MCID");
            // The footer's page number is an artifact; so is the header row repeated on a continuation page.
            var artifactText = string.Concat(marked.Where(m => m.IsArtifact).SelectMany(m => m.Letters).Select(l => l.Value));
            if (n >= 2) artifactText.ShouldContain($"{n - 1}");
            if (n >= 3 && artifactText.Contains("一级指标")) headerLettersOnContinuations++;
            if (n == 2) artifactText.ShouldNotContain("一级指标", Case.Sensitive, "the table's first header row is content");
        }
        headerLettersOnContinuations.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void A_merged_cell_continued_on_a_new_page_is_one_cell_of_the_tree()
    {
        var (layout, _, root) = Tagged();
        var merged = root.Descendants().Single(e => e.Role == Roles.Cell && e.RowSpan == 30);
        // Its text is drawn on both pages the group crosses, tagged only where the cell begins.
        var pagesDrawn = layout.Pages.Where(p => p.Runs.Any(r => r.Text.Contains("质量指标"))).ToList();
        pagesDrawn.Count.ShouldBeGreaterThanOrEqualTo(2, "the 30-row group crosses a page break");
        pagesDrawn[0].Runs.Where(r => r.Text.Contains("质量指标")).ShouldAllBe(r => r.Tag == merged);
        pagesDrawn.Skip(1).SelectMany(p => p.Runs).Where(r => r.Text.Contains("质量指标")).ShouldAllBe(r => r.Tag == null);
    }

    [Fact]
    public void The_structure_tree_leads_from_each_mcid_to_its_element_and_back()
    {
        var (_, bytes, root) = Tagged();
        using var pdf = PdfDocument.Open(bytes);
        var catalog = pdf.Structure.Catalog.CatalogDictionary;
        Get<DictionaryToken>(pdf, catalog, "MarkInfo").Data["Marked"].ShouldBe(BooleanToken.True);
        var treeRoot = Get<DictionaryToken>(pdf, catalog, "StructTreeRoot");
        var parentTree = Get<DictionaryToken>(pdf, treeRoot, "ParentTree");
        var nums = Get<ArrayToken>(pdf, parentTree, "Nums");
        var roleCount = new Dictionary<string, int>();
        for (var n = 1; n <= pdf.NumberOfPages; n++)
        {
            var page = pdf.GetPage(n);
            page.Dictionary.Data["Tabs"].ShouldBe(NameToken.Create("S"));
            var key = ((NumericToken)page.Dictionary.Data["StructParents"]).Int;
            var index = nums.Data.Select((t, i) => (t, i)).Single(x => x.i % 2 == 0 && x.t is NumericToken k && k.Int == key).i;
            var elements = (ArrayToken)Resolve(pdf, nums.Data[index + 1]);
            var mcids = page.GetMarkedContents().Where(m => !m.IsArtifact).Select(m => m.MarkedContentIdentifier).ToList();
            mcids.ShouldBe(Enumerable.Range(0, elements.Data.Count).ToList(), $"page {n}: one MCID per parent tree entry, in order");
            for (var mcid = 0; mcid < elements.Data.Count; mcid++)
            {
                var element = (DictionaryToken)Resolve(pdf, elements.Data[mcid]);
                var role = ((NameToken)element.Data["S"]).Data;
                page.GetMarkedContents().Single(m => m.MarkedContentIdentifier == mcid).Tag.ShouldBe(role, "the sequence is tagged with its element's role");
                roleCount[role] = roleCount.GetValueOrDefault(role) + 1;
                // The element lists the MCID among its kids (directly, or as a marked-content reference to this page).
                var kids = element.Data["K"] is ArrayToken array ? array.Data.Select(k => Resolve(pdf, k)).ToList() : [Resolve(pdf, element.Data["K"])];
                kids.Any(k => k is NumericToken m && m.Int == mcid || k is DictionaryToken d && d.Data.ContainsKey("MCID") && ((NumericToken)d.Data["MCID"]).Int == mcid)
                    .ShouldBeTrue($"page {n}: MCID {mcid} is a kid of its {role}");
            }
        }
        roleCount.Keys.ShouldBe(new[] { "P", "H1", "TH", "TD" }, ignoreOrder: true);
        // Header cells carry their scope, merged cells their spans (Table attributes).
        var xml = Encoding.Latin1.GetString(Decompressed(bytes));
        xml.ShouldContain("/S /TH");
        root.Descendants().Count(e => e.Role == Roles.HeaderCell).ShouldBe(5);
    }

    [Fact]
    public void Glyph_widths_equal_the_embedded_subsets_advances()
    {
        var (_, bytes, _) = Tagged();
        using var pdf = PdfDocument.Open(bytes);
        var page = pdf.GetPage(2);
        var fonts = Get<DictionaryToken>(pdf, Get<DictionaryToken>(pdf, page.Dictionary, "Resources"), "Font");
        var checkedWidths = 0;
        foreach (var reference in fonts.Data.Values)
        {
            var type0 = (DictionaryToken)Resolve(pdf, reference);
            var cid = (DictionaryToken)Resolve(pdf, ((ArrayToken)Resolve(pdf, type0.Data["DescendantFonts"])).Data[0]);
            var descriptor = Get<DictionaryToken>(pdf, cid, "FontDescriptor");
            var program = (StreamToken)Resolve(pdf, descriptor.Data["FontFile2"]);
            using var blob = Blob.FromStream(new MemoryStream(Inflate(program.Data.ToArray())));
            using var face = new Face(blob, 0);
            using var font = new Font(face);
            var widths = Widths(pdf, (ArrayToken)Resolve(pdf, cid.Data["W"]));
            for (var glyph = 1; glyph < face.GlyphCount; glyph++)
            {
                var advance = font.GetHorizontalGlyphAdvance((uint)glyph) * 1000.0 / face.UnitsPerEm;
                // /DW 1000 covers the glyphs /W leaves out.
                widths.GetValueOrDefault(glyph, 1000).ShouldBe(advance, 0.006, $"glyph {glyph} of {((NameToken)cid.Data["BaseFont"]).Data}");
                checkedWidths++;
            }
        }
        checkedWidths.ShouldBeGreaterThan(100);
    }

    [Fact]
    public void No_glyph_drawn_is_notdef_even_for_a_character_no_font_has()
    {
        var root = new StructureElement(Roles.Document);
        var p = root.Add(Roles.Paragraph);
        var doc = TestDocuments.Of(new DocumentSection(new Paragraph("缺字\U00018000在此", TestFonts.Body(), new ParagraphStyle()) { Tag = p }, PageNumbering.None))
            with { Structure = root, Standards = PdfStandards.Accessible | PdfStandards.Archival };
        using var stream = new MemoryStream();
        var layout = DocumentRenderer.RenderPdf(doc, stream);
        layout.Missing.ShouldContain(m => m.CodePoint == 0x18000);
        layout.Pages.SelectMany(page => page.Runs).SelectMany(r => r.Glyphs).ShouldNotContain((ushort)0, "PDF/A forbids drawing .notdef (ISO 19005-2 §6.2.11.8)");
        // The missing character is shown as an empty box where it stands, so the reader sees that something is missing.
        layout.Pages[0].Items.OfType<LineMark>().Count().ShouldBeGreaterThanOrEqualTo(4);
        using var pdf = PdfDocument.Open(stream.ToArray());
        string.Concat(pdf.GetPage(1).Letters.Select(l => l.Value)).ShouldBe("缺字在此");
    }

    [Fact]
    public void The_srgb_output_profile_converts_colours_as_LittleCMS_s_own_srgb()
    {
        var dir = Directory.CreateTempSubdirectory("srgb-");
        try
        {
            var path = Path.Combine(dir.FullName, "ours.icc");
            File.WriteAllBytes(path, SrgbProfile.Bytes);
            const string colours = "255 0 0\n0 255 0\n0 0 255\n255 255 255\n128 128 128\n30 60 90\n";
            var ours = Lab(Transicc(path, colours));
            var reference = Lab(Transicc("*sRGB", colours));
            ours.Count.ShouldBe(6);
            for (var i = 0; i < ours.Count; i++)
                for (var k = 0; k < 3; k++) ours[i][k].ShouldBe(reference[i][k], 0.1, $"colour {i}, Lab component {k}");
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void Metadata_declares_pdfa_2a_and_pdfua_1_and_agrees_with_the_information_dictionary()
    {
        var (_, bytes, _) = Tagged();
        using var pdf = PdfDocument.Open(bytes);
        var catalog = pdf.Structure.Catalog.CatalogDictionary;
        var metadata = (StreamToken)Resolve(pdf, catalog.Data["Metadata"]);
        metadata.StreamDictionary.Data.ContainsKey("Filter").ShouldBeFalse("PDF/A: the metadata stream is not filtered");
        var xmp = XDocument.Parse(Encoding.UTF8.GetString(metadata.Data.ToArray()).TrimStart('\uFEFF'));
        XNamespace pdfaid = "http://www.aiim.org/pdfa/ns/id/", pdfuaid = "http://www.aiim.org/pdfua/ns/id/", dc = "http://purl.org/dc/elements/1.1/", xmpNs = "http://ns.adobe.com/xap/1.0/";
        xmp.Descendants(pdfaid + "part").Single().Value.ShouldBe("2");
        xmp.Descendants(pdfaid + "conformance").Single().Value.ShouldBe("A");
        xmp.Descendants(pdfuaid + "part").Single().Value.ShouldBe("1");
        xmp.Descendants(dc + "title").Single().Value.ShouldBe(pdf.Information.Title);
        xmp.Descendants(dc + "language").Single().Value.ShouldBe("zh-CN");
        DateTimeOffset.Parse(xmp.Descendants(xmpNs + "CreateDate").Single().Value).ShouldBe(TestDocuments.Metadata.Created);
        pdf.Information.GetCreatedDateTimeOffset().ShouldBe(TestDocuments.Metadata.Created);
        var viewer = Get<DictionaryToken>(pdf, catalog, "ViewerPreferences");
        viewer.Data["DisplayDocTitle"].ShouldBe(BooleanToken.True);
        var intent = (DictionaryToken)Resolve(pdf, ((ArrayToken)Resolve(pdf, catalog.Data["OutputIntents"])).Data[0]);
        intent.Data["S"].ShouldBe(NameToken.Create("GTS_PDFA1"));
        Inflate(((StreamToken)Resolve(pdf, intent.Data["DestOutputProfile"])).Data.ToArray()).ShouldBe(SrgbProfile.Bytes);
    }

    [Fact]
    public void Page_labels_say_what_the_footers_print()
    {
        var (layout, bytes, _) = Tagged();
        using var pdf = PdfDocument.Open(bytes);
        var labels = Get<DictionaryToken>(pdf, pdf.Structure.Catalog.CatalogDictionary, "PageLabels");
        var nums = ((ArrayToken)Resolve(pdf, labels.Data["Nums"])).Data;
        // The unnumbered cover is i, the body starts at 1 where its footer prints — 1 —.
        ((NumericToken)nums[0]).Int.ShouldBe(0);
        ((DictionaryToken)Resolve(pdf, nums[1])).Data["S"].ShouldBe(NameToken.Create("r"));
        ((NumericToken)nums[2]).Int.ShouldBe(1);
        var body = (DictionaryToken)Resolve(pdf, nums[3]);
        body.Data["S"].ShouldBe(NameToken.Create("D"));
        ((NumericToken)body.Data["St"]).Int.ShouldBe(layout.Pages[1].Number!.Value);
        nums.Count.ShouldBe(4, "the numbers run on: one range");
    }

    [Fact]
    public void Object_streams_and_the_cross_reference_stream_pass_qpdf_and_a_plain_pdf_keeps_the_table()
    {
        var (_, tagged, _) = Tagged();
        QpdfCheck(tagged);
        Encoding.Latin1.GetString(tagged).ShouldContain("/Type /XRef");
        var plain = Plain();
        QpdfCheck(plain);
        var text = Encoding.Latin1.GetString(plain);
        text.ShouldContain("\nxref\n");
        text.ShouldNotContain("/StructTreeRoot");
        text.ShouldNotContain("/Metadata");
        text.ShouldNotContain("BDC");
    }

    private static byte[] Plain()
    {
        using var stream = new MemoryStream();
        DocumentRenderer.RenderPdf(TestDocuments.Of(new DocumentSection(new Stack(TestDocuments.IndicatorTable(30, 3, 4)), PageNumbering.RestartAtOne)), stream);
        return stream.ToArray();
    }

    private static void QpdfCheck(byte[] bytes) => Qpdf.Check(bytes);

    private static string Transicc(string input, string colours)
    {
        using var process = Process.Start(new ProcessStartInfo("transicc", ["-i", input, "-o", "*Lab", "-n"])
            { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true })!;
        process.StandardInput.Write(colours);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0);
        return output;
    }

    private static List<double[]> Lab(string output) => output.Split('\n')
        .Select(l => l.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .Where(p => p.Length == 3 && p.All(x => double.TryParse(x, System.Globalization.CultureInfo.InvariantCulture, out _)))
        .Select(p => p.Select(x => double.Parse(x, System.Globalization.CultureInfo.InvariantCulture)).ToArray()).ToList();

    private static Dictionary<int, double> Widths(PdfDocument pdf, ArrayToken w)
    {
        var widths = new Dictionary<int, double>();
        for (var i = 0; i < w.Data.Count;)
        {
            var first = ((NumericToken)w.Data[i]).Int;
            var list = (ArrayToken)Resolve(pdf, w.Data[i + 1]);
            for (var k = 0; k < list.Data.Count; k++) widths[first + k] = ((NumericToken)list.Data[k]).Double;
            i += 2;
        }
        return widths;
    }

    private static T Get<T>(PdfDocument pdf, DictionaryToken dictionary, string key) where T : IToken => (T)Resolve(pdf, dictionary.Data[key]);

    private static IToken Resolve(PdfDocument pdf, IToken token) =>
        token is IndirectReferenceToken reference ? pdf.Structure.GetObject(reference.Data).Data : token;

    private static byte[] Inflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(new MemoryStream(data), CompressionMode.Decompress)) zlib.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>The file with every object stream inflated, for searching its text.</summary>
    private static byte[] Decompressed(byte[] pdf)
    {
        var path = Path.GetTempFileName();
        var output = path + ".qdf";
        try
        {
            File.WriteAllBytes(path, pdf);
            using var qpdf = Process.Start(new ProcessStartInfo("qpdf", ["--qdf", "--object-streams=disable", path, output]) { RedirectStandardError = true })!;
            qpdf.WaitForExit();
            return File.ReadAllBytes(output);
        }
        finally { File.Delete(path); File.Delete(output); }
    }
}
