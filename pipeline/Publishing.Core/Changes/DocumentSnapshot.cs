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
        document.Projects.Select(ProjectSnapshot.From)
            .Concat(document.Parts.Where(p => p.Department is not null).Select(p => ProjectSnapshot.From(p, p.Department!)))
            .ToList());

    private static readonly DocumentSnapshotJson Json = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    });

    public string ToJson() => JsonSerializer.Serialize(this, Json.DocumentSnapshot);

    /// <summary>Reads a stored snapshot; null when it is missing or unreadable (an older format, a torn file).</summary>
    public static DocumentSnapshot? Read(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllText(path), Json.DocumentSnapshot) : null;
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

/// <summary>
/// A project's figures by their column names (预算数 …) and its indicators. The columns are the form's
/// (templates/forms/): a county whose form has 绩效标准 or 计量单位 gets those compared too, with no code change.
/// </summary>
public sealed record ProjectSnapshot(
    string Code,
    string Id,
    string Name,
    IReadOnlyDictionary<string, string> Fields,
    IReadOnlyList<IndicatorSnapshot> Indicators)
{
    public static ProjectSnapshot From(Project project) => new(
        project.Code,
        project.Id,
        project.Name,
        ColumnText.Of(project.Columns, project.Table.NameOf(ColumnRole.ProjectCode)),
        project.Indicators.Select(IndicatorSnapshot.From).ToList());

    public static ProjectSnapshot From(Part part, DepartmentTable table) => new(
        "", part.Id, part.Title,
        ColumnText.Of(table.Columns),
        table.Indicators.Select(IndicatorSnapshot.From).ToList());
}

/// <summary>One indicator row: located by its 一级/二级/三级 path; every other column compared.</summary>
public sealed record IndicatorSnapshot(string Level1, string Level2, string Level3, IReadOnlyDictionary<string, string> Fields)
{
    public static IndicatorSnapshot From(Indicator indicator) => new(
        indicator.Level1, indicator.Level2, indicator.Level3,
        ColumnText.Of(indicator.Columns, new[] { ColumnRole.ProjectCode, ColumnRole.Level1, ColumnRole.Level2, ColumnRole.Level3 }
            .Select(r => indicator.Table.NameOf(r)).ToArray()));

    public string Path => $"{Level1} / {Level2} / {Level3}";
}

/// <summary>A row's typed column values as the text compared and shown (old → new), in the form's column order.</summary>
internal static class ColumnText
{
    public static IReadOnlyDictionary<string, string> Of(IReadOnlyDictionary<string, object?> columns, params string[] except)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in columns)
            if (!except.Contains(name)) fields[name] = Text(value);
        return fields;
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        decimal number => number.ToString("#,0.00##", CultureInfo.InvariantCulture),
        IndicatorValue indicator => indicator.Text,
        string text => text,
        IEnumerable<string> lines => string.Join("\n", lines),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

/// <summary>snapshot.json, generated at compile time (no reflection: the command is compiled ahead of time).</summary>
[JsonSerializable(typeof(DocumentSnapshot))]
internal sealed partial class DocumentSnapshotJson : JsonSerializerContext;
