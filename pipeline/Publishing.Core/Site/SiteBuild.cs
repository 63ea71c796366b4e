using Publishing.Diagnostics;
using Publishing.Output;

namespace Publishing.Site;

/// <summary>How one document's build went this run, for the index (its last good draft is read from build.json).</summary>
public sealed record DocumentOutcome(string Slug, int Errors, string? FirstError);

/// <summary>What became of the site index at the end of a build.</summary>
public enum IndexOutcome
{
    /// <summary>Not written: no document was ever built here, or its template failed (reported).</summary>
    NotWritten,
    /// <summary>Written with new text.</summary>
    Written,
    /// <summary>Its text was the same as the file's: left as it was (a no-op build).</summary>
    Unchanged,
}

/// <summary>
/// The end of a build of the content folder: the site index over every document, the index's font subset,
/// and (on a full build) the removal of outputs whose document left content/.
/// </summary>
public static class SiteBuild
{
    /// <summary>The nightly build's report page, linked from the index when the output folder has one.</summary>
    public const string ReportPage = "report.html";

    /// <summary>Returns what became of the index; a problem of its template is reported in <paramref name="diagnostics"/>.</summary>
    public static IndexOutcome Finish(string outputRoot, string templatesDirectory, IReadOnlyList<DocumentOutcome> outcomes, bool fullBuild,
        DiagnosticBag diagnostics)
    {
        // Temporary files a killed build left beside the index and in _site/ (each document's folder is swept by its build).
        AtomicFile.SweepStale(outputRoot);
        AtomicFile.SweepStale(Path.Combine(outputRoot, SiteAssets.Folder), recursive: true);
        if (fullBuild) RemoveDocumentsNotIn(outputRoot, outcomes.Select(o => o.Slug).ToHashSet(StringComparer.Ordinal));

        // A single-document build lists the others already built into the same folder too.
        var slugs = outcomes.Select(o => o.Slug)
            .Concat(fullBuild ? Array.Empty<string>() : BuiltDocuments(outputRoot))
            .Distinct(StringComparer.Ordinal);
        var byslug = outcomes.ToDictionary(o => o.Slug, StringComparer.Ordinal);
        var entries = slugs.Select(slug =>
        {
            var outcome = byslug.GetValueOrDefault(slug);
            return new SiteEntry(slug, BuildRecord.Read(Path.Combine(outputRoot, slug)), outcome?.Errors ?? 0, outcome?.FirstError);
        }).ToList();

        // No document has ever been built here (a strict build that failed): nothing is written.
        if (entries.All(e => e.LastGood is null) && !File.Exists(Path.Combine(outputRoot, SiteIndex.FileName))) return IndexOutcome.NotWritten;

        SiteAssets.Publish(templatesDirectory, outputRoot);
        var report = File.Exists(Path.Combine(outputRoot, ReportPage)) ? ReportPage : null;
        // The index is a function of the documents' build.json records: when no document was rebuilt it is the
        // same text, and neither it nor its font subset is written again (a no-op build writes nothing).
        var index = SiteIndex.Render(entries, report, new SiteTemplates(templatesDirectory), diagnostics);
        if (index is null) return IndexOutcome.NotWritten;
        var written = AtomicFile.WriteTextIfChanged(Path.Combine(outputRoot, SiteIndex.FileName), index);
        IndexFonts(outputRoot, templatesDirectory, index);
        return written ? IndexOutcome.Written : IndexOutcome.Unchanged;
    }

    /// <summary>
    /// Subsetting the index's CJK font costs more than the rest of a no-op build, so the subset is cut again
    /// only when its inputs changed: the index text or the font file (their key is kept in the state folder),
    /// or when a subset is missing or not the size it was written with.
    /// </summary>
    private static void IndexFonts(string outputRoot, string templatesDirectory, string index)
    {
        var sources = WebFonts.Sources(SiteFontsStylesheet, templatesDirectory);
        var key = SubsetKey(index, sources);
        var keyPath = Path.Combine(outputRoot, OutputState.Folder, IndexFontsKeyFile);
        var targets = sources.Select(s => new FileInfo(Path.Combine(outputRoot, SiteAssets.Folder, s.Path))).ToList();
        var remembered = key + "\n" + string.Join("\n", targets.Select(t => t.Exists ? t.Length : -1));
        if (AtomicFile.Holds(keyPath, System.Text.Encoding.UTF8.GetBytes(remembered))) return;

        var sizes = new List<long>();
        foreach (var (path, bytes) in WebFonts.Subsets(SiteFontsStylesheet, templatesDirectory, index))
        {
            AtomicFile.WriteIfChanged(Path.Combine(outputRoot, SiteAssets.Folder, path), bytes);
            sizes.Add(bytes.Length);
        }
        AtomicFile.WriteTextIfChanged(keyPath, key + "\n" + string.Join("\n", sizes));
    }

    /// <summary>The index text and each font's name, size and modification time (the fonts are 50 MB: not hashed).</summary>
    private static string SubsetKey(string index, IEnumerable<(string Path, string Source)> sources)
    {
        var text = new System.Text.StringBuilder(index);
        foreach (var (path, source) in sources)
        {
            var info = new FileInfo(source);
            text.Append('\0').Append(path).Append('\0').Append(info.Length).Append('\0').Append(info.LastWriteTimeUtc.Ticks);
        }
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString())));
    }

    private const string IndexFontsKeyFile = "index-fonts.key";

    /// <summary>site.css names the index's font as url("fonts/NotoSansSC-Regular.ttf") relative to _site/.</summary>
    private const string SiteFontsStylesheet = """url("fonts/NotoSansSC-Regular.ttf")""";

    private static IEnumerable<string> BuiltDocuments(string outputRoot) =>
        Directory.Exists(outputRoot)
            ? Directory.GetDirectories(outputRoot).Where(d => File.Exists(Path.Combine(d, BuildRecord.FileName))).Select(Path.GetFileName).OfType<string>()
            : Array.Empty<string>();

    /// <summary>Only folders that hold a build.json (a document's outputs) are removed; anything else in the output folder stays.</summary>
    private static void RemoveDocumentsNotIn(string outputRoot, IReadOnlySet<string> slugs)
    {
        foreach (var slug in BuiltDocuments(outputRoot).ToList())
            if (!slugs.Contains(slug)) Directory.Delete(Path.Combine(outputRoot, slug), recursive: true);
        // The whole fonts earlier versions copied beside the site (51 MB); pages now carry their own subsets.
        var legacyFonts = Path.Combine(outputRoot, "_fonts");
        if (Directory.Exists(legacyFonts)) Directory.Delete(legacyFonts, recursive: true);
    }
}
