namespace Publishing.Model;

/// <summary>The data of a document that narrative text and templates may refer to, by project code.</summary>
public sealed record DocumentData(IReadOnlyDictionary<string, Project> ProjectsByCode)
{
    public static DocumentData Empty { get; } = new(new Dictionary<string, Project>());
}
