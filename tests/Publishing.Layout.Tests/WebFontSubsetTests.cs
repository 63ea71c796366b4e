using Publishing.Layout.Fonts;

namespace Publishing.Layout.Tests;

/// <summary>
/// The web-font subsetter keeps each font file open between pages, but not past a change of the file: a long
/// `serve` whose templates' fonts are replaced cuts from the new file and lets the old one go (unmapped, closed).
/// </summary>
public sealed class WebFontSubsetTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("web-font-subset-").FullName;

    [Fact]
    public void A_font_file_saved_again_is_cut_from_its_new_bytes_and_the_old_file_is_no_longer_mapped()
    {
        var font = Path.Combine(_folder, "body.ttf");
        File.Copy(Path.Combine(TestFonts.FontDir, "NotoSansSC-Regular.ttf"), font);
        var text = "预算绩效目标abc".EnumerateRunes().Select(r => r.Value).ToList();
        var before = WebFontSubset.Create(font, text);
        Mappings(font).ShouldNotBeEmpty("the face is kept open between pages");

        // Saved as editors' tools save: a new file renamed over the old one — now the bold face.
        var saved = font + ".new";
        File.Copy(Path.Combine(TestFonts.FontDir, "NotoSansSC-Bold.ttf"), saved);
        File.SetLastWriteTimeUtc(saved, File.GetLastWriteTimeUtc(font).AddMinutes(1));
        File.Move(saved, font, overwrite: true);
        var after = WebFontSubset.Create(font, text);

        after.ShouldNotBe(before);
        after.ShouldBe(WebFontSubset.Create(Path.Combine(TestFonts.FontDir, "NotoSansSC-Bold.ttf"), text));
        Mappings(font).ShouldNotContain(m => m.EndsWith("(deleted)", StringComparison.Ordinal), "the replaced file is still mapped");
        Mappings(font).ShouldNotBeEmpty();
    }

    /// <summary>This process's memory mappings of the file (a replaced file's end in " (deleted)").</summary>
    private static List<string> Mappings(string path) =>
        File.ReadAllLines("/proc/self/maps").Where(l => l.Contains(" " + path, StringComparison.Ordinal)).ToList();

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
