namespace Publishing.Layout.Text.Hyphenation;

/// <summary>
/// Reads the English hyphenation patterns now (~4 ms, once per process) instead of at the first English word a
/// paragraph breaks: a cold build starts it on its spare core while the content is read (Build/ColdStart).
/// </summary>
public static class HyphenationWarmUp
{
    public static void Run() => _ = Hyphenator.English;
}
