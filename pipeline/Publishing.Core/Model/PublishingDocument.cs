using Publishing.Text;

namespace Publishing.Model;

/// <summary>One document to publish: the manifest's metadata, then its parts in order.</summary>
public sealed record PublishingDocument(
    string Slug,
    string ContentDirectory,
    DocumentMetadata Metadata,
    IReadOnlyList<Part> Parts)
{
    public IEnumerable<Project> Projects => Parts.SelectMany(p => p.Projects);
    public IEnumerable<NarrativeSection> Sections => Parts.SelectMany(p => p.Sections);

    /// <summary>Every indicator row: the projects' and the department tables'.</summary>
    public IEnumerable<Indicator> Indicators =>
        Projects.SelectMany(p => p.Indicators).Concat(Parts.SelectMany(p => p.Department?.Indicators ?? Array.Empty<Indicator>()));

    /// <summary>The form the document is written in (templates/forms/&lt;name&gt;/form.yaml).</summary>
    public Form Form { get; init; } = Form.Unnamed;

    /// <summary>The indicator framework its indicators follow; null when none could be found (reported).</summary>
    public IndicatorFramework? Framework { get; init; }
}

public sealed record DocumentMetadata(
    string Title,
    string Department,
    int Year,
    string Status,
    string PreparedBy,
    string ReviewedBy,
    string UnitCode,
    string UnitName,
    string Currency,
    string Framework,
    string Theme,
    DateOnly Date)
{
    /// <summary>Where each key's value was written in document.yaml (from the YAML node reader), for diagnostics.</summary>
    public IReadOnlyDictionary<string, SourceLocation> Locations { get; init; } = new Dictionary<string, SourceLocation>();

    /// <summary>Where <paramref name="key"/>'s value was written; the manifest's start when the key was left out.</summary>
    public SourceLocation At(string key) =>
        Locations.TryGetValue(key, out var at) ? at : new SourceLocation(ManifestPath, 1, 1);

    /// <summary>The values of the metadata keys the form declares (填报单位, 填表人 …); "" for one left out.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();

    /// <summary>document.yaml as shown in diagnostics.</summary>
    public string ManifestPath { get; init; } = "";
}

/// <summary>A part (第一部分 …) holds narrative sections, projects, or both.</summary>
public sealed record Part(
    string Id,
    string Number,
    string Title,
    IReadOnlyList<NarrativeSection> Sections,
    IReadOnlyList<Project> Projects)
{
    /// <summary>The part's department-level table (整体绩效目标表), if it has one.</summary>
    public DepartmentTable? Department { get; init; }
}

/// <summary>One Markdown file: its title (the file's first heading) and its body rendered to HTML.</summary>
public sealed record NarrativeSection(
    string Id,
    string Title,
    string Html,
    SourceLocation Source,
    IReadOnlyList<SectionHeading> Headings)
{
    /// <summary>The GB/T 9704 level of the title's numbering (一、 is 1), or 0 when it has none.</summary>
    public int NumberingLevel => ChineseNumbering.Read(Title)?.Level ?? 0;

    /// <summary>The section's prose block by block, with source positions, for the editors' checks.</summary>
    public IReadOnlyList<TextBlock> TextBlocks { get; init; } = Array.Empty<TextBlock>();
}

public sealed record SectionHeading(int Level, string Id, string Text, SourceLocation Source);
