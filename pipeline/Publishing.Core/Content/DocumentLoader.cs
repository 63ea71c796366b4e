using Publishing.Diagnostics;
using Publishing.Forms;
using Publishing.Markdown;
using Publishing.Model;

namespace Publishing.Content;

/// <summary>
/// Content → model: reads a document's folder (document.yaml, its Markdown sections, its CSV tables)
/// into a <see cref="PublishingDocument"/>. Never throws for bad input: it reports diagnostics and
/// returns null when the document cannot be built.
/// </summary>
public static class DocumentLoader
{
    public const string ManifestFileName = "document.yaml";

    /// <summary>The document folders below a content root: each folder holding a document.yaml, in ordinal order.</summary>
    public static IReadOnlyList<string> FindDocuments(string contentRoot)
    {
        if (File.Exists(Path.Combine(contentRoot, ManifestFileName))) return new[] { Path.GetFullPath(contentRoot) };
        if (!Directory.Exists(contentRoot)) return Array.Empty<string>();
        return Directory.GetDirectories(contentRoot)
            .Where(d => File.Exists(Path.Combine(d, ManifestFileName)))
            .Select(Path.GetFullPath)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The document without size limits (an old revision read to compare against).</summary>
    public static PublishingDocument? Load(string documentDirectory, FormCatalog forms, DiagnosticBag diagnostics) =>
        ReadManifest(documentDirectory, forms, diagnostics) is { } manifest
            ? Load(documentDirectory, manifest, ContentLimits.None, diagnostics)
            : null;

    /// <summary>document.yaml alone: it names the theme, whose limits then bound the reading of the rest.</summary>
    public static DocumentManifest? ReadManifest(string documentDirectory, FormCatalog forms, DiagnosticBag diagnostics)
    {
        var manifestPath = Path.Combine(documentDirectory, ManifestFileName);
        var manifestDisplay = DisplayPaths.For(manifestPath);
        var manifestText = TextFileDecoder.Read(manifestPath, manifestDisplay, diagnostics);
        return manifestText is null ? null : ManifestReader.Read(manifestText, manifestDisplay, forms, diagnostics);
    }

    /// <summary>
    /// The files the manifest names, read within the limits: a CSV stops at its first row past the row limit and
    /// no file is opened once the document's bytes pass the size limit.
    /// </summary>
    public static PublishingDocument? Load(string documentDirectory, DocumentManifest manifest, ContentLimits limits, DiagnosticBag diagnostics)
    {
        var errorsBefore = diagnostics.ErrorCount;
        var files = new ContentFiles(new ContentBudget(limits), limits, diagnostics);
        files.Budget.Admit(Path.Combine(documentDirectory, ManifestFileName), manifest.Path);
        // Data first, then narrative: sections may refer to projects' figures.
        var projectsByPart = manifest.Parts
            .Select(part => LoadProjects(documentDirectory, part, manifest, files))
            .ToList();
        var departments = manifest.Parts.Select(part => LoadDepartment(documentDirectory, part, manifest.Form, files)).ToList();
        var data = new DocumentData(projectsByPart.SelectMany(p => p).ToList(), departments.OfType<DepartmentTable>().ToList())
        {
            Form = manifest.Form,
        };

        // Ids the templates give to the cover, the 目录, parts and projects are taken before any heading's.
        var usedIds = new HashSet<string>(StringComparer.Ordinal) { "cover", "toc" };
        usedIds.UnionWith(Enumerable.Range(1, manifest.Parts.Count).Select(n => $"department-{n}"));
        usedIds.UnionWith(Enumerable.Range(1, manifest.Parts.Count).Select(n => $"part-{n}"));
        usedIds.UnionWith(projectsByPart.SelectMany(p => p).Select(p => p.Id));
        var sectionRenderer = new SectionRenderer(usedIds, data);
        var parts = new List<Part>();
        for (var i = 0; i < manifest.Parts.Count; i++)
        {
            var part = manifest.Parts[i];
            var partId = $"part-{i + 1}";
            var sections = part.Sections
                .Select(reference => LoadSection(documentDirectory, reference, sectionRenderer, files))
                .OfType<NarrativeSection>()
                .ToList();
            var department = departments[i] is { } table ? table with { Id = $"department-{i + 1}" } : null;
            parts.Add(new Part(partId, part.Number, part.Title, sections, projectsByPart[i]) { Department = department });
        }

        files.Budget.Report(diagnostics);
        if (diagnostics.ErrorCount > errorsBefore) return null;
        return new PublishingDocument(Path.GetFileName(Path.GetFullPath(documentDirectory).TrimEnd(Path.DirectorySeparatorChar)),
            Path.GetFullPath(documentDirectory), manifest.Metadata, parts) { Form = manifest.Form, Framework = manifest.Framework };
    }

    /// <summary>What reading one document's files shares: its byte budget, its limits, its diagnostics.</summary>
    private sealed record ContentFiles(ContentBudget Budget, ContentLimits Limits, DiagnosticBag Diagnostics)
    {
        /// <summary>The text of a file the manifest names, or null when it cannot (or, past the size limit, need not) be read.</summary>
        public (string Text, string Display)? Read(string documentDirectory, FileReference reference)
        {
            var path = ContentPaths.Resolve(documentDirectory, reference, Diagnostics);
            if (path is null) return null;
            var display = DisplayPaths.For(path);
            if (!Budget.Admit(path, display)) return null;
            return TextFileDecoder.Read(path, display, Diagnostics) is { } text ? (text, display) : null;
        }
    }

    private static NarrativeSection? LoadSection(string documentDirectory, FileReference reference, SectionRenderer renderer, ContentFiles files) =>
        files.Read(documentDirectory, reference) is (string text, string display) ? renderer.Render(text, display, files.Diagnostics) : null;

    private static IReadOnlyList<Project> LoadProjects(string documentDirectory, ManifestPart part, DocumentManifest manifest, ContentFiles files)
    {
        if (part.Projects is null || part.Indicators is null) return Array.Empty<Project>();
        var projects = ReadTable(documentDirectory, part.Projects, files);
        var indicators = ReadTable(documentDirectory, part.Indicators, files);
        if (projects is null || indicators is null) return Array.Empty<Project>();
        return ProjectTableReader.Read(projects, indicators, manifest.Form, manifest.Metadata, files.Diagnostics);
    }

    private static DepartmentTable? LoadDepartment(string documentDirectory, ManifestPart part, Form form, ContentFiles files)
    {
        if (part.DepartmentIndicators is null) return null;
        var facts = part.Department is null ? null : ReadTable(documentDirectory, part.Department, files);
        var indicators = ReadTable(documentDirectory, part.DepartmentIndicators, files);
        if (indicators is null || (part.Department is not null && facts is null)) return null;
        return ProjectTableReader.ReadDepartment(facts, indicators, form, files.Diagnostics);
    }

    private static CsvTable? ReadTable(string documentDirectory, FileReference reference, ContentFiles files) =>
        files.Read(documentDirectory, reference) is (string text, string display)
            ? CsvTableReader.Read(text, display, files.Diagnostics, files.Limits)
            : null;
}
