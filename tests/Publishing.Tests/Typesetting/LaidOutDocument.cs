using Publishing.Build;
using Publishing.Diagnostics;
using Publishing.Layout.Fonts;
using Publishing.Layout.Pages;
using Publishing.Rendering.Pdf;
using Publishing.Theming;

namespace Publishing.Tests.Typesetting;

/// <summary>A document folder assembled and laid out as the PDF draws it: its page frames, with the theme's page.</summary>
public sealed record LaidOutDocument(string Name, LayoutResult Layout, PageSetup Page, double BodyPitch)
{
    private static readonly Lazy<Theme> Theme = new(() => ThemeLoader.Load(Support.RepoPaths.Templates));
    private static readonly FontLibrary Fonts = new();

    public static LaidOutDocument Of(string folder)
    {
        var diagnostics = new DiagnosticBag();
        var content = Path.GetDirectoryName(folder)!;
        var builder = new DocumentBuilder(new BuildOptions(content, Support.RepoPaths.NewTempDirectory(), Support.RepoPaths.Templates, OutputFormats.Html));
        var rendered = builder.Render(folder, diagnostics) ?? throw new InvalidOperationException(string.Join("\n", diagnostics.Sorted()));
        var info = new PdfDocumentInfo("t", "a", "s", "k", "zh-CN", new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var mapped = HtmlToLayout.Map(rendered.AssembledHtml, new PdfStyles(Theme.Value, Fonts), info);
        return new LaidOutDocument(Path.GetFileName(folder), DocumentLayout.Run(mapped.Document), mapped.Document.Page, Theme.Value.Body.LinePitchPt);
    }

    /// <summary>The generated stress document and every document shipped in content/.</summary>
    public static IReadOnlyList<LaidOutDocument> All => AllDocuments.Value;

    private static readonly Lazy<IReadOnlyList<LaidOutDocument>> AllDocuments = new(() =>
        new[] { Path.Combine(StressDocument.Write(), "") }.Concat(Directory.GetDirectories(Support.RepoPaths.Content)
                .Where(d => File.Exists(Path.Combine(d, "document.yaml"))).Order(StringComparer.Ordinal))
            .Select(Of).ToList());
}
