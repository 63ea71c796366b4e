using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Publishing.Build;
using Publishing.Diagnostics;

namespace Publishing.Nightly;

/// <summary>
/// The record of one run (report.json beside the site): per document its status, pages, bytes, time, whether
/// it changed since the previous draft, and every warning and error with its location; then the totals.
/// Reviewers read it as the site's report page (<see cref="ReportPage"/>); tools read the JSON.
/// </summary>
public sealed record BuildReport(
    string Run,
    DateTimeOffset Started,
    string Status,
    string? Previous,
    ReportTotals Totals,
    IReadOnlyList<ReportDocument> Documents,
    IReadOnlyList<ReportDiagnostic> RunProblems)
{
    public const string JsonFile = "report.json";
    public const string PageFile = Site.SiteBuild.ReportPage;

    public static BuildReport From(string run, DateTimeOffset started, string? previous, BatchResult result, bool strict,
        IReadOnlyList<Diagnostic> runProblems)
    {
        var documents = result.Documents.Select(d => new ReportDocument(
            d.Slug,
            d.Status.ToString().ToLowerInvariant(),
            d.Changed,
            d.Pages,
            d.Bytes,
            (long)d.Duration.TotalMilliseconds,
            d.Files,
            d.ErrorCount,
            d.WarningCount,
            d.Diagnostics.Select(ReportDiagnostic.From).ToList())).ToList();
        var failed = result.FailedCount > 0 || result.ErrorCount > 0 || (strict && result.WarningCount > 0) || runProblems.Any(p => p.IsError);
        var totals = new ReportTotals(
            documents.Count,
            result.BuiltCount,
            result.UpToDateCount,
            result.FailedCount,
            documents.Count(d => d.Changed),
            documents.Sum(d => d.Pages ?? 0),
            documents.Sum(d => d.Bytes),
            result.ErrorCount + runProblems.Count(p => p.IsError),
            result.WarningCount + runProblems.Count(p => !p.IsError),
            (long)result.Duration.TotalMilliseconds,
            result.Jobs);
        return new BuildReport(run, started, failed ? "failed" : "succeeded", previous, totals, documents,
            runProblems.Select(ReportDiagnostic.From).ToList());
    }

    [JsonIgnore]
    public bool Succeeded => Status == "succeeded";

    private static readonly BuildReportJson Json = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,   // Chinese stays readable; the page escapes for HTML itself
    });

    public string ToJson() => JsonSerializer.Serialize(this, Json.BuildReport);

    public static BuildReport? Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), Json.BuildReport);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }
}

public sealed record ReportTotals(int Documents, int Built, int UpToDate, int Failed, int Changed, int Pages, long Bytes,
    int Errors, int Warnings, long DurationMs, int Jobs);

public sealed record ReportDocument(string Slug, string Status, bool Changed, int? Pages, long Bytes, long DurationMs,
    IReadOnlyList<string> Files, int Errors, int Warnings, IReadOnlyList<ReportDiagnostic> Diagnostics);

public sealed record ReportDiagnostic(string Severity, string Code, string Path, int Line, int Column, string Message)
{
    [JsonIgnore]
    public bool IsError => Severity == "error";

    public static ReportDiagnostic From(Diagnostic d) =>
        new(d.IsError ? "error" : "warning", d.Code, d.Path, d.Line, d.Column, d.Message);

    public override string ToString() => new Diagnostic(Path, Line, Column, IsError ? Publishing.Diagnostics.Severity.Error : Publishing.Diagnostics.Severity.Warning, Code, Message).ToString();
}

/// <summary>report.json, generated at compile time (no reflection: the command is compiled ahead of time).</summary>
[JsonSerializable(typeof(BuildReport))]
internal sealed partial class BuildReportJson : JsonSerializerContext;
