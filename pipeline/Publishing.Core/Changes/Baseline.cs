using Publishing.Content;
using Publishing.Diagnostics;
using Publishing.Model;

namespace Publishing.Changes;

/// <summary>
/// Which earlier draft a build compares with. By default the last successful draft built into the same
/// output folder that had different content: snapshot.json is the latest draft, previous.json the one before
/// it, so rebuilding an unchanged document keeps showing what changed since the draft before.
/// With --since the baseline is the document as committed at that git revision.
/// </summary>
public static class Baseline
{
    public const string CurrentFile = "snapshot.json";
    public const string PreviousFile = "previous.json";

    /// <summary>The last draft built into <paramref name="outputDirectory"/> whose content differs from <paramref name="current"/>; null for a first draft.</summary>
    public static DocumentSnapshot? Previous(DocumentSnapshot current, string outputDirectory)
    {
        var latest = DocumentSnapshot.Read(Path.Combine(outputDirectory, CurrentFile));
        if (latest is null) return null;
        return latest.SameContentAs(current) ? DocumentSnapshot.Read(Path.Combine(outputDirectory, PreviousFile)) : latest;
    }

    public static string Label(DocumentSnapshot snapshot) =>
        snapshot.Revision is null ? "上一稿" : $"上一稿（修订 {snapshot.Revision}）";

    /// <summary>The document as committed at a git revision; an error diagnostic when it cannot be read.</summary>
    public static (DocumentSnapshot Snapshot, string Label)? FromGit(string documentDirectory, string revision, Forms.FormCatalog forms, DiagnosticBag diagnostics)
    {
        var temporary = Path.Combine(Path.GetTempPath(), $"publishing-since-{Guid.NewGuid():N}");
        try
        {
            var (exported, problem) = GitHistory.Export(documentDirectory, revision, temporary);
            if (exported is null)
            {
                diagnostics.Add(DiagnosticCatalog.SinceRevisionUnavailable["unavailable"].At(DisplayPaths.For(documentDirectory), 0, 0,
                    ("revision", revision), ("problem", problem)));
                return null;
            }
            // The old draft's own problems are not this draft's: they are not reported.
            var old = DocumentLoader.Load(exported, forms, new DiagnosticBag());
            if (old is null)
            {
                diagnostics.Add(DiagnosticCatalog.SinceRevisionUnavailable["unreadable"].At(DisplayPaths.For(documentDirectory), 0, 0, ("revision", revision)));
                return null;
            }
            return (DocumentSnapshot.From(old, revision), $"修订 {revision}");
        }
        finally
        {
            if (Directory.Exists(temporary)) Directory.Delete(temporary, recursive: true);
        }
    }

    /// <summary>The files to store beside the draft just built.</summary>
    public static IEnumerable<(string Name, string Json)> Files(DocumentSnapshot current, DocumentSnapshot? previous)
    {
        yield return (CurrentFile, current.ToJson());
        if (previous is not null) yield return (PreviousFile, previous.ToJson());
    }
}
