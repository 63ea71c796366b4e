namespace Publishing.Model;

/// <summary>The data of a document that narrative text and templates may refer to: its projects and department tables.</summary>
public sealed record DocumentData(IReadOnlyList<Project> Projects, IReadOnlyList<DepartmentTable> Departments)
{
    public static DocumentData Empty { get; } = new(Array.Empty<Project>(), Array.Empty<DepartmentTable>());

    /// <summary>The form the data was read by: which columns each table has, and their kinds.</summary>
    public Form Form { get; init; } = Form.Unnamed;

    /// <summary>The projects by their code (the first of a code, when a code repeats: that is reported elsewhere).</summary>
    public IReadOnlyDictionary<string, Project> ProjectsByCode { get; } =
        Projects.Where(p => p.Code.Length > 0).GroupBy(p => p.Code).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
}
