using Publishing.Tests.Support;

namespace Publishing.Tests.Scale;

/// <summary>
/// A rebuild with no changed input writes nothing: no document output, no site index, no web-font subset, no
/// cache state. Every file and folder of the output is first dated back to 2001; a write (even an atomic
/// rename of identical bytes: a new inode in its folder) gives that file, or its folder, the time of now.
/// </summary>
public sealed class NoOpBuildTests
{
    private static readonly DateTime LongAgo = new(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static PublishingCommand.Result Build(string content, string output) =>
        PublishingCommand.Run("build", content, "--out", output, "--templates", RepoPaths.Templates);

    private static (string Content, string Output) BuiltTwoDocuments()
    {
        var content = RepoPaths.NewTempDirectory("content");
        foreach (var slug in new[] { "a-dept", "b-dept" }) RepoPaths.CopyDirectory(RepoPaths.Sample, Path.Combine(content, slug));
        var output = RepoPaths.NewTempDirectory();
        var first = Build(content, output);
        first.ExitCode.ShouldBe(0);
        first.Stdout.Split('\n').ShouldContain(l => l.StartsWith("已生成 ", StringComparison.Ordinal) && l.EndsWith("index.html", StringComparison.Ordinal), first.Stdout);
        return (content, output);
    }

    /// <summary>Every entry below the output with its modification time, after dating them all back.</summary>
    private static Dictionary<string, DateTime> DatedBack(string output)
    {
        foreach (var file in Directory.GetFiles(output, "*", SearchOption.AllDirectories)) File.SetLastWriteTimeUtc(file, LongAgo);
        foreach (var folder in Directory.GetDirectories(output, "*", SearchOption.AllDirectories)) Directory.SetLastWriteTimeUtc(folder, LongAgo);
        Directory.SetLastWriteTimeUtc(output, LongAgo);
        return Times(output);
    }

    private static Dictionary<string, DateTime> Times(string output) =>
        Directory.GetFileSystemEntries(output, "*", SearchOption.AllDirectories).Append(output)
            .ToDictionary(p => Path.GetRelativePath(output, p), p => File.GetLastWriteTimeUtc(p));

    private static Dictionary<string, byte[]> Contents(string output) =>
        Directory.GetFiles(output, "*", SearchOption.AllDirectories).ToDictionary(p => Path.GetRelativePath(output, p), File.ReadAllBytes);

    [Fact]
    public void A_no_op_rebuild_rewrites_no_file_and_leaves_the_same_bytes()
    {
        var (content, output) = BuiltTwoDocuments();
        var before = Contents(output);
        before.Keys.ShouldContain("index.html");
        before.Keys.ShouldContain(Path.Combine("_site", "fonts", "NotoSansSC-Regular.ttf"));
        var dated = DatedBack(output);

        var rebuild = Build(content, output);

        rebuild.ExitCode.ShouldBe(0);
        // It says what happened: nothing was generated, the index included.
        var lines = rebuild.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldNotContain(l => l.StartsWith("已生成", StringComparison.Ordinal), rebuild.Stdout);
        lines.Count(l => l.StartsWith("无变化 ", StringComparison.Ordinal) && l.Contains("-dept/（输入未改", StringComparison.Ordinal)).ShouldBe(2, rebuild.Stdout);
        lines.ShouldContain(l => l.StartsWith("无变化 ", StringComparison.Ordinal) && l.EndsWith("index.html（站点索引与上次相同，没有重写）", StringComparison.Ordinal), rebuild.Stdout);
        var written = Times(output).Where(t => !dated.TryGetValue(t.Key, out var old) || old != t.Value).Select(t => t.Key).ToList();
        written.ShouldBeEmpty();
        var after = Contents(output);
        after.Keys.Order().ShouldBe(before.Keys.Order());
        foreach (var (path, bytes) in before) after[path].ShouldBe(bytes, path);
    }

    [Fact]
    public void A_missing_index_font_subset_is_cut_again_with_the_same_bytes_and_nothing_else_is_written()
    {
        var (content, output) = BuiltTwoDocuments();
        var subset = Path.Combine(output, "_site", "fonts", "NotoSansSC-Regular.ttf");
        var bytes = File.ReadAllBytes(subset);
        File.Delete(subset);
        var dated = DatedBack(output);

        Build(content, output).ExitCode.ShouldBe(0);

        File.ReadAllBytes(subset).ShouldBe(bytes);
        var written = Times(output).Where(t => !dated.TryGetValue(t.Key, out var old) || old != t.Value).Select(t => t.Key).Order().ToList();
        written.ShouldBe(new[] { Path.Combine("_site", "fonts"), Path.Combine("_site", "fonts", "NotoSansSC-Regular.ttf") }.Order().ToList(),
            string.Join(", ", written));
    }

    [Fact]
    public void An_edited_document_rewrites_its_outputs_and_the_index_but_not_the_other_document()
    {
        var (content, output) = BuiltTwoDocuments();
        var dated = DatedBack(output);
        File.AppendAllText(Path.Combine(content, "b-dept", "sections", "03-safeguards.md"), "\n补充一段。\n");

        Build(content, output).ExitCode.ShouldBe(0);

        var written = Times(output).Where(t => !dated.TryGetValue(t.Key, out var old) || old != t.Value).Select(t => t.Key).ToList();
        written.ShouldContain(Path.Combine("b-dept", "b-dept.pdf"));
        written.ShouldContain("index.html");
        written.ShouldNotContain(t => t.StartsWith("a-dept", StringComparison.Ordinal));
    }
}
