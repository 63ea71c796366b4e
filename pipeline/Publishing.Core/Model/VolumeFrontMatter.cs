namespace Publishing.Model;

/// <summary>
/// What the combined volume's cover and 目录 templates (templates/volume/) see as <c>volume</c>: its title, the year
/// its cover names (VolumeYear, in Build/), and its departments in order. The templates write the same vocabulary
/// as a document's cover and 目录 (docs/html-vocabulary.md), so the PDF sets them alike and fills in each entry's
/// page number from where its anchor lands.
/// </summary>
public sealed record VolumeFrontMatter(string Title, string Year, IReadOnlyList<VolumeDepartment> Departments);

/// <summary>
/// One department of the volume: its name, its document's folder name (slug), the anchor where it begins in the
/// volume (its 第一部分, or its first element) and the entries of its own 目录 (its parts, with their anchors).
/// </summary>
public sealed record VolumeDepartment(string Name, string Slug, string Anchor, IReadOnlyList<VolumeContentsEntry> Parts);

/// <summary>An entry of the combined 目录 under its department: the words of the department's own 目录 line and its anchor.</summary>
public sealed record VolumeContentsEntry(string Title, string Anchor);
