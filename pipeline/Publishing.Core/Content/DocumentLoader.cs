using Publishing.Content.Workbooks;
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
        using var files = new ContentFiles(new ContentBudget(limits), limits, diagnostics);
        diagnostics.AddAnnotator(files.Notes.Annotate);
        files.Budget.Admit(Path.Combine(documentDirectory, ManifestFileName), manifest.Path);
        // Data first, then narrative: sections may refer to projects' figures.
        var projectsByPart = manifest.Parts
            .Select((part, index) => LoadProjects(documentDirectory, part, index, manifest, files))
            .ToList();
        var departments = manifest.Parts.Select((part, index) => LoadDepartment(documentDirectory, part, index, manifest.Form, files)).ToList();
        files.CheckTablesGivenOnce();
        var data = new DocumentData(projectsByPart.SelectMany(p => p).ToList(), departments.OfType<DepartmentTable>().ToList())
        {
            Form = manifest.Form,
        };

        // Ids the templates give to the cover, the 目录, parts and projects are taken before any heading's.
        var usedIds = new HashSet<string>(StringComparer.Ordinal) { "cover", "toc" };
        usedIds.UnionWith(Enumerable.Range(1, manifest.Parts.Count).Select(n => $"department-{n}"));
        usedIds.UnionWith(Enumerable.Range(1, manifest.Parts.Count).Select(n => $"part-{n}"));
        usedIds.UnionWith(projectsByPart.SelectMany(p => p).Select(p => p.Id));
        var sectionRenderer = new SectionRenderer(usedIds, data, DisplayPaths.For(documentDirectory));
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

    /// <summary>
    /// What reading one document's files shares: its byte budget, its limits, its diagnostics, and the workbooks
    /// it opened (each once, however many tables it holds) with where each table came from.
    /// </summary>
    private sealed class ContentFiles(ContentBudget budget, ContentLimits limits, DiagnosticBag diagnostics) : IDisposable
    {
        private readonly Dictionary<string, Workbook?> _workbooks = new(StringComparer.Ordinal);
        private readonly List<TableSource> _sources = new();

        public ContentBudget Budget { get; } = budget;
        public ContentLimits Limits { get; } = limits;
        public DiagnosticBag Diagnostics { get; } = diagnostics;
        public SheetCellNotes Notes { get; } = new();

        /// <summary>Where one of a part's tables was read from: a CSV file, or a workbook and its sheet.</summary>
        private sealed record TableSource(int Part, string Table, string Display, Workbook? Workbook, string? Sheet, SourceLocation At)
        {
            public string Describe() => Sheet is null ? Display : DiagnosticPhrases.WorkbookSheet(Display, Sheet);
        }

        /// <summary>The text of a file the manifest names, or null when it cannot (or, past the size limit, need not) be read.</summary>
        public (string Text, string Display)? Read(string documentDirectory, FileReference reference)
        {
            var path = ContentPaths.Resolve(documentDirectory, reference, Diagnostics);
            if (path is null) return null;
            var display = DisplayPaths.For(path);
            if (!Budget.Admit(path, display)) return null;
            return TextFileDecoder.Read(path, display, Diagnostics) is { } text ? (text, display) : null;
        }

        /// <summary>One of a part's tables, from a CSV file or from a workbook's sheet.</summary>
        public CsvTable? ReadTable(string documentDirectory, FileReference reference, int part, string table)
        {
            var path = ContentPaths.Resolve(documentDirectory, reference, Diagnostics);
            if (path is null) return null;
            var display = DisplayPaths.For(path);
            if (!Budget.Admit(path, display)) return null;
            // The same table as a CSV file and a workbook of the same name beside it: which one is meant?
            foreach (var extension in new[] { ".csv", ".xlsx", ".xlsm", ".xls" })
            {
                var beside = Path.ChangeExtension(path, extension);
                if (string.Equals(beside, path, StringComparison.OrdinalIgnoreCase) || !File.Exists(beside)) continue;
                if (IsWorkbook(path) == IsWorkbook(beside)) continue;
                Diagnostics.Add(DiagnosticCatalog.TableGivenTwice["files"].At(reference.WrittenAt.Path, reference.WrittenAt.Line, reference.WrittenAt.Column,
                    ("table", table), ("file", display), ("other", DisplayPaths.For(beside))));
                return null;
            }
            if (!IsWorkbook(path))
            {
                _sources.Add(new TableSource(part, table, display, null, null, reference.WrittenAt));
                return TextFileDecoder.Read(path, display, Diagnostics) is { } text ? CsvTableReader.Read(text, display, Diagnostics, Limits) : null;
            }

            if (!_workbooks.TryGetValue(path, out var workbook))
            {
                _workbooks[path] = workbook = Workbook.Open(path, display, Diagnostics);
                foreach (var hidden in workbook?.Sheets.Where(s => s.Hidden) ?? Enumerable.Empty<WorkbookSheet>())
                    Diagnostics.Add(DiagnosticCatalog.WorkbookHidden["sheet"].At(display, 1, 1, ("sheet", hidden.Name)));
            }
            if (workbook is null || ChooseSheet(workbook, table, part, reference) is not { } sheet) return null;
            _sources.Add(new TableSource(part, table, display, workbook, sheet.Name, reference.WrittenAt));
            var read = workbook.ReadTable(sheet, Limits, Diagnostics);
            if (read is not null) Notes.Add(read);
            return read;
        }

        public static bool IsWorkbook(string path) =>
            Path.GetExtension(path).ToLowerInvariant() is ".xlsx" or ".xlsm" or ".xls" or ".xlsb";

        /// <summary>
        /// The sheet named after the table; else, in a workbook whose sheets are not named after tables, its first
        /// visible sheet (one table per workbook). Hidden sheets are never read.
        /// </summary>
        private WorkbookSheet? ChooseSheet(Workbook workbook, string table, int part, FileReference reference)
        {
            var named = workbook.VisibleSheets.Where(s => TableSheets.TableOf(s.Name) == table).ToList();
            if (named.Count > 1)
            {
                Diagnostics.Add(DiagnosticCatalog.TableGivenTwice["sheets"].At(workbook.DisplayPath, 1, 1,
                    ("table", table), ("first", named[0].Name), ("second", named[1].Name)));
                return null;
            }
            if (named.Count == 1) return named[0];

            var visible = workbook.VisibleSheets.ToList();
            if (visible.Any(s => TableSheets.TableOf(s.Name) is not null) || visible.Count == 0)
            {
                Diagnostics.Add(visible.Count == 0
                    ? DiagnosticCatalog.WorkbookNoSheet["no-visible-sheet"].At(workbook.DisplayPath, 1, 1, ("table", table), ("sheet", TableSheets.SheetName(table)))
                    : DiagnosticCatalog.WorkbookNoSheet["listed"].At(workbook.DisplayPath, 1, 1, ("table", table), ("sheet", TableSheets.SheetName(table)),
                        ("sheets", visible.Select(s => "“" + s.Name + "”"))));
                return null;
            }
            var first = visible[0];
            if (_sources.FirstOrDefault(s => s.Part == part && s.Workbook == workbook && s.Sheet == first.Name) is { } other)
            {
                Diagnostics.Add(DiagnosticCatalog.WorkbookNoSheet["first-sheet-twice"].At(reference.WrittenAt.Path, reference.WrittenAt.Line, reference.WrittenAt.Column,
                    ("other", other.Table), ("table", table), ("workbook", workbook.DisplayPath), ("first", first.Name),
                    ("otherSheet", TableSheets.SheetName(other.Table)), ("sheet", TableSheets.SheetName(table))));
                return null;
            }
            return first;
        }

        /// <summary>A table a part reads from one file, while a workbook it reads also has a sheet named after that table: given twice.</summary>
        public void CheckTablesGivenOnce()
        {
            var reported = new HashSet<(int, string)>();
            foreach (var source in _sources.Where(s => s.Workbook is not null))
                foreach (var sheet in source.Workbook!.VisibleSheets)
                {
                    if (TableSheets.TableOf(sheet.Name) is not { } table || table == source.Table) continue;
                    var used = _sources.FirstOrDefault(s => s.Part == source.Part && s.Table == table);
                    if (used is null || (used.Workbook == source.Workbook && used.Sheet == sheet.Name) || !reported.Add((source.Part, table))) continue;
                    Diagnostics.Add(DiagnosticCatalog.TableGivenTwice["file-and-sheet"].At(used.At.Path, used.At.Line, used.At.Column,
                        ("table", table), ("used", used.Describe()), ("workbook", source.Display), ("sheet", sheet.Name)));
                }
        }

        public void Dispose()
        {
            foreach (var workbook in _workbooks.Values) workbook?.Dispose();
        }
    }

    private static NarrativeSection? LoadSection(string documentDirectory, FileReference reference, SectionRenderer renderer, ContentFiles files) =>
        files.Read(documentDirectory, reference) is (string text, string display) ? renderer.Render(text, display, files.Diagnostics) : null;

    private static IReadOnlyList<Project> LoadProjects(string documentDirectory, ManifestPart part, int index, DocumentManifest manifest, ContentFiles files)
    {
        if (part.Projects is null || part.Indicators is null) return Array.Empty<Project>();
        var projects = files.ReadTable(documentDirectory, part.Projects, index, Form.Projects);
        var indicators = files.ReadTable(documentDirectory, part.Indicators, index, Form.Indicators);
        if (projects is null || indicators is null) return Array.Empty<Project>();
        return ProjectTableReader.Read(projects, indicators, manifest.Form, manifest.Metadata, files.Diagnostics);
    }

    private static DepartmentTable? LoadDepartment(string documentDirectory, ManifestPart part, int index, Form form, ContentFiles files)
    {
        if (part.DepartmentIndicators is null) return null;
        var facts = part.Department is null ? null : files.ReadTable(documentDirectory, part.Department, index, Form.Department);
        var indicators = files.ReadTable(documentDirectory, part.DepartmentIndicators, index, Form.DepartmentIndicators);
        if (indicators is null || (part.Department is not null && facts is null)) return null;
        return ProjectTableReader.ReadDepartment(facts, indicators, form, files.Diagnostics);
    }
}
