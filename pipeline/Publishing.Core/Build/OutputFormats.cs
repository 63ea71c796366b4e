namespace Publishing.Build;

[Flags]
public enum OutputFormats
{
    None = 0,
    Html = 1,
    Pdf = 2,
    /// <summary>The PDF's pages as OFD (GB/T 33190-2016), asked for with --format or by the theme's ofd: true.</summary>
    Ofd = 4,
    /// <summary>The default: the preview and the PDF (the OFD comes with them when the theme asks for it).</summary>
    All = Html | Pdf,
}
