using Publishing.Build;
using Publishing.Diagnostics;
using Publishing.Tests.Checks;
using Publishing.Tests.Support;
using UglyToad.PdfPig;

namespace Publishing.Tests.Forms;

/// <summary>
/// A form folder holds its whole form: its own page setups and theme overrides (theme.yaml), its own word lists
/// (checks/typos.txt, phrasing.txt, qualitative-values.txt) laid over the shared ones, and a template that is only
/// its layout (the head and stylesheet link come from partials/head.html.sbn).
/// </summary>
public sealed class FormFolderTests : IDisposable
{
    private readonly string _templates = RepoPaths.NewTempDirectory("templates");

    public FormFolderTests()
    {
        RepoPaths.CopyDirectory(RepoPaths.Templates, _templates);
        var folder = Path.Combine(_templates, "forms", "local");
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(_templates, "forms", "budget-text", "form.yaml"), Path.Combine(folder, "form.yaml"));
    }

    public void Dispose()
    {
        try { Directory.Delete(_templates, recursive: true); } catch (IOException) { }
    }

    private void FormFile(string relative, string text)
    {
        var path = Path.Combine(_templates, "forms", "local", relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static string Manifest(string form = "local") =>
        File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "Publishing.Tests", "Corpus", "_base", "document.yaml"))
            .Replace("framework: classic", $"form: {form}\nframework: classic");

    [Fact]
    public void A_form_s_theme_yaml_changes_only_its_documents_pages()
    {
        // 20 mm top margin and a page setup of its own (wide), used by its template; the shared theme is untouched.
        FormFile("theme.yaml", "page:\n  margin_top_mm: 20\n  body_height_mm: 257\npages:\n  wide:\n    size: A3\n    orientation: landscape\n    margin_top_mm: 20\n    margin_left_mm: 20\n    body_width_mm: 380\n    body_height_mm: 257\n");
        FormFile("document.html.sbn", "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n{{ include 'partials/head.html.sbn' }}\n<body>\n<section class=\"part\"><p>第一页</p></section>\n<section class=\"part\" data-page=\"wide\"><p>宽页</p></section>\n</body>\n</html>\n");
        using var local = new TinyDocument(new Dictionary<string, string> { ["document.yaml"] = Manifest() });
        var diagnostics = new DiagnosticBag();
        new DocumentBuilder(new BuildOptions(local.Directory, local.OutputRoot, _templates, OutputFormats.Html | OutputFormats.Pdf)).Build(local.Directory, diagnostics)
            .ShouldBeTrue(string.Join("\n", diagnostics.Items));
        diagnostics.Items.ShouldBeEmpty(string.Join("\n", diagnostics.Items));
        local.Html.ShouldContain("<link rel=\"stylesheet\" href=\"theme.css\">");
        File.ReadAllText(Path.Combine(local.OutputRoot, "doc", "theme.css")).ShouldContain("margin: 20mm");
        using (var pdf = PdfDocument.Open(Path.Combine(local.OutputRoot, "doc", "doc.pdf")))
        {
            var first = pdf.GetPage(1);
            var text = first.GetWords().First(w => w.Text.Contains("第一页"));
            (first.Height - text.BoundingBox.Top).ShouldBeLessThan(Mm(26)); // 20 mm down, not the shared 37 mm
            var wide = pdf.GetPage(2);
            wide.Width.ShouldBe(Mm(420), tolerance: 1);
            wide.Height.ShouldBe(Mm(297), tolerance: 1);
        }

        using var shared = new TinyDocument();
        shared.Build(_templates).Built.ShouldBeTrue();
        File.ReadAllText(Path.Combine(shared.OutputRoot, "doc", "theme.css")).ShouldNotContain("margin: 20mm");
    }

    private static double Mm(double mm) => mm / 25.4 * 72;

    [Fact]
    public void A_mistake_in_a_form_s_theme_yaml_is_located_in_that_file()
    {
        FormFile("theme.yaml", "page:\n  margin_top_mm: 20\n  margn_left_mm: 20\nbody:\n  size_pt: -3\n");
        using var document = new TinyDocument(new Dictionary<string, string> { ["document.yaml"] = Manifest() });
        var errors = document.Validate(_templates).Where(d => d.Code == DiagnosticCodes.ThemeInvalid).ToList();
        errors.Select(e => (e.Path.EndsWith("forms/local/theme.yaml", StringComparison.Ordinal), e.Line, e.Column))
            .ShouldBe(new[] { (true, 3, 3), (true, 5, 12) }, string.Join("\n", errors));
        errors[0].Message.ShouldContain("margin_left_mm");
    }

    [Fact]
    public void A_form_s_word_lists_are_laid_over_the_shared_ones_for_its_documents_only()
    {
        FormFile("checks/typos.txt", "接访经费 → 信访经费  # 本地的叫法\n");
        FormFile("checks/qualitative-values.txt", "按期推进\n");
        var indicators = TinyDocument.BaseIndicators.Replace("≥100 批次", "按期推进");
        using var local = new TinyDocument(new Dictionary<string, string> { ["document.yaml"] = Manifest(), ["data/indicators.csv"] = indicators });
        var found = local.Validate(_templates);
        found.Select(d => (d.Code, d.Path, d.Line)).ShouldBe(new[] { (DiagnosticCodes.Typo, "data/projects.csv", 2) }, string.Join("\n", found));
        found[0].Message.ShouldContain("“接访经费”应为“信访经费”（本地的叫法）");

        using var shared = new TinyDocument(new Dictionary<string, string> { ["data/indicators.csv"] = indicators });
        shared.Validate(_templates).Select(d => d.Code).ShouldBe(new[] { DiagnosticCodes.UnreadableValue }); // 按期推进 is the form's word only
    }
}
