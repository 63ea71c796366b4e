using Publishing.Model;

namespace Publishing.Content;

/// <summary>document.yaml as read, each file reference with its location for diagnostics.</summary>
public sealed record DocumentManifest(
    string Path,
    DocumentMetadata Metadata,
    IReadOnlyList<ManifestPart> Parts);

public sealed record ManifestPart(
    string Number,
    string Title,
    IReadOnlyList<FileReference> Sections,
    FileReference? Projects,
    FileReference? Indicators);

/// <summary>A path written in the manifest, relative to the document's folder, and where it was written.</summary>
public sealed record FileReference(string RelativePath, SourceLocation WrittenAt);
