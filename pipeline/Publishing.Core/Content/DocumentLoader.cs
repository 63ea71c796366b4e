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

    public static PublishingDocument? Load(string documentDirectory, FormCatalog forms, DiagnosticBag diagnostics)
    {
        var manifestPath = Path.Combine(documentDirectory, ManifestFileName);
        var manifestDisplay = DisplayPaths.For(manifestPath);
        var manifestText = TextFileDecoder.Read(manifestPath, manifestDisplay, diagnostics);
        if (manifestText is null) return null;
        var manifest = ManifestReader.Read(manifestText, manifestDisplay, forms, diagnostics);
        if (manifest is null) return null;

        var errorsBefore = diagnostics.ErrorCount;
        // Data first, then narrative: sections may refer to projects' figures.
        var projectsByPart = manifest.Parts
            .Select(part => LoadProjects(documentDirectory, part, manifest, diagnostics))
            .ToList();
        var departments = manifest.Parts.Select(part => LoadDepartment(documentDirectory, part, manifest.Form, diagnostics)).ToList();
        var data = new DocumentData(projectsByPart.SelectMany(p => p).GroupBy(p => p.Code).ToDictionary(g => g.Key, g => g.First()));

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
                .Select(reference => LoadSection(documentDirectory, reference, sectionRenderer, diagnostics))
                .OfType<NarrativeSection>()
                .ToList();
            var department = departments[i] is { } table ? table with { Id = $"department-{i + 1}" } : null;
            parts.Add(new Part(partId, part.Number, part.Title, sections, projectsByPart[i]) { Department = department });
        }

        if (diagnostics.ErrorCount > errorsBefore) return null;
        return new PublishingDocument(Path.GetFileName(Path.GetFullPath(documentDirectory).TrimEnd(Path.DirectorySeparatorChar)),
            Path.GetFullPath(documentDirectory), manifest.Metadata, parts) { Form = manifest.Form, Framework = manifest.Framework };
    }

    private static NarrativeSection? LoadSection(string documentDirectory, FileReference reference, SectionRenderer renderer, DiagnosticBag diagnostics)
    {
        var path = ContentPaths.Resolve(documentDirectory, reference, diagnostics);
        if (path is null) return null;
        var display = DisplayPaths.For(path);
        var text = TextFileDecoder.Read(path, display, diagnostics);
        return text is null ? null : renderer.Render(text, display, diagnostics);
    }

    private static IReadOnlyList<Project> LoadProjects(string documentDirectory, ManifestPart part, DocumentManifest manifest, DiagnosticBag diagnostics)
    {
        if (part.Projects is null || part.Indicators is null) return Array.Empty<Project>();
        var projects = ReadTable(documentDirectory, part.Projects, diagnostics);
        var indicators = ReadTable(documentDirectory, part.Indicators, diagnostics);
        if (projects is null || indicators is null) return Array.Empty<Project>();
        return ProjectTableReader.Read(projects, indicators, manifest.Form, manifest.Metadata, diagnostics);
    }

    private static DepartmentTable? LoadDepartment(string documentDirectory, ManifestPart part, Form form, DiagnosticBag diagnostics)
    {
        if (part.DepartmentIndicators is null) return null;
        var facts = part.Department is null ? null : ReadTable(documentDirectory, part.Department, diagnostics);
        var indicators = ReadTable(documentDirectory, part.DepartmentIndicators, diagnostics);
        if (indicators is null || (part.Department is not null && facts is null)) return null;
        return ProjectTableReader.ReadDepartment(facts, indicators, form, diagnostics);
    }

    private static CsvTable? ReadTable(string documentDirectory, FileReference reference, DiagnosticBag diagnostics)
    {
        var path = ContentPaths.Resolve(documentDirectory, reference, diagnostics);
        if (path is null) return null;
        var display = DisplayPaths.For(path);
        var text = TextFileDecoder.Read(path, display, diagnostics);
        return text is null ? null : CsvTableReader.Read(text, display, diagnostics);
    }
}
