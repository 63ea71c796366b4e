using Publishing.Content;
using Publishing.Diagnostics;
using Publishing.Output;
using Publishing.Site;

namespace Publishing.Build.Stages;

/// <summary>
/// Stage 5, publish: a document's outputs into OutputRoot/&lt;slug&gt;/, replaced together
/// (<see cref="RenderedDocument.WriteTo"/>), so the folder holds all the old files or all the new; the site's
/// shared assets beside them.
/// </summary>
internal sealed class PublishStage(BuildOptions options)
{
    /// <returns>Whether the outputs were written (PUB5001 at the output folder otherwise).</returns>
    public bool Run(string documentDirectory, RenderedDocument rendered, DiagnosticBag diagnostics)
    {
        var slug = Path.GetFileName(Path.GetFullPath(documentDirectory).TrimEnd(Path.DirectorySeparatorChar));
        try
        {
            AtomicFile.SweepStale(Path.Combine(options.OutputRoot, slug), recursive: true);
            rendered.WriteTo(Path.Combine(options.OutputRoot, slug));
            SiteAssets.Publish(options.TemplatesDirectory, options.OutputRoot);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(DiagnosticCatalog.OutputWriteFailed["write"].At(DisplayPaths.For(Path.Combine(options.OutputRoot, slug)), 0, 0, ("reason", e.Message)));
            return false;
        }
    }
}
