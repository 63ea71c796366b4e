using Publishing.Checks;
using Publishing.Model;
using Publishing.Tests.Support;

namespace Publishing.Tests.Checks;

/// <summary>
/// One name per check, in one registry (Model.CheckRegistry): the checks that run, the names form.yaml accepts,
/// docs/forms.md and docs/diagnostics.md all use it.
/// </summary>
public sealed class CheckRegistryTests
{
    [Fact]
    public void The_checks_that_run_are_the_registry_s_in_its_order()
    {
        ContentChecks.All.Select(c => c.Name).ShouldBe(CheckRegistry.Names);
        CheckRegistry.Names.ShouldBeUnique();
        CheckRegistry.All.SelectMany(c => c.Codes).ShouldBeUnique();
    }

    [Fact]
    public void Every_check_is_in_docs_forms_and_named_beside_each_of_its_codes_in_docs_diagnostics()
    {
        var forms = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "forms.md"));
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, "docs", "diagnostics.md"));
        foreach (var check in CheckRegistry.All)
        {
            forms.ShouldContain($"`{check.Name}`", customMessage: $"docs/forms.md does not list the check {check.Name}");
            foreach (var code in check.Codes)
            {
                var heading = Array.FindIndex(lines, l => l.StartsWith($"### {code} ", StringComparison.Ordinal));
                heading.ShouldBeGreaterThanOrEqualTo(0, code);
                var section = string.Join("\n", lines.Skip(heading + 1).TakeWhile(l => !l.StartsWith("#", StringComparison.Ordinal)));
                section.ShouldContain($"检查名 `{check.Name}`", customMessage: $"docs/diagnostics.md's {code} does not name its check {check.Name}");
            }
        }
    }

    [Fact]
    public void A_form_may_tune_exactly_the_registered_checks()
    {
        using var document = new TinyDocument(new Dictionary<string, string>());
        var templates = RepoPaths.NewTempDirectory("templates");
        try
        {
            RepoPaths.CopyDirectory(RepoPaths.Templates, templates);
            var form = Path.Combine(templates, "forms", "budget-text", "form.yaml");
            var yaml = File.ReadAllText(form);
            var checks = string.Join("\n", CheckRegistry.Names.Select(n => $"  {n}: warning"));
            File.WriteAllText(form, yaml[..yaml.IndexOf("checks:", StringComparison.Ordinal)] + "checks:\n" + checks + "\n  value-units: off\n");
            var error = document.Validate(templates).ShouldHaveSingleItem();
            (error.Code, error.Line).ShouldBe(("PUB1201", yaml[..yaml.IndexOf("checks:", StringComparison.Ordinal)].Count(c => c == '\n') + 2 + CheckRegistry.All.Count));
            error.Message.ShouldContain("是否应为“value-unit”");
        }
        finally
        {
            Directory.Delete(templates, recursive: true);
        }
    }
}
