namespace Publishing.Build;

[Flags]
public enum OutputFormats
{
    None = 0,
    Html = 1,
    Pdf = 2,
    All = Html | Pdf,
}
