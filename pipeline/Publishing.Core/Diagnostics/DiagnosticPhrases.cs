namespace Publishing.Diagnostics;

/// <summary>
/// Pieces of wording several catalog messages share and that appear only sometimes (a suggestion when a near name
/// exists): filled in and passed to a message as a parameter.
/// </summary>
public static class DiagnosticPhrases
{
    private static readonly DiagnosticKind Phrases = new("", Severity.Warning, "",
        ("did-you-mean", "是否应为“{name}”？"));

    /// <summary>"是否应为“x”？" after a name not found, or nothing when no known name is near.</summary>
    public static string DidYouMean(string? nearest) => nearest is null ? "" : Phrases["did-you-mean"].Format(("name", nearest));
}
