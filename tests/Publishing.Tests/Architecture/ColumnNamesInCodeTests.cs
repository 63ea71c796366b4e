using Publishing.Diagnostics;
using Publishing.Forms;
using Publishing.Model;
using Publishing.Tests.Support;
using Shouldly;

namespace Publishing.Tests.Architecture;

/// <summary>
/// Forms are data: what a column means is its role in form.yaml, so no C# under pipeline/ may name a column of a
/// shipped form (项目名称, 预算数, 一级指标, 指标值类型 …) or a value of a value-type column (定量, 定性) in a string
/// literal — a form that renames the column would silently lose what the code keyed on it. Messages name columns
/// through the form (the column with the role). Allowed are only words of a message that contain a column name
/// but are not one (绩效目标表), each listed below with its reason and each still used.
/// </summary>
public sealed class ColumnNamesInCodeTests
{
    /// <summary>Words that contain a column's name but mean something else; never a column name themselves.</summary>
    private static readonly Dictionary<string, string> AllowedWords = new(StringComparer.Ordinal)
    {
        ["绩效目标表"] = "the printed table's title (项目…绩效目标表, 部门整体绩效目标表)",
        ["部门预算绩效目标"] = "the PDF's subject",
        ["定性值"] = "the list of qualitative values (templates/checks/qualitative-values.txt)",
        ["总体绩效目标"] = "an example of a section's heading (PUB3001)",
    };

    /// <summary>Whole literals that equal or hold a column name as an ordinary word, by file.</summary>
    private static readonly (string File, string Literal, string Why)[] AllowedLiterals =
    {
        ("pipeline/Publishing.Core/Build/PdfOutput.cs", "绩效目标", "a keyword of the PDF's metadata"),
        ("pipeline/Publishing.Core/Build/VolumeBuilder.cs", "部门预算, 绩效目标, 汇编", "the volume PDF's keywords"),
        ("pipeline/Publishing.Core/Site/DocumentPages.cs", "主管部门", "the prefix of a document.yaml metadata key the site index groups by, not a table column"),
    };

    private const string CatalogFiles = "pipeline/Publishing.Core/Diagnostics/DiagnosticCatalog.";

    private static readonly HashSet<string> CatalogTitles = typeof(DiagnosticCatalog)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticKind))
        .Select(f => ((DiagnosticKind)f.GetValue(null)!).Title).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void No_string_literal_in_pipeline_names_a_column_of_a_shipped_form()
    {
        var names = ShippedColumnWords();
        names.ShouldContain("预算数");
        names.ShouldContain("资金总额");
        names.ShouldContain("定性");

        var hits = new List<string>();
        var allowedLiteralsSeen = new HashSet<string>();
        var allowedWordsSeen = new HashSet<string>();
        var pipeline = Path.Combine(RepoPaths.Root, "pipeline");
        var files = Directory.GetFiles(pipeline, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Order(StringComparer.Ordinal).ToList();
        files.Count.ShouldBeGreaterThan(50);
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(RepoPaths.Root, file).Replace('\\', '/');
            foreach (var literal in CSharpStringLiterals.In(File.ReadAllText(file)))
            {
                // A diagnostic's title is the heading of docs/diagnostics.md that explains it for the shipped forms
                // (PUB2013 预算数 ≠ 财政资金 + 其他资金); it names, it is never compared with what a form declares.
                if (relative.StartsWith(CatalogFiles, StringComparison.Ordinal) && CatalogTitles.Contains(literal.Text)) continue;
                if (AllowedLiterals.FirstOrDefault(a => a.File == relative && a.Literal == literal.Text) is { File: not null } allowed)
                {
                    allowedLiteralsSeen.Add(allowed.File + allowed.Literal);
                    continue;
                }
                foreach (var name in ColumnNamesIn(literal.Text, names, allowedWordsSeen))
                    hits.Add($"{relative}({literal.Line}): “{name}” in \"{literal.Text}\"");
            }
        }
        hits.ShouldBeEmpty("read the column by its role (FormTable.WithRole / NameOf) instead:\n" + string.Join("\n", hits));

        // Each exception is still needed (else it would hide a future hit) and is no column name itself.
        AllowedLiterals.Where(a => !allowedLiteralsSeen.Contains(a.File + a.Literal)).ShouldBeEmpty();
        AllowedWords.Keys.Where(w => !allowedWordsSeen.Contains(w)).ShouldBeEmpty();
        AllowedWords.Keys.Where(names.Contains).ShouldBeEmpty();
    }

    [Fact]
    public void The_scan_finds_names_in_every_kind_of_literal_and_none_in_comments()
    {
        const string source = """"
            // 项目名称 in a comment
            /* 预算数 in a block */
            var a = cells.Text("项目名称");
            var b = $"{x}“{y}”{string.Join("、", new[] { "一级指标" })}不存在";
            var c = @"资金""总额";
            var d = '"'; var e = "绩效目标表";
            var f = $$"""
                {{z}} 指标值类型
                """;
            """";
        var literals = CSharpStringLiterals.In(source);
        literals.Select(l => l.Line).ShouldBe(new[] { 3, 4, 4, 4, 5, 6, 7 });
        var seen = new HashSet<string>();
        var names = new HashSet<string> { "项目名称", "预算数", "一级指标", "资金总额", "指标值类型", "绩效目标" };
        literals.SelectMany(l => ColumnNamesIn(l.Text, names, seen)).ShouldBe(new[] { "项目名称", "一级指标", "指标值类型" });
        literals[4].Text.ShouldBe("资金\"总额"); // not a column name: the quote is part of it
        seen.ShouldBe(new[] { "绩效目标表" });
    }

    /// <summary>The column names in a literal, but not inside an allowed word.</summary>
    private static IEnumerable<string> ColumnNamesIn(string literal, IReadOnlySet<string> names, HashSet<string> allowedSeen)
    {
        var covered = new bool[literal.Length];
        foreach (var word in AllowedWords.Keys)
            for (var at = literal.IndexOf(word, StringComparison.Ordinal); at >= 0; at = literal.IndexOf(word, at + 1, StringComparison.Ordinal))
            {
                allowedSeen.Add(word);
                for (var k = at; k < at + word.Length; k++) covered[k] = true;
            }
        foreach (var name in names.OrderByDescending(n => n.Length).ThenBy(n => n, StringComparer.Ordinal))
            for (var at = literal.IndexOf(name, StringComparison.Ordinal); at >= 0; at = literal.IndexOf(name, at + 1, StringComparison.Ordinal))
                if (Enumerable.Range(at, name.Length).Any(k => !covered[k]))
                {
                    yield return name;
                    break;
                }
    }

    /// <summary>Every column name of every shipped form, and the values of their value-type columns.</summary>
    private static IReadOnlySet<string> ShippedColumnWords()
    {
        var catalog = new FormCatalog(RepoPaths.Templates);
        var words = new HashSet<string>(StringComparer.Ordinal);
        var diagnostics = new DiagnosticBag();
        catalog.FormNames().Count.ShouldBeGreaterThanOrEqualTo(4);
        foreach (var name in catalog.FormNames())
        {
            var form = catalog.LoadForm(name, diagnostics).ShouldNotBeNull(string.Join("\n", diagnostics.Items));
            foreach (var column in form.Tables.Values.SelectMany(t => t.Columns))
            {
                words.Add(column.Name);
                if (column.Role == ColumnRole.ValueType) words.UnionWith(column.Values);
            }
        }
        return words;
    }
}
