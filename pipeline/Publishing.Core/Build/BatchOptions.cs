namespace Publishing.Build;

/// <summary>How a run over many documents proceeds (what it produces is <see cref="BuildOptions"/>).</summary>
/// <param name="Jobs">Documents built at once; 0 means one per processor core.</param>
/// <param name="Incremental">Skip documents whose inputs are unchanged since the last build into the same output folder.</param>
/// <param name="DocumentDone">Called once per document as it finishes (from worker threads, one call at a time).</param>
public sealed record BatchOptions(int Jobs = 0, bool Incremental = true, Action<DocumentResult>? DocumentDone = null)
{
    public int EffectiveJobs => Jobs > 0 ? Jobs : Environment.ProcessorCount;
}
