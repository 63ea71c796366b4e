using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Publishing.Site;

/// <summary>
/// build.json beside a document's outputs: what the site index shows about its last successful draft.
/// Its presence also marks the folder as a document's output, the only kind of folder a full build may remove.
/// <see cref="Supervisor"/> is the 主管部门 the document names (the index groups by it), null when it names none.
/// </summary>
public sealed record BuildRecord(
    string Slug,
    string Title,
    string Department,
    int Year,
    string Status,
    string Date,
    int? Pages,
    int Warnings,
    string BuiltAt,
    string? Revision,
    string? Pdf,
    int? Changes,
    string? Baseline,
    string? Supervisor = null)
{
    public const string FileName = "build.json";

    private static readonly BuildRecordJson Json = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public string ToJson() => JsonSerializer.Serialize(this, Json.BuildRecord);

    public static BuildRecord? Read(string documentOutput)
    {
        var path = Path.Combine(documentOutput, FileName);
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllText(path), Json.BuildRecord) : null;
        }
        catch (Exception e) when (e is JsonException or IOException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>
    /// When a build ran: SOURCE_DATE_EPOCH when the build system sets it (reproducible builds), else the clock.
    /// The one value of the site that is not a function of the content; it is only in build.json and the index.
    /// </summary>
    public static string Now()
    {
        var epoch = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        var time = long.TryParse(epoch, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : DateTimeOffset.UtcNow;
        return time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }
}

/// <summary>build.json, generated at compile time (no reflection: the command is compiled ahead of time).</summary>
[JsonSerializable(typeof(BuildRecord))]
internal sealed partial class BuildRecordJson : JsonSerializerContext;
