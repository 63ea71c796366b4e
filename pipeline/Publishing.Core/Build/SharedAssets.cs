namespace Publishing.Build;

/// <summary>
/// Files every document's preview shares, published once per output folder: the fonts the CSS names
/// (OutputRoot/_fonts), so the preview looks like the PDF without installing anything.
/// </summary>
public static class SharedAssets
{
    public static void Publish(string templatesDirectory, string outputRoot)
    {
        var source = Path.Combine(templatesDirectory, "fonts");
        if (!Directory.Exists(source)) return;
        var target = Path.Combine(outputRoot, "_fonts");
        foreach (var font in Directory.GetFiles(source, "*.ttf"))
        {
            var destination = Path.Combine(target, Path.GetFileName(font));
            if (File.Exists(destination) && new FileInfo(destination).Length == new FileInfo(font).Length) continue;
            Output.AtomicFile.Write(destination, File.ReadAllBytes(font));
        }
    }
}
