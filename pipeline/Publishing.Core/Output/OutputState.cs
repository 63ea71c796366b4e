namespace Publishing.Output;

/// <summary>The output folder's own state (incremental cache, input stamps, subset keys): OutputRoot/.publishing/, never published.</summary>
public static class OutputState
{
    public const string Folder = ".publishing";
}
