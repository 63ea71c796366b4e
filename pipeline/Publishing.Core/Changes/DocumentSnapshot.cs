using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Publishing.Model;

namespace Publishing.Changes;

/// <summary>
/// What a reviewer compares between two drafts, small enough to keep beside every build (snapshot.json):
/// each section's reading text, each project's figures and each indicator's values. Not the HTML: the
/// comparison is of what the editors wrote, so a template change is not reported as a change of content.
/// </summary>
public sealed record DocumentSnapshot(
    string Title,
    string? Revision,
    IReadOnlyList<SectionSnapshot> Sections,
    IReadOnlyList<ProjectSnapshot> Projects)
{
    public static DocumentSnapshot From(PublishingDocument document, string? revision) => new(
        document.Metadata.Title,
        revision,
        document.Sections.Select(s => new SectionSnapshot(s.Id, s.Title,
            string.Join("\n", s.TextBlocks.Select(b => b.Text.Replace(TextBlock.Placeholder.ToString(), ""))))).ToList(),
        document.Projects.Select(ProjectSnapshot.From).ToList());

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a stored snapshot; null when it is missing or unreadable (an older format, a torn file).</summary>
    public static DocumentSnapshot? Read(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<DocumentSnapshot>(File.ReadAllText(path), Json) : null;
        }
        catch (Exception e) when (e is JsonException or IOException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Same content (the revision it was built from does not count).</summary>
    public bool SameContentAs(DocumentSnapshot other) =>
        ToJson() == (other with { Revision = Revision }).ToJson();
}

/// <summary>A narrative section's text as a reader sees it, block by block (one line per block).</summary>
public sealed record SectionSnapshot(string Id, string Title, string Text);

/// <summary>A project's figures by their printed names (预算数 …) and its indicators.</summary>
public sealed record ProjectSnapshot(
    string Code,
    string Name,
    IReadOnlyDictionary<string, string> Fields,
    IReadOnlyList<IndicatorSnapshot> Indicators)
{
    public static ProjectSnapshot From(Project project) => new(
        project.Code,
        project.Name,
        new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["项目名称"] = project.Name,
            ["预算数"] = Money(project.Budget),
            ["财政资金"] = Money(project.FiscalFunds),
            ["其他资金"] = Money(project.OtherFunds),
            ["资金用途"] = project.UseOfFunds,
            ["资金支出计划"] = string.Join("；", project.SpendingPlan.Select(m => $"{m.Label} {m.Percent.ToString("0.##", CultureInfo.InvariantCulture)}%")),
            ["绩效目标"] = string.Join("\n", project.Goals),
        },
        project.Indicators.Select(IndicatorSnapshot.From).ToList());

    private static string Money(decimal value) => value.ToString("#,0.00", CultureInfo.InvariantCulture);
}

/// <summary>One indicator row: located by its 一级/二级/三级 path; its description, value and basis compared.</summary>
public sealed record IndicatorSnapshot(string Level1, string Level2, string Level3, string Description, string Value, string Basis)
{
    public static IndicatorSnapshot From(Indicator indicator) => new(
        indicator.Level1, indicator.Level2, indicator.Level3, indicator.Description, indicator.Value.Text, indicator.Basis);

    public string Path => $"{Level1} / {Level2} / {Level3}";
}
