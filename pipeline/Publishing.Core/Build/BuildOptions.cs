namespace Publishing.Build;

public sealed record BuildOptions(
    string ContentRoot,
    string OutputRoot,
    string TemplatesDirectory,
    OutputFormats Formats = OutputFormats.All,
    bool WarningsAsErrors = false,
    string? Since = null);
