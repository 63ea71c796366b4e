namespace Publishing.Changes;

/// <summary>What changed in a document between two drafts. Unchanged sections and values are not in it.</summary>
public sealed record ChangeSet(
    string BaselineLabel,
    IReadOnlyList<SectionChange> Sections,
    IReadOnlyList<ValueChange> Values,
    IReadOnlyList<ItemChange> AddedOrRemoved)
{
    public int Count => Sections.Count + Values.Count + AddedOrRemoved.Count;
    public bool IsEmpty => Count == 0;

    /// <summary>Ids of the page's elements (sections, projects) that changed, to mark them on the document page.</summary>
    public IEnumerable<string> ChangedAnchors =>
        Sections.Where(s => s.Kind != ChangeKind.Removed).Select(s => s.Id)
            .Concat(Values.Select(v => v.AnchorId))
            .Concat(AddedOrRemoved.Where(i => i.Kind == ChangeKind.Added && i.AnchorId is not null).Select(i => i.AnchorId!))
            .Distinct();
}

public enum ChangeKind { Added, Removed, Modified }

/// <summary>A section whose text changed; the diff runs over its reading text (one line per block).</summary>
public sealed record SectionChange(string Id, string Title, ChangeKind Kind, IReadOnlyList<DiffParagraph> Paragraphs);

/// <summary>One figure or indicator value, old → new, located by project (and indicator).</summary>
public sealed record ValueChange(string AnchorId, string Project, string? Indicator, string Field, string Old, string New);

/// <summary>A project or indicator that is new or gone.</summary>
public sealed record ItemChange(ChangeKind Kind, string What, string Name, string? AnchorId);

/// <summary>
/// A paragraph of a changed section, as runs of kept, deleted and inserted text. <see cref="Rewritten"/>: changed
/// throughout (or too costly to compare), shown whole, the old text deleted and the new inserted.
/// </summary>
public sealed record DiffParagraph(IReadOnlyList<DiffRun> Runs, bool Rewritten = false);

public enum RunKind { Same, Deleted, Inserted }

public sealed record DiffRun(RunKind Kind, string Text);
