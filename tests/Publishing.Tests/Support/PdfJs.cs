using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Publishing.Tests.Support;

/// <summary>
/// pdf.js (tests/pdf-reader, installed by scripts/install-deps.sh) reading a PDF as Firefox does for screen readers:
/// its page labels, mark info and, per page, the structure tree, how many text items are tagged, artifacts or
/// neither, and the annotations.
/// </summary>
public static class PdfJs
{
    public sealed record Node(string? Role, List<Node>? Children, string? Content, string? Annotation, string? Alt)
    {
        public IEnumerable<Node> Descendants() => (Children ?? []).SelectMany(c => c.Descendants().Prepend(c));
        public IEnumerable<string> Roles() => Descendants().Where(d => d.Role is not null).Select(d => d.Role!);
    }

    public sealed record Counts(int Tagged, int Artifact, int Untagged, int Orphaned);
    public sealed record Annotation(string Subtype, string Contents, int StructParent);
    public sealed record TaggedText(string Id, string Str);
    public sealed record Page(int Number, Node? Structure, Counts Counts, List<string> Untagged, List<TaggedText> Texts, List<Annotation> Annotations);
    public sealed record Document(int Pages, string? Title, string? Language, Dictionary<string, bool>? MarkInfo, List<string>? PageLabels,
        string? XmpTitle, List<Page> PerPage);

    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static Document Read(string pdfPath)
    {
        var script = Path.Combine(RepoPaths.Root, "tests", "pdf-reader", "structure.mjs");
        using var node = Process.Start(new ProcessStartInfo("node", [script, pdfPath])
            { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEnd();
        node.WaitForExit();
        node.ExitCode.ShouldBe(0, $"pdf.js could not read {pdfPath}: {stderr} (scripts/install-deps.sh installs it)");
        return JsonSerializer.Deserialize<Document>(stdout.Result, Options)!;
    }
}
