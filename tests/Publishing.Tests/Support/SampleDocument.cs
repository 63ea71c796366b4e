using Publishing.Build;
using Publishing.Content;
using Publishing.Diagnostics;
using Publishing.Model;

namespace Publishing.Tests.Support;

/// <summary>The sample document, loaded and assembled once per test run.</summary>
public static class SampleDocument
{
    private static readonly Lazy<(PublishingDocument Document, DiagnosticBag Diagnostics)> Loaded = new(() =>
    {
        var diagnostics = new DiagnosticBag();
        var document = DocumentLoader.Load(RepoPaths.Sample, new Publishing.Forms.FormCatalog(RepoPaths.Templates), diagnostics);
        return (document!, diagnostics);
    });

    private static readonly Lazy<string> AssembledHtml = new(() =>
    {
        var diagnostics = new DiagnosticBag();
        var builder = new DocumentBuilder(new BuildOptions(RepoPaths.Content, RepoPaths.NewTempDirectory(), RepoPaths.Templates, OutputFormats.Html));
        var rendered = builder.Render(RepoPaths.Sample, diagnostics)
            ?? throw new InvalidOperationException(string.Join("\n", diagnostics.Sorted()));
        return rendered.AssembledHtml;
    });

    public static PublishingDocument Document => Loaded.Value.Document;
    public static DiagnosticBag LoadDiagnostics => Loaded.Value.Diagnostics;
    public static string Html => AssembledHtml.Value;
}
