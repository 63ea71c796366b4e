using System.Collections.Concurrent;
using Publishing.Content;
using Publishing.Diagnostics;

namespace Publishing.Build;

/// <summary>
/// The one place where an unexpected exception in one document's work (a bug of ours, not the content's) becomes
/// a diagnostic: PUB9001 at the document's document.yaml, in the same words for the batch, the live preview and
/// the volume, without a stack trace. What was found before it stays reported; the other documents go on.
/// </summary>
public static class DocumentIsolation
{
    /// <summary>
    /// Test seam: a document folder (full path) listed here throws the given exception first thing inside its
    /// isolation, whichever caller builds it. Keyed by folder so tests running side by side do not meet.
    /// </summary>
    internal static readonly ConcurrentDictionary<string, Exception> FailingDocuments = new(StringComparer.Ordinal);

    /// <summary>
    /// Runs one document's work; an exception in it is reported as PUB9001 and gives <paramref name="failed"/>. A
    /// cancellation asked for (the live preview's build made obsolete by a newer save) is not a bug: it goes on up.
    /// </summary>
    public static T Run<T>(string documentDirectory, DiagnosticBag diagnostics, Func<T> work, T failed)
    {
        try
        {
            if (!FailingDocuments.IsEmpty && FailingDocuments.TryGetValue(Path.GetFullPath(documentDirectory), out var injected))
                throw injected;
            return work();
        }
        catch (Exception e) when (e is not OperationCanceledException { CancellationToken.IsCancellationRequested: true })
        {
            diagnostics.Add(InternalError(documentDirectory, e));
            return failed;
        }
    }

    /// <summary>The diagnostic of a bug met while building a document.</summary>
    public static Diagnostic InternalError(string documentDirectory, Exception e) =>
        DiagnosticCatalog.InternalError["document"].At(DisplayPaths.For(Path.Combine(documentDirectory, DocumentLoader.ManifestFileName)), 0, 0,
            ("type", e.GetType().Name), ("reason", e.Message));
}
