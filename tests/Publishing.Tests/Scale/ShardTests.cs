using Publishing.Build;
using Publishing.Tests.Support;

namespace Publishing.Tests.Scale;

public sealed class ShardTests
{
    private static readonly string[] Slugs = Enumerable.Range(1, 200).Select(i => $"dept-{i:000}").ToArray();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    public void The_shards_partition_the_documents_exactly(int count)
    {
        var shards = Enumerable.Range(1, count).Select(i => Slugs.Where(new Shard(i, count).Contains).ToList()).ToList();
        shards.SelectMany(s => s).Order(StringComparer.Ordinal).ShouldBe(Slugs);     // every one, none twice
        if (count > 1) shards.ShouldAllBe(s => s.Count > 0 && s.Count < Slugs.Length);
    }

    [Fact]
    public void A_document_stays_on_its_shard_when_others_come_and_go()
    {
        var before = Slugs.Where(new Shard(2, 4).Contains).ToList();
        var after = Slugs.Take(120).Concat(["new-dept"]).Where(new Shard(2, 4).Contains).ToList();
        after.Where(s => s != "new-dept").ShouldBe(before.Where(s => string.CompareOrdinal(s, "dept-120") <= 0));
    }

    [Theory]
    [InlineData("1/1", 1, 1)]
    [InlineData("3/8", 3, 8)]
    public void Parses_i_of_n(string text, int index, int count) => Shard.Parse(text).ShouldBe(new Shard(index, count));

    [Theory]
    [InlineData("0/2")]
    [InlineData("3/2")]
    [InlineData("2")]
    [InlineData("a/b")]
    [InlineData("-1/2")]
    public void Rejects_what_is_not_i_of_n(string text) => Shard.Parse(text).ShouldBeNull();

    [Fact]
    public void The_command_line_builds_only_its_shard_and_says_how_to_write_one()
    {
        var (content, _) = RepoPaths.CopyOfSample("only-doc");
        var output = RepoPaths.NewTempDirectory();
        var ownShard = Enumerable.Range(1, 3).Single(i => new Shard(i, 3).Contains("only-doc"));
        var otherShard = ownShard % 3 + 1;

        var other = PublishingCommand.Run("build", content, "--templates", RepoPaths.Templates, "--out", output, "--format", "html", "--shard", $"{otherShard}/3");
        other.ExitCode.ShouldBe(0);
        Directory.Exists(Path.Combine(output, "only-doc")).ShouldBeFalse();

        var own = PublishingCommand.Run("build", content, "--templates", RepoPaths.Templates, "--out", output, "--format", "html", "--shard", $"{ownShard}/3", "--jobs", "2");
        own.ExitCode.ShouldBe(0);
        File.Exists(Path.Combine(output, "only-doc", "index.html")).ShouldBeTrue();

        var bad = PublishingCommand.Run("build", content, "--templates", RepoPaths.Templates, "--shard", "4/3");
        bad.ExitCode.ShouldBe(2);
        bad.Stderr.ShouldContain("--shard 后面需要 i/n");
        PublishingCommand.Run("build", content, "--jobs", "0").ExitCode.ShouldBe(2);
    }
}
