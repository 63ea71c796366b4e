using Publishing.Model;

namespace Publishing.Content;

/// <summary>document.yaml as read, each file reference with its location for diagnostics.</summary>
public sealed record DocumentManifest(
    string Path,
    DocumentMetadata Metadata,
    IReadOnlyList<ManifestPart> Parts,
    Form Form,
    IndicatorFramework? Framework);

public sealed record ManifestPart(
    string Number,
    string Title,
    IReadOnlyList<FileReference> Sections,
    FileReference? Projects,
    FileReference? Indicators)
{
    /// <summary>A department-level table: its facts (one row, optional) and its indicators.</summary>
    public FileReference? Department { get; init; }
    public FileReference? DepartmentIndicators { get; init; }
}

/// <summary>A path written in the manifest, relative to the document's folder, and where it was written.</summary>
public sealed record FileReference(string RelativePath, SourceLocation WrittenAt);
