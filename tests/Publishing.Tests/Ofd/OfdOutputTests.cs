using System.Globalization;
using System.Text.RegularExpressions;
using Publishing.Tests.Support;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Actions;
using UglyToad.PdfPig.Outline;

namespace Publishing.Tests.Ofd;

/// <summary>
/// `publishing build --format pdf,ofd` on the sample: the OFD (GB/T 33190) read from its zip and XML, and the
/// PDF read by PdfPig, have the same pages, text, fonts, bookmarks and 目录 links.
/// </summary>
public sealed class OfdOutputTests
{
    private static readonly Lazy<(byte[] Pdf, byte[] Ofd, string Output)> Built = new(() =>
    {
        var output = RepoPaths.NewTempDirectory("ofd");
        var result = PublishingCommand.Run("build", RepoPaths.Sample, "--out", output, "--format", "pdf,ofd", "--templates", RepoPaths.Templates);
        result.ExitCode.ShouldBe(0, result.Stderr);
        var folder = Path.Combine(output, "chengde-xinfang-2021");
        return (File.ReadAllBytes(Path.Combine(folder, "chengde-xinfang-2021.pdf")), File.ReadAllBytes(Path.Combine(folder, "chengde-xinfang-2021.ofd")), output);
    });

    private static string NoSpace(string s) => Regex.Replace(s, @"\s+", "");

    [Fact]
    public void The_ofd_has_the_pdfs_pages_sizes_and_text()
    {
        var (pdfBytes, ofdBytes, _) = Built.Value;
        var ofd = new OfdPackage(ofdBytes);
        using var pdf = PdfDocument.Open(pdfBytes);
        ofd.Pages.Count.ShouldBe(pdf.NumberOfPages);
        ofd.Pages.Count.ShouldBeGreaterThan(5);
        var area = ofd.Document.Element(OfdPackage.Ofd + "CommonData")!.Element(OfdPackage.Ofd + "PageArea")!.Element(OfdPackage.Ofd + "PhysicalBox")!.Value;
        for (var i = 0; i < ofd.Pages.Count; i++)
        {
            var page = pdf.GetPage(i + 1);
            var box = (ofd.Pages[i].Page.Element(OfdPackage.Ofd + "Area")?.Element(OfdPackage.Ofd + "PhysicalBox")?.Value ?? area)
                .Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            box[2].ShouldBe(page.Width * 25.4 / 72, 0.01, $"page {i + 1} width");
            box[3].ShouldBe(page.Height * 25.4 / 72, 0.01, $"page {i + 1} height");
            NoSpace(ofd.Text(i)).ShouldBe(NoSpace(string.Concat(page.Letters.Select(l => l.Value))), $"page {i + 1}");
        }
        ofd.Text(0).ShouldContain("承德县信访局");
    }

    [Fact]
    public void The_ofd_embeds_the_fonts_the_pdf_embeds()
    {
        var (pdfBytes, ofdBytes, _) = Built.Value;
        var ofd = new OfdPackage(ofdBytes);
        using var pdf = PdfDocument.Open(pdfBytes);
        var pdfFonts = pdf.GetPages().SelectMany(p => p.Letters).Select(l => Regex.Replace(l.FontName ?? "", "^[A-Z]{6}\\+", "")).ToHashSet();
        ofd.Fonts.Select(f => f.Attribute("FontName")!.Value).ToHashSet().SetEquals(pdfFonts).ShouldBeTrue(
            $"OFD {string.Join(", ", ofd.Fonts.Select(f => f.Attribute("FontName")!.Value))}; PDF {string.Join(", ", pdfFonts)}");
        foreach (var font in ofd.Fonts)
        {
            var program = ofd.Files[$"{ofd.FontFolder}/{font.Element(OfdPackage.Ofd + "FontFile")!.Value}"];
            program.Take(4).ShouldBe(new byte[] { 0, 1, 0, 0 });
            program.Length.ShouldBeLessThan(1_000_000, "an embedded subset");
        }
    }

    [Fact]
    public void The_bookmarks_and_the_toc_links_go_where_the_pdfs_go()
    {
        var (pdfBytes, ofdBytes, _) = Built.Value;
        var ofd = new OfdPackage(ofdBytes);
        using var pdf = PdfDocument.Open(pdfBytes);
        pdf.TryGetBookmarks(out var bookmarks).ShouldBeTrue();
        var expected = new List<(int, string, int)>();
        void Walk(IEnumerable<BookmarkNode> nodes, int depth)
        {
            foreach (var node in nodes)
            {
                expected.Add((depth, node.Title, node is DocumentBookmarkNode d ? d.PageNumber - 1 : -1));
                Walk(node.Children, depth + 1);
            }
        }
        Walk(bookmarks.Roots, 0);
        expected.Count.ShouldBeGreaterThan(5);
        ofd.Outline().ShouldBe(expected);

        var links = 0;
        for (var i = 0; i < ofd.Pages.Count; i++)
        {
            var pdfLinks = pdf.GetPage(i + 1).GetAnnotations().Where(a => a.Type == UglyToad.PdfPig.Annotations.AnnotationType.Link)
                .Select(a => a.Action is GoToAction g ? g.Destination.PageNumber - 1 : -1).ToList();
            ofd.Links(i).Select(ofd.PageOf).ShouldBe(pdfLinks, $"page {i + 1}");
            links += pdfLinks.Count;
        }
        links.ShouldBeGreaterThan(5, "the 目录's entries");
    }

    [Fact]
    public void The_logical_structure_is_a_custom_tag_whose_elements_refer_to_their_page_objects()
    {
        var ofd = new OfdPackage(Built.Value.Ofd);
        var index = ofd.Xml($"{ofd.Folder}/{ofd.Document.Element(OfdPackage.Ofd + "CustomTags")!.Value}").Root!;
        var entry = index.Element(OfdPackage.Ofd + "CustomTag")!;
        entry.Attribute("NameSpace")!.Value.ShouldBe("http://iso.org/pdf/ssn");
        var tags = ofd.Xml($"{ofd.Folder}/Tags/{entry.Element(OfdPackage.Ofd + "FileLoc")!.Value}").Root!;
        tags.Name.LocalName.ShouldBe("Document");
        var roles = tags.Descendants().Where(e => e.Name.Namespace != OfdPackage.Ofd).Select(e => e.Name.LocalName).ToHashSet();
        foreach (var role in new[] { "H1", "P", "Table", "TR", "TH", "TD", "TOC", "TOCI", "Link" }) roles.ShouldContain(role);

        // Every reference names an object of its page; an element's text is the text of the objects it names.
        var objects = ofd.Pages.SelectMany(p => p.Page.Descendants().Where(e => e.Attribute("ID") is not null)
            .Select(e => (Page: p.Id, Id: e.Attribute("ID")!.Value, Element: e))).ToDictionary(o => (o.Page, o.Id), o => o.Element);
        var refs = tags.Descendants(OfdPackage.Ofd + "ObjectRef").ToList();
        refs.Count.ShouldBeGreaterThan(100);
        foreach (var r in refs) objects.ShouldContainKey((long.Parse(r.Attribute("PageRef")!.Value, CultureInfo.InvariantCulture), r.Value));
        string TextOf(System.Xml.Linq.XElement element) => string.Concat(element.Descendants(OfdPackage.Ofd + "ObjectRef")
            .Select(r => objects[(long.Parse(r.Attribute("PageRef")!.Value, CultureInfo.InvariantCulture), r.Value)])
            .SelectMany(o => o.Descendants(OfdPackage.Ofd + "TextCode")).Select(c => c.Value));
        var headers = tags.Descendants().Where(e => e.Name.LocalName == "TH").Select(TextOf).ToList();
        headers.ShouldContain("项目名称");
        tags.Descendants().Where(e => e.Name.LocalName == "TH").ShouldAllBe(th => th.Attribute("Scope") != null);
        // The page numbers in the footers are artifacts: no element refers to them.
        NoSpace(TextOf(tags)).ShouldNotContain("—1—");
    }

    [Fact]
    public void The_metadata_is_the_documents()
    {
        var (pdfBytes, ofdBytes, _) = Built.Value;
        var ofd = new OfdPackage(ofdBytes);
        using var pdf = PdfDocument.Open(pdfBytes);
        ofd.Info.Element(OfdPackage.Ofd + "Title")!.Value.ShouldBe(pdf.Information.Title);
        ofd.Info.Element(OfdPackage.Ofd + "Author")!.Value.ShouldBe(pdf.Information.Author);
        ofd.Info.Element(OfdPackage.Ofd + "CreationDate")!.Value.ShouldBe(pdf.Information.CreationDate![2..6] + "-" + pdf.Information.CreationDate[6..8] + "-" + pdf.Information.CreationDate[8..10]);
    }

    [Fact]
    public void An_html_build_removes_the_ofd_an_earlier_build_made_and_ofd_alone_makes_no_pdf()
    {
        var output = RepoPaths.NewTempDirectory("ofd-formats");
        PublishingCommand.Run("build", RepoPaths.Sample, "--out", output, "--format", "ofd", "--templates", RepoPaths.Templates).ExitCode.ShouldBe(0);
        var folder = Path.Combine(output, "chengde-xinfang-2021");
        File.Exists(Path.Combine(folder, "chengde-xinfang-2021.ofd")).ShouldBeTrue();
        File.Exists(Path.Combine(folder, "chengde-xinfang-2021.pdf")).ShouldBeFalse();
        new OfdPackage(File.ReadAllBytes(Path.Combine(folder, "chengde-xinfang-2021.ofd"))).Pages.Count.ShouldBe(new OfdPackage(Built.Value.Ofd).Pages.Count);

        PublishingCommand.Run("build", RepoPaths.Sample, "--out", output, "--format", "html", "--templates", RepoPaths.Templates).ExitCode.ShouldBe(0);
        File.Exists(Path.Combine(folder, "chengde-xinfang-2021.ofd")).ShouldBeFalse("an OFD this build did not make is not left as if current");
    }
}
