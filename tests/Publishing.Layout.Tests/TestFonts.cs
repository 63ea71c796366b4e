using Publishing.Layout.Fonts;
using Publishing.Layout.Frames;
using Publishing.Layout.Text;

namespace Publishing.Layout.Tests;

/// <summary>The shipped fonts, opened once for all tests.</summary>
public static class TestFonts
{
    public static readonly string FontDir = FindFontDir();
    public static readonly FontLibrary Library = new();

    public static FontChain Serif => Library.Chain("serif", new[] { Path.Combine(FontDir, "NotoSerifSC-Regular.ttf"), Path.Combine(FontDir, "NotoSansSC-Regular.ttf") });
    public static FontChain SerifBold => Library.Chain("serif-bold", new[] { Path.Combine(FontDir, "NotoSerifSC-Bold.ttf"), Path.Combine(FontDir, "NotoSansSC-Bold.ttf") });
    public static FontChain Sans => Library.Chain("sans", new[] { Path.Combine(FontDir, "NotoSansSC-Regular.ttf") });
    public static FontChain SansBold => Library.Chain("sans-bold", new[] { Path.Combine(FontDir, "NotoSansSC-Bold.ttf") });

    public static TextStyle Body(double size = 16) => new(Serif, size, Rgb.Black);

    private static string FindFontDir()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "templates", "fonts");
            if (File.Exists(Path.Combine(candidate, "NotoSerifSC-Regular.ttf"))) return candidate;
        }
        throw new DirectoryNotFoundException("templates/fonts not found above " + AppContext.BaseDirectory);
    }
}
