using Publishing.Tests.Support;

namespace Publishing.Tests.Safety;

/// <summary>The same inputs give byte-identical HTML.</summary>
public sealed class DeterminismTests
{
    [Fact]
    public void Building_the_seed_twice_gives_identical_bytes()
    {
        var first = RepoPaths.NewTempDirectory();
        var second = RepoPaths.NewTempDirectory();
        try
        {
            foreach (var output in new[] { first, second })
            {
                var result = PublishingCommand.Run("build", RepoPaths.Sample, "--templates", RepoPaths.Templates, "--out", output, "--format", "html");
                result.ExitCode.ShouldBe(0, result.Stderr);
            }
            foreach (var name in new[] { "index.html", "theme.css", "changes.html", "snapshot.json",
                         "fonts/NotoSerifSC-Regular.ttf", "fonts/NotoSansSC-Bold.ttf" })
            {
                var a = File.ReadAllBytes(Path.Combine(first, "chengde-xinfang-2021", name));
                var b = File.ReadAllBytes(Path.Combine(second, "chengde-xinfang-2021", name));
                a.Length.ShouldBeGreaterThan(0);
                b.ShouldBe(a, $"{name} differs between two builds of the same input");
            }
        }
        finally
        {
            Directory.Delete(first, recursive: true);
            Directory.Delete(second, recursive: true);
        }
    }
}
