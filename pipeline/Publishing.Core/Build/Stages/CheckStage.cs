using Publishing.Checks;
using Publishing.Diagnostics;
using Publishing.Layout;
using Publishing.Model;
using Publishing.Theming;

namespace Publishing.Build.Stages;

/// <summary>The check stage's value: a document the editors' checks have run over, with the theme it is assembled with.</summary>
internal sealed record CheckedDocument(PublishingDocument Document, Theme Theme);

/// <summary>
/// Stage 2, the editors' checks (<see cref="ContentChecks"/>) over the model: their findings go to the diagnostics.
/// The checks' data files are read once per builder.
/// </summary>
internal sealed class CheckStage(string templatesDirectory)
{
    private readonly CheckData _data = new(templatesDirectory);

    /// <returns>The checked document, or null when it has no theme to be assembled with (its checks ran all the same).</returns>
    public CheckedDocument? Run(LoadedDocument loaded, DiagnosticBag diagnostics)
    {
        using (StageTimes.Measure("document/checks"))
            ContentChecks.Run(loaded.Document, new CheckContext(templatesDirectory, _data), diagnostics);
        return loaded.Theme is null ? null : new CheckedDocument(loaded.Document, loaded.Theme);
    }
}
