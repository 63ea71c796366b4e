namespace Publishing.Changes;

/// <summary>Compares two snapshots of a document: sections by id, projects by code, indicators by their level path.</summary>
public static class ChangeDetector
{
    public static ChangeSet Compare(DocumentSnapshot previous, DocumentSnapshot current, string baselineLabel)
    {
        var sections = new List<SectionChange>();
        var oldSections = previous.Sections.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var newIds = current.Sections.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var section in current.Sections)
        {
            if (!oldSections.TryGetValue(section.Id, out var old))
                sections.Add(new SectionChange(section.Id, section.Title, ChangeKind.Added, TextDiff.Paragraphs("", section.Text)));
            else if (old.Text != section.Text)
                sections.Add(new SectionChange(section.Id, section.Title, ChangeKind.Modified, TextDiff.Paragraphs(old.Text, section.Text)));
        }
        foreach (var old in previous.Sections.Where(s => !newIds.Contains(s.Id)))
            sections.Add(new SectionChange(old.Id, old.Title, ChangeKind.Removed, TextDiff.Paragraphs(old.Text, "")));

        var values = new List<ValueChange>();
        var items = new List<ItemChange>();
        // By code; a department table (no code) by the id of its part.
        var oldProjects = previous.Projects.GroupBy(Key).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var newCodes = current.Projects.Select(Key).ToHashSet(StringComparer.Ordinal);
        foreach (var project in current.Projects)
        {
            var anchor = project.Id;
            if (!oldProjects.TryGetValue(Key(project), out var old))
            {
                items.Add(new ItemChange(ChangeKind.Added, "项目", $"{project.Name}（{project.Code}）", anchor));
                continue;
            }
            foreach (var (field, value) in project.Fields)
                if (old.Fields.TryGetValue(field, out var was) && was != value)
                    values.Add(new ValueChange(anchor, project.Name, null, field, was, value));
            CompareIndicators(project, old, anchor, values, items);
        }
        foreach (var old in previous.Projects.Where(p => !newCodes.Contains(Key(p))))
            items.Add(new ItemChange(ChangeKind.Removed, "项目", $"{old.Name}（{old.Code}）", null));

        return new ChangeSet(baselineLabel, sections, values, items);
    }

    private static void CompareIndicators(ProjectSnapshot project, ProjectSnapshot old, string anchor, List<ValueChange> values, List<ItemChange> items)
    {
        // The same level path may repeat within a project: pair them in order of appearance.
        var oldByPath = Keyed(old.Indicators);
        var newByPath = Keyed(project.Indicators);
        foreach (var (key, indicator) in newByPath)
        {
            if (!oldByPath.TryGetValue(key, out var was))
            {
                items.Add(new ItemChange(ChangeKind.Added, "指标", $"{project.Name}：{indicator.Path}", anchor));
                continue;
            }
            foreach (var (field, value) in indicator.Fields)
                if (was.Fields.TryGetValue(field, out var before) && before != value)
                    values.Add(new ValueChange(anchor, project.Name, indicator.Path, field, before, value));
        }
        foreach (var (key, indicator) in oldByPath)
            if (!newByPath.ContainsKey(key))
                items.Add(new ItemChange(ChangeKind.Removed, "指标", $"{project.Name}：{indicator.Path}", anchor));
    }

    private static string Key(ProjectSnapshot project) => project.Code.Length > 0 ? project.Code : project.Id;

    private static Dictionary<(string, int), IndicatorSnapshot> Keyed(IEnumerable<IndicatorSnapshot> indicators)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var keyed = new Dictionary<(string, int), IndicatorSnapshot>();
        foreach (var indicator in indicators)
        {
            var n = seen.GetValueOrDefault(indicator.Path);
            seen[indicator.Path] = n + 1;
            keyed[(indicator.Path, n)] = indicator;
        }
        return keyed;
    }
}
