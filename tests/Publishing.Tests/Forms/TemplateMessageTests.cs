using Publishing.Build;
using Publishing.Diagnostics;
using Publishing.Tests.Checks;
using Publishing.Tests.Support;

namespace Publishing.Tests.Forms;

/// <summary>
/// The mistakes an editor makes in a form's template or form.yaml give a Chinese message at the line to change,
/// with the nearest right name: a column the form does not declare, a page setup the theme lacks, an empty list.
/// </summary>
public sealed class TemplateMessageTests : IDisposable
{
    private readonly string _templates = RepoPaths.NewTempDirectory("templates");

    public TemplateMessageTests() => RepoPaths.CopyDirectory(RepoPaths.Templates, _templates);

    public void Dispose()
    {
        try { Directory.Delete(_templates, recursive: true); } catch (IOException) { }
    }

    private string Edit(string relative, string from, string to)
    {
        var path = Path.Combine(_templates, relative);
        var text = File.ReadAllText(path);
        text.ShouldContain(from);
        File.WriteAllText(path, text.Replace(from, to));
        return path;
    }

    private static int LineOf(string path, string text) =>
        Array.FindIndex(File.ReadAllLines(path), l => l.Contains(text, StringComparison.Ordinal)) + 1;

    private (bool Built, IReadOnlyList<Diagnostic> Diagnostics) Build(string example, OutputFormats formats)
    {
        var output = RepoPaths.NewTempDirectory("out");
        var document = Path.Combine(output, "doc");
        RepoPaths.CopyDirectory(Path.Combine(RepoPaths.Content, example), document);
        var diagnostics = new DiagnosticBag();
        var built = new DocumentBuilder(new BuildOptions(document, Path.Combine(output, "out"), _templates, formats)).Build(document, diagnostics);
        Directory.Delete(output, recursive: true);
        return (built, diagnostics.Sorted().ToList());
    }

    [Fact]
    public void A_column_the_form_does_not_declare_is_a_chinese_error_at_the_template_line_with_the_nearest_name()
    {
        var path = Edit("forms/project-midterm/document.html.sbn", "<td>{{ c[\"实施单位\"] }}</td>", "<td>{{ c[\"实施单元\"] }}</td>");
        var (built, diagnostics) = Build("example-project-midterm", OutputFormats.Html);
        built.ShouldBeFalse();
        var error = diagnostics.ShouldHaveSingleItem();
        (error.Code, error.Path, error.Line).ShouldBe((DiagnosticCodes.TemplateRuntime, DisplayPaths.For(path), LineOf(path, "实施单元")));
        error.Message.ShouldBe("模板中的 c[\"实施单元\"] 取不到值：表单没有声明名为“实施单元”的列或设置项。是否应为“实施单位”？");
    }

    [Fact]
    public void A_metadata_key_the_form_does_not_declare_is_named_too()
    {
        var path = Edit("forms/project-declaration/document.html.sbn", "meta.fields[\"填报单位\"]", "meta.fields[\"填报单\"]");
        var error = Build("example-project-declaration", OutputFormats.Html).Diagnostics.ShouldHaveSingleItem();
        (error.Path, error.Line).ShouldBe((DisplayPaths.For(path), LineOf(path, "填报单\"")));
        error.Message.ShouldContain("是否应为“填报单位”？");
    }

    [Fact]
    public void An_unknown_page_setup_is_reported_at_the_template_line_that_set_it()
    {
        var path = Edit("forms/department-goals/document.html.sbn", "<body data-page=\"landscape\">", "<body data-page=\"landscap\">");
        var (built, diagnostics) = Build("example-department-goals", OutputFormats.Html | OutputFormats.Pdf);
        built.ShouldBeTrue();
        var warning = diagnostics.ShouldHaveSingleItem();
        (warning.Code, warning.Path, warning.Line, warning.Column).ShouldBe((DiagnosticCodes.UnknownPageSetup, DisplayPaths.For(path), LineOf(path, "landscap\""), 1));
        warning.Message.ShouldContain("是否应为“landscape”？");
    }

    [Fact]
    public void A_level1_without_level2_says_so_instead_of_an_empty_list()
    {
        var form = Path.Combine(_templates, "forms", "budget-text", "form.yaml");
        Edit("forms/budget-text/form.yaml", "framework: classic          # templates/frameworks/classic.yaml", """
            framework:
              title: 无二级的体系
              level1:
                - { name: 产出指标, level2: [数量指标, 质量指标, 时效指标, 成本指标] }
                - { name: 效益指标, level2: [经济效益指标, 社会效益指标, 生态效益指标, 可持续影响指标] }
                - { name: 满意度指标, level2: [] }
            """);
        using var document = new TinyDocument(new Dictionary<string, string>
        {
            ["document.yaml"] = File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "Publishing.Tests", "Corpus", "_base", "document.yaml")).Replace("framework: classic\n", ""),
        });
        var error = document.Validate(_templates).ShouldHaveSingleItem();
        (error.Code, error.Path, error.Line).ShouldBe((DiagnosticCodes.UnknownLevel2, "data/indicators.csv", 4));
        error.Message.ShouldNotContain("应为  之一");
        error.Message.ShouldContain("：这里不能有下级指标，请留空。");
        File.Exists(form).ShouldBeTrue();
    }
}
