using Publishing.Content;
using Publishing.Diagnostics;
using Publishing.Forms;
using Publishing.Layout;
using Publishing.Model;
using Publishing.Theming;

namespace Publishing.Build.Stages;

/// <summary>
/// The load stage's value: the document's model and the theme it names. The theme is null when it could not be
/// read (its problems are reported); the checks still run then, so an editor sees every problem in one go.
/// </summary>
internal sealed record LoadedDocument(PublishingDocument Document, Theme? Theme);

/// <summary>
/// Stage 1, content → model: a document folder read into the model (document.yaml, then data, then narrative,
/// <see cref="DocumentLoader"/>) with the theme it names. Forms and themes are read once per builder (one per run)
/// and shared by its documents.
/// </summary>
internal sealed class LoadStage(string templatesDirectory)
{
    private readonly FormCatalog _forms = new(templatesDirectory);
    private readonly ThemeCache _themes = new(templatesDirectory);

    public LoadedDocument? Run(string documentDirectory, DiagnosticBag diagnostics)
    {
        var manifest = DocumentLoader.ReadManifest(documentDirectory, _forms, diagnostics);
        if (manifest is null) return null;
        // The theme before the content files: its limits stop an oversized file at its first row or byte too many.
        var theme = _themes.For(manifest.Metadata.Theme, manifest.Form, diagnostics);
        // The form may set its own limits (form.yaml limits:); the messages then name the file that set each one.
        var limits = (theme?.Limits ?? new LimitsTheme()).For(manifest.Form);
        var themePath = theme?.SourcePath ?? "文件";
        PublishingDocument? document;
        using (StageTimes.Measure("document/load"))
            document = DocumentLoader.Load(documentDirectory, manifest,
                new ContentLimits(limits.MaxRowsPerFile, limits.MaxContentBytes, LimitsTheme.SetIn(manifest.Form, themePath, l => l.MaxRowsPerFile),
                    LimitsTheme.SetIn(manifest.Form, themePath, l => l.MaxContentMb)), diagnostics);
        return document is null ? null : new LoadedDocument(document, theme);
    }
}
