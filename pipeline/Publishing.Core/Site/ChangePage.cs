using Publishing.Changes;
using Publishing.Diagnostics;

namespace Publishing.Site;

/// <summary>The change page's model (templates/site/changes.html.sbn).</summary>
public sealed record ChangePageModel(
    string Title, bool First, bool Same, string? Baseline, int Count,
    IReadOnlyList<ChangedSection> Sections, IReadOnlyList<ChangedValue> Values, IReadOnlyList<ChangedItem> Items);

/// <summary>
/// A section whose text changed; each paragraph is a list of runs (kind same, deleted or inserted); a paragraph
/// rewritten throughout starts with a run of kind note ("段落已改写"), then its old and new text whole.
/// </summary>
public sealed record ChangedSection(string Id, string Title, string Kind, bool Removed, IReadOnlyList<IReadOnlyList<ChangedRun>> Paragraphs);

public sealed record ChangedRun(string Kind, string Text);

public sealed record ChangedValue(string AnchorId, string Project, string Indicator, string Field, string Before, string After);

public sealed record ChangedItem(string Kind, string What, string Name, string? AnchorId, bool Added);

/// <summary>
/// changes.html beside a document page: the sections whose text changed (inline character diff), the figures
/// and indicator values that changed (old → new), the projects and indicators added or removed. Nothing else.
/// The markup is templates/site/changes.html.sbn.
/// </summary>
public static class ChangePage
{
    public const string FileName = "changes.html";

    public static string? Render(string title, ChangeSet? changes, SiteTemplates templates, DiagnosticBag diagnostics) =>
        templates.Render(SiteTemplates.ChangesPage, Model(title, changes), "../", diagnostics);

    public static ChangePageModel Model(string title, ChangeSet? changes) => new(
        title,
        First: changes is null,
        Same: changes is { IsEmpty: true },
        Baseline: changes?.BaselineLabel,
        Count: changes?.Count ?? 0,
        Sections: changes?.Sections.Select(s => new ChangedSection(s.Id, s.Title, KindName(s.Kind), s.Kind == ChangeKind.Removed,
            s.Paragraphs.Select(Runs).ToList())).ToList()
            ?? [],
        Values: changes?.Values.Select(v => new ChangedValue(v.AnchorId, v.Project, v.Indicator ?? "—", v.Field, v.Old, v.New)).ToList() ?? [],
        Items: changes?.AddedOrRemoved.Select(i => new ChangedItem(KindName(i.Kind), i.What, i.Name,
            i.Kind == ChangeKind.Added ? i.AnchorId : null, i.Kind == ChangeKind.Added)).ToList() ?? []);

    /// <summary>The note a paragraph rewritten throughout starts with.</summary>
    public const string RewrittenNote = "段落已改写";

    private static IReadOnlyList<ChangedRun> Runs(DiffParagraph paragraph) =>
        (paragraph.Rewritten ? [new ChangedRun("note", RewrittenNote)] : Array.Empty<ChangedRun>())
            .Concat(paragraph.Runs.Select(r => new ChangedRun(RunName(r.Kind), r.Text))).ToList();

    private static string RunName(RunKind kind) => kind switch
    {
        RunKind.Deleted => "deleted",
        RunKind.Inserted => "inserted",
        _ => "same",
    };

    private static string KindName(ChangeKind kind) => kind switch
    {
        ChangeKind.Added => "新增",
        ChangeKind.Removed => "删除",
        _ => "修改",
    };
}
