using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;
using Publishing.Layout.Flow;
using Publishing.Layout.Frames;
using Publishing.Layout.Pages;
using Publishing.Layout.Text;

namespace Publishing.Layout.Tests;

/// <summary>
/// The OFD writer (GB/T 33190-2016), read back as any reader would: the zip, then the XML parts from OFD.xml
/// down, every position compared with the page frames the PDF is written from.
/// </summary>
public class OfdTests
{
    private static readonly XNamespace Ofd = "http://www.ofdspec.org/2016";
    private const double Mm = 25.4 / 72;

    /// <summary>A 目录 of leader lines linking to six headed sections, a table, and a landscape section.</summary>
    private static LayoutDocument Sample()
    {
        var style = new ParagraphStyle { LinePitch = 28.95, FirstLineIndent = 32, Align = TextAlign.Justify };
        var heading = new TextStyle(TestFonts.SansBold, 16, Rgb.Black);
        var toc = new Stack(Enumerable.Range(1, 6).Select(i =>
            (Block)new LeaderLine(new[] { new TextSpan($"第{i}节", TestFonts.Body()) }, $"h{i}", TestFonts.Body(), new ParagraphStyle { LinePitch = 28.95 })).ToList());
        var blocks = new List<Block>();
        for (var i = 1; i <= 6; i++)
        {
            blocks.Add(new Paragraph($"第{i}节 一总体绩效目标", heading, style with { FirstLineIndent = 0 }) { Anchor = $"h{i}", KeepWithNext = true });
            blocks.Add(new Paragraph(Corpus.Paragraphs[i % Corpus.Paragraphs.Length] + "“引号”与……省略号，2021—2023 年。", TestFonts.Body(), style));
        }
        blocks.Add(TestDocuments.IndicatorTable(40, 5, 12));
        var outline = Enumerable.Range(1, 6).Select(i => new OutlineEntry($"第{i}节", $"h{i}", i == 1
            ? new[] { new OutlineEntry("子项", "h2", Array.Empty<OutlineEntry>()) } : Array.Empty<OutlineEntry>())).ToList();
        var landscape = new DocumentSection(new Paragraph("横向页面", TestFonts.Body(), style), PageNumbering.Continue)
        {
            Page = PageSetup.Mm(297, 210, 28, 37, 225, 156),
        };
        return TestDocuments.Of(new DocumentSection(toc, PageNumbering.None),
            new DocumentSection(new Stack(blocks), PageNumbering.RestartAtOne), landscape) with { Outline = outline };
    }

    private static (byte[] Bytes, LayoutResult Layout) Render(LayoutDocument document)
    {
        using var stream = new MemoryStream();
        var layout = DocumentRenderer.Render(document, null, stream);
        return (stream.ToArray(), layout);
    }

    /// <summary>The package's parts by name, XML parsed.</summary>
    private sealed class Package
    {
        public readonly Dictionary<string, byte[]> Files = new(StringComparer.Ordinal);
        public readonly List<string> Order = new();

        public Package(byte[] bytes)
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            foreach (var entry in zip.Entries)
            {
                using var stream = entry.Open();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                Files[entry.FullName] = copy.ToArray();
                Order.Add(entry.FullName);
                entry.LastWriteTime.Year.ShouldBe(1980, $"{entry.FullName}: the fixed time stamp");
            }
        }

        public XDocument Xml(string name) => XDocument.Load(new MemoryStream(Files[name]));

        public XDocument Document => Xml(DocumentPath);
        public string DocumentPath => Xml("OFD.xml").Root!.Element(Ofd + "DocBody")!.Element(Ofd + "DocRoot")!.Value;
        public string DocumentFolder => DocumentPath[..DocumentPath.LastIndexOf('/')];

        public List<(long Id, XDocument Content)> Pages =>
            Document.Root!.Element(Ofd + "Pages")!.Elements(Ofd + "Page")
                .Select(p => (long.Parse(p.Attribute("ID")!.Value, CultureInfo.InvariantCulture), Xml($"{DocumentFolder}/{p.Attribute("BaseLoc")!.Value}")))
                .ToList();
    }

    private static double[] Numbers(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();

    /// <summary>An ST_Array with the "g count value" abbreviation expanded.</summary>
    private static List<double> Expand(string text)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var values = new List<double>();
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i] == "g")
            {
                var count = int.Parse(parts[i + 1], CultureInfo.InvariantCulture);
                values.AddRange(Enumerable.Repeat(double.Parse(parts[i + 2], CultureInfo.InvariantCulture), count));
                i += 2;
            }
            else values.Add(double.Parse(parts[i], CultureInfo.InvariantCulture));
        }
        return values;
    }

    [Fact]
    public void Same_input_gives_the_same_bytes_with_entries_in_a_fixed_order()
    {
        var (a, _) = Render(Sample());
        var (b, _) = Render(Sample());
        a.Length.ShouldBeGreaterThan(10_000);
        a.SequenceEqual(b).ShouldBeTrue();
        var package = new Package(a);
        package.Order[0].ShouldBe("OFD.xml");
        package.Order[1].ShouldBe("Doc_0/Document.xml");
        package.Order[2].ShouldBe("Doc_0/PublicRes.xml");
        package.Order.Skip(3).TakeWhile(n => n.Contains("/Pages/")).ShouldBe(
            Enumerable.Range(0, package.Pages.Count).Select(i => $"Doc_0/Pages/Page_{i}/Content.xml"));
    }

    [Fact]
    public void The_structure_follows_the_standard_with_unique_ids_and_the_max_unit_id()
    {
        var document = Sample();
        var (bytes, layout) = Render(document);
        var package = new Package(bytes);
        var ofd = package.Xml("OFD.xml").Root!;
        ofd.Name.ShouldBe(Ofd + "OFD");
        ofd.GetNamespaceOfPrefix("ofd")!.NamespaceName.ShouldBe(Ofd.NamespaceName);
        ofd.Attribute("Version")!.Value.ShouldBe("1.0");
        ofd.Attribute("DocType")!.Value.ShouldBe("OFD");
        package.DocumentPath.ShouldBe("Doc_0/Document.xml");

        // Every XML part in the ofd namespace, written with the ofd: prefix.
        foreach (var name in package.Files.Keys.Where(n => n.EndsWith(".xml", StringComparison.Ordinal)))
        {
            var root = package.Xml(name).Root!;
            root.Name.Namespace.ShouldBe(Ofd, name);
            System.Text.Encoding.UTF8.GetString(package.Files[name]).ShouldContain("<ofd:" + root.Name.LocalName + " xmlns:ofd=\"http://www.ofdspec.org/2016\"");
            root.Descendants().ShouldAllBe(e => e.Name.Namespace == Ofd);
        }

        var common = package.Document.Root!.Element(Ofd + "CommonData")!;
        common.Elements().Select(e => e.Name.LocalName).ShouldBe(new[] { "MaxUnitID", "PageArea", "PublicRes" });
        Numbers(common.Element(Ofd + "PageArea")!.Element(Ofd + "PhysicalBox")!.Value).ShouldBe(new[] { 0, 0, 210, 297.0 });

        var ids = package.Files.Keys.Where(n => n.EndsWith(".xml", StringComparison.Ordinal))
            .SelectMany(n => package.Xml(n).Descendants().Attributes("ID")).Select(a => long.Parse(a.Value, CultureInfo.InvariantCulture)).ToList();
        ids.Count.ShouldBeGreaterThan(100);
        ids.Distinct().Count().ShouldBe(ids.Count, "unit ids are unique in the document");
        long.Parse(common.Element(Ofd + "MaxUnitID")!.Value, CultureInfo.InvariantCulture).ShouldBe(ids.Max());

        // References resolve: fonts and draw parameters to PublicRes, font files to the package.
        var res = package.Xml($"Doc_0/{common.Element(Ofd + "PublicRes")!.Value}").Root!;
        var baseLoc = res.Attribute("BaseLoc")!.Value;
        var fonts = res.Element(Ofd + "Fonts")!.Elements(Ofd + "Font").ToDictionary(f => f.Attribute("ID")!.Value);
        var drawParams = res.Element(Ofd + "DrawParams")!.Elements(Ofd + "DrawParam").ToDictionary(f => f.Attribute("ID")!.Value);
        foreach (var font in fonts.Values)
            package.Files.ShouldContainKey($"Doc_0/{baseLoc}/{font.Element(Ofd + "FontFile")!.Value}");
        var pages = package.Pages;
        pages.Count.ShouldBe(layout.Pages.Count);
        foreach (var (_, content) in pages)
        {
            content.Descendants(Ofd + "TextObject").ShouldAllBe(t => fonts.ContainsKey(t.Attribute("Font")!.Value));
            content.Descendants(Ofd + "PathObject").Where(p => p.Attribute("DrawParam") != null)
                .ShouldAllBe(p => drawParams.ContainsKey(p.Attribute("DrawParam")!.Value));
            content.Descendants(Ofd + "Annot").ShouldBeEmpty();
        }
        package.Files.Keys.ShouldNotContain(k => k.Contains("Annot", StringComparison.Ordinal) || k.Contains("Sign", StringComparison.Ordinal));

        // Page sizes: the document's area, and the landscape page its own.
        for (var i = 0; i < pages.Count; i++)
        {
            var area = pages[i].Content.Root!.Element(Ofd + "Area")?.Element(Ofd + "PhysicalBox");
            var frame = layout.Pages[i];
            if (frame.Width > frame.Height) Numbers(area!.Value).ShouldBe(new[] { 0, 0, 297, 210.0 });
            else area.ShouldBeNull();
        }
    }

    [Fact]
    public void Every_glyph_is_text_at_the_place_layout_put_it()
    {
        var (bytes, layout) = Render(Sample());
        var package = new Package(bytes);
        var pages = package.Pages;
        var transforms = 0;
        for (var p = 0; p < layout.Pages.Count; p++)
        {
            var runs = layout.Pages[p].Runs.Where(r => r.Glyphs.Length > 0).ToList();
            var objects = pages[p].Content.Descendants(Ofd + "TextObject").ToList();
            objects.Count.ShouldBe(runs.Count);
            for (var r = 0; r < runs.Count; r++)
            {
                var run = runs[r];
                var text = objects[r];
                var box = Numbers(text.Attribute("Boundary")!.Value);
                double.Parse(text.Attribute("Size")!.Value, CultureInfo.InvariantCulture).ShouldBe(run.Size * Mm, 0.001);
                var codes = text.Elements(Ofd + "TextCode").ToList();
                string.Concat(codes.Select(c => c.Value)).ShouldBe(run.Text);
                transforms += text.Elements(Ofd + "CGTransform").Count();

                // Characters one to one with glyphs: each at its glyph's x, on the run's baseline.
                var places = new List<(double X, double Y)>();
                foreach (var code in codes)
                {
                    var x = box[0] + double.Parse(code.Attribute("X")!.Value, CultureInfo.InvariantCulture);
                    var y = box[1] + double.Parse(code.Attribute("Y")!.Value, CultureInfo.InvariantCulture);
                    var deltas = code.Attribute("DeltaX") is { } d ? Expand(d.Value) : new List<double>();
                    deltas.Count.ShouldBe(code.Value.Length - 1);
                    places.Add((x, y));
                    foreach (var delta in deltas) places.Add((x += delta, y));
                }
                if (run.Glyphs.Length != run.Text.Length) continue;
                for (var g = 0; g < run.Glyphs.Length; g++)
                {
                    places[g].X.ShouldBe((run.X + run.Offsets[g]) * Mm, 0.002, $"page {p + 1} '{run.Text}' glyph {g}");
                    places[g].Y.ShouldBe(run.Baseline * Mm, 0.002);
                }
            }
        }
        transforms.ShouldBeGreaterThan(0, "the full-width quotes and dashes are glyphs the cmap does not give");
    }

    [Fact]
    public void Fonts_are_embedded_TrueType_subsets_whose_cmap_and_transforms_reach_every_glyph()
    {
        var (bytes, _) = Render(Sample());
        var package = new Package(bytes);
        var res = package.Xml("Doc_0/PublicRes.xml").Root!;
        var fonts = res.Element(Ofd + "Fonts")!.Elements(Ofd + "Font").ToList();
        fonts.Count.ShouldBeGreaterThanOrEqualTo(3, "serif, serif bold and sans bold");
        fonts.ShouldContain(f => f.Attribute("FamilyName")!.Value == "Noto Serif SC" && f.Attribute("FontName")!.Value == "NotoSerifSC-Regular");
        fonts.Single(f => f.Attribute("FontName")!.Value == "NotoSansSC-Bold").Attribute("Bold")!.Value.ShouldBe("true");

        foreach (var font in fonts)
        {
            var program = package.Files[$"Doc_0/Res/{font.Element(Ofd + "FontFile")!.Value}"];
            program.Take(4).ShouldBe(new byte[] { 0, 1, 0, 0 }, "a TrueType font file");
            program.Length.ShouldBeLessThan(400_000, "a subset, not the 10-15 MB face");
            var pinned = System.Runtime.InteropServices.GCHandle.Alloc(program, System.Runtime.InteropServices.GCHandleType.Pinned);
            try
            {
                using var blob = new HarfBuzzSharp.Blob(pinned.AddrOfPinnedObject(), program.Length, HarfBuzzSharp.MemoryMode.ReadOnly);
                using var face = new HarfBuzzSharp.Face(blob, 0);
                using var hb = new HarfBuzzSharp.Font(face);
                var id = font.Attribute("ID")!.Value;
                foreach (var text in package.Pages.SelectMany(p => p.Content.Descendants(Ofd + "TextObject")).Where(t => t.Attribute("Font")!.Value == id))
                {
                    var transformed = new HashSet<(XElement, int)>();
                    XElement? pending = null;
                    foreach (var element in text.Elements())
                    {
                        if (element.Name == Ofd + "CGTransform")
                        {
                            pending = element;
                            foreach (var glyph in Numbers(element.Element(Ofd + "Glyphs")!.Value))
                                ((int)glyph).ShouldBeInRange(1, face.GlyphCount - 1);
                        }
                        if (element.Name != Ofd + "TextCode") continue;
                        var positions = text.Elements(Ofd + "CGTransform").Where(t => t.ElementsAfterSelf(Ofd + "TextCode").FirstOrDefault() == element)
                            .Select(t => int.Parse(t.Attribute("CodePosition")!.Value, CultureInfo.InvariantCulture)).ToHashSet();
                        for (var c = 0; c < element.Value.Length; c++)
                        {
                            if (positions.Contains(c)) continue;
                            hb.TryGetNominalGlyph(element.Value[c], out var gid).ShouldBeTrue($"'{element.Value[c]}' is in the subset's cmap");
                            gid.ShouldNotBe(0u);
                        }
                        pending = null;
                    }
                    pending.ShouldBeNull();
                }
            }
            finally { pinned.Free(); }
        }
    }

    [Fact]
    public void The_outline_the_links_and_the_metadata_are_in_the_package()
    {
        var document = Sample();
        var (bytes, layout) = Render(document);
        var package = new Package(bytes);
        var pageIds = package.Pages.Select(p => p.Id).ToList();

        var outline = package.Document.Root!.Element(Ofd + "Outlines")!.Elements(Ofd + "OutlineElem").ToList();
        outline.Select(o => o.Attribute("Title")!.Value).ShouldBe(Enumerable.Range(1, 6).Select(i => $"第{i}节"));
        outline[0].Elements(Ofd + "OutlineElem").Single().Attribute("Title")!.Value.ShouldBe("子项");
        for (var i = 0; i < 6; i++)
        {
            var dest = outline[i].Element(Ofd + "Actions")!.Element(Ofd + "Action")!.Element(Ofd + "Goto")!.Element(Ofd + "Dest")!;
            var place = layout.Anchors[$"h{i + 1}"];
            long.Parse(dest.Attribute("PageID")!.Value, CultureInfo.InvariantCulture).ShouldBe(pageIds[place.PageIndex]);
            double.Parse(dest.Attribute("Top")!.Value, CultureInfo.InvariantCulture).ShouldBe(place.Y * Mm, 0.001);
            dest.Attribute("Type")!.Value.ShouldBe("XYZ");
        }

        // The 目录's six lines: each a CLICK action over the line's area going to its heading's page and height.
        var tocPage = package.Pages[0].Content;
        var links = tocPage.Descendants(Ofd + "PathObject").Where(p => p.Element(Ofd + "Actions") != null).ToList();
        var marks = layout.Pages[0].Items.OfType<LinkMark>().ToList();
        links.Count.ShouldBe(6);
        for (var i = 0; i < links.Count; i++)
        {
            Numbers(links[i].Attribute("Boundary")!.Value).ShouldBe(new[] { marks[i].X * Mm, marks[i].Y * Mm, marks[i].Width * Mm, marks[i].Height * Mm }, 0.001);
            links[i].Attribute("Stroke")!.Value.ShouldBe("false");
            links[i].Attribute("Fill").ShouldBeNull("neither stroked nor filled: invisible");
            var action = links[i].Element(Ofd + "Actions")!.Element(Ofd + "Action")!;
            action.Attribute("Event")!.Value.ShouldBe("CLICK");
            var dest = action.Element(Ofd + "Goto")!.Element(Ofd + "Dest")!;
            var anchor = layout.Pages.SelectMany((p, index) => p.Items.OfType<AnchorMark>().Select(a => (a, index))).First(a => a.a.Name == marks[i].Target);
            long.Parse(dest.Attribute("PageID")!.Value, CultureInfo.InvariantCulture).ShouldBe(pageIds[anchor.index]);
            double.Parse(dest.Attribute("Top")!.Value, CultureInfo.InvariantCulture).ShouldBe(anchor.a.Y * Mm, 0.001);
        }
        // The leader dots are filled paths of round dots; the table's rules are stroked with a shared draw parameter.
        tocPage.Descendants(Ofd + "PathObject").ShouldContain(p => p.Attribute("Fill") != null && p.Element(Ofd + "AbbreviatedData")!.Value.Contains(" B "));
        package.Pages.SelectMany(p => p.Content.Descendants(Ofd + "PathObject")).Count(p => p.Attribute("DrawParam") != null).ShouldBeGreaterThan(40);

        var info = package.Xml("OFD.xml").Root!.Element(Ofd + "DocBody")!.Element(Ofd + "DocInfo")!;
        info.Element(Ofd + "DocID")!.Value.ShouldMatch("^[0-9a-f]{32}$");
        info.Element(Ofd + "Title")!.Value.ShouldBe("测试文档");
        info.Element(Ofd + "Author")!.Value.ShouldBe("测试单位");
        info.Element(Ofd + "CreationDate")!.Value.ShouldBe("2021-01-01");
        info.Elements().Select(e => e.Name.LocalName).ShouldBe(new[] { "DocID", "Title", "Author", "Subject", "CreationDate", "ModDate", "Keywords", "Creator", "CustomDatas" });
    }

    [Fact]
    public void One_layout_writes_the_pdf_and_the_ofd_alike()
    {
        var document = Sample();
        using var pdf = new MemoryStream();
        using var ofd = new MemoryStream();
        DocumentRenderer.Render(document, pdf, ofd);
        using var alone = new MemoryStream();
        DocumentRenderer.RenderPdf(document, alone);
        pdf.ToArray().SequenceEqual(alone.ToArray()).ShouldBeTrue("writing the OFD beside it does not change the PDF");
        ofd.ToArray().SequenceEqual(Render(document).Bytes).ShouldBeTrue();
    }
}
