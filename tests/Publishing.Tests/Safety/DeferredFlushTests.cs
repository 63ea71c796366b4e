using Publishing.Output;
using Publishing.Tests.Support;
using Shouldly;
using Xunit;

namespace Publishing.Tests.Safety;

/// <summary>
/// A many-document run flushes its files to disk once at its end, not each before its rename: the files are
/// complete and in place as soon as they are renamed, and the one flush covers every folder of the output.
/// </summary>
public class DeferredFlushTests
{
    [Fact]
    public void Files_written_for_a_later_flush_are_complete_and_one_flush_covers_the_whole_output_folder()
    {
        var root = RepoPaths.NewTempDirectory("deferred-flush");
        var flush = new DeferredFlush();
        var bytes = Enumerable.Range(0, 100_000).Select(i => (byte)(i * 7)).ToArray();
        for (var d = 0; d < 5; d++)
        {
            var document = new RenderedDocument();
            document.Add("a.pdf", bytes);
            document.AddText("fonts/b.txt", $"文档 {d}");
            document.WriteTo(Path.Combine(root, $"doc-{d}"), flush);
        }
        AtomicFile.WriteText(Path.Combine(root, ".publishing", "record.json"), "{}", flush);

        File.ReadAllBytes(Path.Combine(root, "doc-3", "a.pdf")).ShouldBe(bytes);
        File.ReadAllText(Path.Combine(root, "doc-4", "fonts", "b.txt")).ShouldBe("文档 4");
        Directory.GetFiles(root, "*.tmp", SearchOption.AllDirectories).ShouldBeEmpty();

        var flushes = flush.Complete(root);

        // Linux: one syncfs for the one file system; elsewhere every file (5 × 2 + 1) is flushed in turn.
        flushes.ShouldBe(OperatingSystem.IsLinux() ? 1 : 11);
        flush.Complete(root).ShouldBe(0);            // nothing new since
    }

    [Fact]
    public void A_file_gone_before_the_flush_does_not_fail_it()
    {
        var root = RepoPaths.NewTempDirectory("deferred-flush");
        var flush = new DeferredFlush();
        AtomicFile.WriteText(Path.Combine(root, "kept.txt"), "kept", flush);
        AtomicFile.WriteText(Path.Combine(root, "gone.txt"), "gone", flush);
        File.Delete(Path.Combine(root, "gone.txt"));

        Should.NotThrow(() => flush.Complete(root));
        File.ReadAllText(Path.Combine(root, "kept.txt")).ShouldBe("kept");
    }
}
