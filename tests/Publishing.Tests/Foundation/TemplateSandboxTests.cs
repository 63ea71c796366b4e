using Publishing.Assembly;
using Publishing.Diagnostics;
using Publishing.Tests.Support;
using Scriban.Runtime;

namespace Publishing.Tests.Foundation;

public class TemplateSandboxTests
{
    private static (string? Output, DiagnosticBag Diagnostics) RenderTemplate(string text, TemplateLimits? limits = null, string name = "t.sbn")
    {
        var templates = RepoPaths.NewTempDirectory("templates");
        File.WriteAllText(Path.Combine(templates, name), text);
        File.WriteAllText(Path.Combine(templates, "part.sbn"), "part:{{ x }}");
        var diagnostics = new DiagnosticBag();
        var output = new DocumentAssembler(templates, limits).Render(name, new ScriptObject { ["x"] = 1 }, diagnostics);
        return (output, diagnostics);
    }

    [Fact]
    public void Includes_inside_templates_work()
    {
        var (output, diagnostics) = RenderTemplate("a {{ include 'part.sbn' }} b");
        diagnostics.Items.ShouldBeEmpty();
        output.ShouldBe("a part:1 b");
    }

    [Theory]
    [InlineData("a\n{{ for x in [1] }}\n  {{ if x }}y{{ end }}\n", 2, 4, "for")]
    [InlineData("line\n\n  {{~ if x ~}}\n  text\n{{ capture c }}z{{ end }}\n", 3, 7, "if")]
    [InlineData("{{ x = 1; while x < 2; x = x + 1 }}", 1, 11, "while")]
    [InlineData("{{ if x }}\n{{ else if x > 1 }}\n{{ capture c }}\n{{ end }}\n", 1, 4, "if")]
    public void A_block_without_its_end_is_located_at_the_statement_that_opens_it(string text, int line, int column, string keyword)
    {
        var (output, diagnostics) = RenderTemplate(text);

        output.ShouldBeNull();
        var error = diagnostics.Items.ShouldHaveSingleItem();
        error.Code.ShouldBe(DiagnosticCodes.TemplateSyntax);
        error.Path.ShouldEndWith("/t.sbn");
        (error.Line, error.Column).ShouldBe((line, column));
        error.Message.ShouldContain($"这个 {keyword} 没有对应的 {{{{ end }}}}");
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("partials/../../secret.sbn")]
    public void Includes_outside_templates_are_refused_with_a_clear_error(string target)
    {
        var (output, diagnostics) = RenderTemplate($"line one\n  {{{{ include '{target}' }}}}");
        output.ShouldBeNull();
        var diagnostic = diagnostics.Items.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe(DiagnosticCodes.TemplateIncludeRefused);
        diagnostic.Path.ShouldEndWith("/t.sbn");
        diagnostic.Line.ShouldBe(2);
        diagnostic.Message.ShouldContain($"include '{target}' is refused");
    }

    [Fact]
    public void An_endless_loop_stops_at_the_limit()
    {
        var (output, diagnostics) = RenderTemplate("{{ while true }}x{{ end }}",
            new TemplateLimits(LoopLimit: 10_000, RecursionLimit: 16, OutputLimitChars: 1 << 20, TimeLimit: TimeSpan.FromSeconds(10)));
        output.ShouldBeNull();
        var diagnostic = diagnostics.Items.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe(DiagnosticCodes.TemplateLimit);
        diagnostic.ToString().ShouldContain("/t.sbn(1,");
    }

    [Fact]
    public void A_slow_loop_stops_at_the_time_limit()
    {
        var (output, diagnostics) = RenderTemplate("{{ for i in 1..100000000 }}{{ end }}",
            new TemplateLimits(LoopLimit: int.MaxValue, RecursionLimit: 16, OutputLimitChars: 1 << 20, TimeLimit: TimeSpan.FromMilliseconds(200)));
        output.ShouldBeNull();
        diagnostics.Items.ShouldHaveSingleItem().Message.ShouldContain("longer than the limit");
    }

    [Fact]
    public void Runaway_recursion_stops_at_the_limit()
    {
        var (output, diagnostics) = RenderTemplate("{{ func f(n)\n ret f(n + 1)\nend\nf 1 }}");
        output.ShouldBeNull();
        diagnostics.Items.ShouldHaveSingleItem().Code.ShouldBe(DiagnosticCodes.TemplateLimit);
    }

    [Fact]
    public void Output_over_the_limit_is_an_error_not_a_silent_truncation()
    {
        var (output, diagnostics) = RenderTemplate("{{ for i in 1..5000 }}0123456789{{ end }}",
            new TemplateLimits(LoopLimit: 1_000_000, RecursionLimit: 16, OutputLimitChars: 10_000, TimeLimit: TimeSpan.FromSeconds(10)));
        output.ShouldBeNull();
        diagnostics.Items.ShouldHaveSingleItem().Code.ShouldBe(DiagnosticCodes.TemplateLimit);
    }

    [Fact]
    public void A_typo_in_a_variable_is_an_error_with_its_location()
    {
        var (output, diagnostics) = RenderTemplate("<p>\n<b>{{ documnet.title }}</b>");
        output.ShouldBeNull();
        var diagnostic = diagnostics.Items.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe(DiagnosticCodes.TemplateRuntime);
        diagnostic.ToString().ShouldContain("/t.sbn(2,7): error PUB4102:");
        diagnostic.Message.ShouldContain("documnet");
    }

    [Fact]
    public void A_typo_in_a_member_is_an_error_too()
    {
        var templates = RepoPaths.NewTempDirectory("templates");
        File.WriteAllText(Path.Combine(templates, "t.sbn"), "{{ meta.titel }}");
        var diagnostics = new DiagnosticBag();
        var output = new DocumentAssembler(templates).Render("t.sbn",
            new ScriptObject { ["meta"] = SampleDocument.Document.Metadata }, diagnostics);
        output.ShouldBeNull();
        diagnostics.Items.ShouldHaveSingleItem().ToString().ShouldContain("/t.sbn(1,");
    }

    [Fact]
    public void A_syntax_error_in_an_included_template_is_reported_in_that_template()
    {
        var templates = RepoPaths.NewTempDirectory("templates");
        Directory.CreateDirectory(Path.Combine(templates, "partials"));
        File.WriteAllText(Path.Combine(templates, "t.sbn"), "{{ include 'partials/bad.sbn' }}");
        File.WriteAllText(Path.Combine(templates, "partials", "bad.sbn"), "ok\n{{ if }}");
        var diagnostics = new DiagnosticBag();
        new DocumentAssembler(templates).Render("t.sbn", new ScriptObject(), diagnostics).ShouldBeNull();
        diagnostics.Items.ShouldNotBeEmpty();
        diagnostics.Items[0].Path.ShouldBe(Publishing.Diagnostics.DisplayPaths.For(Path.Combine(templates, "partials", "bad.sbn")));
        diagnostics.Items[0].Line.ShouldBe(2);
        diagnostics.Items[0].Code.ShouldBe(DiagnosticCodes.TemplateSyntax);
    }

    [Fact]
    public void Merge_runs_nests_the_second_key_inside_the_first()
    {
        var (output, diagnostics) = RenderTemplate(
            "{{ rows = [{a: 1, b: 1}, {a: 1, b: 1}, {a: 2, b: 1}, {a: 2, b: 2}]\n" +
            "   merged = table.merge_runs rows ['a', 'b']\n   for r in merged }}{{ r.spans.a }}{{ r.spans.b }} {{ end }}");
        diagnostics.Items.ShouldBeEmpty();
        output.ShouldBe("22 00 21 01 ");
    }
}
