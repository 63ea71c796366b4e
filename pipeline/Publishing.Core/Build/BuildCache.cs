using System.Text.Json;
using System.Text.Json.Serialization;
using Publishing.Diagnostics;
using Publishing.Output;

namespace Publishing.Build;

/// <summary>
/// The incremental build's memory, under OutputRoot/.publishing/: per document the hash of everything its
/// outputs depend on (its folder, the templates with theme, fonts and check data, the program's version and
/// the options) and what the build produced (files, pages, bytes, warnings). A document whose key is unchanged
/// and whose outputs are still in place is not rebuilt; its warnings are reported again from here.
/// Failed documents are never remembered: they are tried again on every run.
/// </summary>
internal sealed class BuildCache
{
    public const string StateFolder = OutputState.Folder;

    private static readonly BuildCacheJson Json = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter<Severity>() },
    });

    private readonly string _directory;
    private readonly string _sharedKey;
    private readonly InputFingerprints _fingerprints;

    public sealed record Entry(string Key, IReadOnlyList<string> Files, IReadOnlyList<long> Sizes, int? Pages, long Bytes,
        IReadOnlyList<Diagnostic> Diagnostics);

    public BuildCache(BuildOptions options)
    {
        var state = Path.Combine(options.OutputRoot, StateFolder);
        _directory = Path.Combine(state, "documents");
        _fingerprints = new InputFingerprints(state);
        _sharedKey = InputFingerprints.Of(string.Join("\n",
            "publishing-cache-1",
            ProgramVersion(),
            options.Formats.ToString(),
            options.WarningsAsErrors ? "strict" : "lenient",
            Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH") ?? "",
            Environment.CurrentDirectory,                       // diagnostics show paths relative to it
            _fingerprints.OfFolder(options.TemplatesDirectory, filesMayLeave: true)));
    }

    /// <summary>The program's own identity: the modules' ids change with every change to their code.</summary>
    private static string ProgramVersion() => string.Join(",",
        new[] { typeof(BuildCache), typeof(Layout.DocumentRenderer) }.Select(t => t.Assembly.ManifestModule.ModuleVersionId));

    public string KeyOf(string documentDirectory) =>
        InputFingerprints.Of(_sharedKey + "\n" + _fingerprints.OfFolder(documentDirectory));

    /// <summary>The remembered build of this document, when its key matches and its outputs are still there.</summary>
    public Entry? Find(string slug, string key, string outputDirectory)
    {
        Entry? entry;
        try
        {
            entry = JsonSerializer.Deserialize(File.ReadAllText(PathOf(slug)), Json.Entry);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return null;
        }
        if (entry is null || entry.Key != key || entry.Files.Count != entry.Sizes.Count) return null;
        for (var i = 0; i < entry.Files.Count; i++)
        {
            var file = new FileInfo(Path.Combine(outputDirectory, entry.Files[i]));
            if (!file.Exists || file.Length != entry.Sizes[i]) return null;
        }
        return entry;
    }

    /// <param name="later">The run's flush: the record reaches the disk with the outputs it describes.</param>
    public void Remember(string slug, Entry entry, DeferredFlush? later = null) =>
        AtomicFile.WriteText(PathOf(slug), JsonSerializer.Serialize(entry, Json.Entry), later);

    public void Forget(string slug)
    {
        try { File.Delete(PathOf(slug)); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    public void Save() => _fingerprints.Save();

    private string PathOf(string slug) => Path.Combine(_directory, slug + ".json");
}

/// <summary>The cache record's JSON, generated at compile time (no reflection: the command is compiled ahead of time).</summary>
[JsonSerializable(typeof(BuildCache.Entry))]
internal sealed partial class BuildCacheJson : JsonSerializerContext;
