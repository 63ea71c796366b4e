using System.Diagnostics;
using AngleSharp.Html.Parser;
using Publishing.Changes;
using Publishing.Tests.Support;

namespace Publishing.Tests.Site;

/// <summary>
/// Each document's stamp names the last commit that touched its folder ("+" when it has uncommitted edits), as
/// before, but a run asks git once for all its documents, not twice per document.
/// </summary>
public sealed class GitRevisionTests
{
    [Fact]
    public void A_ten_document_build_in_a_git_work_tree_starts_two_git_processes_and_stamps_each_documents_own_revision()
    {
        var root = RepoPaths.NewTempDirectory("repository");
        var content = Path.Combine(root, "content");
        var slugs = Enumerable.Range(0, 10).Select(i => $"dept-{i:00}").ToList();
        foreach (var slug in slugs) RepoPaths.CopyDirectory(RepoPaths.Sample, Path.Combine(content, slug));
        GitCommand.Run(root, "init", "-q");
        GitCommand.Run(root, ["add", .. slugs.SkipLast(1).Select(s => "content/" + s)]);   // dept-09 is never committed
        GitCommand.Run(root, "commit", "-q", "-m", "first drafts");
        var first = Head(root);
        Edit(Path.Combine(content, "dept-03", "sections", "03-safeguards.md"));
        GitCommand.Run(root, "commit", "-q", "-am", "dept-03 edited");
        var second = Head(root);
        Edit(Path.Combine(content, "dept-05", "sections", "03-safeguards.md"));   // not committed

        // git, as the build sees it on PATH, logs every start.
        var shim = RepoPaths.NewTempDirectory("git-shim");
        var log = Path.Combine(shim, "starts.log");
        File.WriteAllText(Path.Combine(shim, "git"), $"#!/bin/sh\necho \"$*\" >> '{log}'\nexec '{RealGit()}' \"$@\"\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(Path.Combine(shim, "git"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var output = RepoPaths.NewTempDirectory("site");
        var (exit, stderr) = BuildWithPath(shim + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
            "build", content, "--format", "html", "--out", output, "--templates", RepoPaths.Templates);
        exit.ShouldBe(0, stderr);

        var starts = File.ReadAllLines(log);
        starts.Length.ShouldBeLessThanOrEqualTo(2, string.Join("\n", starts));
        var expected = slugs.ToDictionary(s => s, s => s switch
        {
            "dept-03" => second,
            "dept-05" => first + "+",
            "dept-09" => null,
            _ => first,
        });
        foreach (var slug in slugs)
        {
            // What the page says is what asking git about the folder alone says.
            GitHistory.Revision(Path.Combine(content, slug)).ShouldBe(expected[slug], slug);
            var stamp = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(output, slug, "index.html"))).QuerySelector(".draft-stamp")!.TextContent;
            var shown = System.Text.RegularExpressions.Regex.Match(stamp, "修订 ([^ ·]+)");
            (shown.Success ? shown.Groups[1].Value : null).ShouldBe(expected[slug], $"{slug}: {stamp}");
        }
    }

    [Fact]
    public void A_merge_counts_for_a_folder_only_when_the_folder_differs_from_every_parent_as_git_log_of_the_folder_says_whatever_its_name()
    {
        var root = RepoPaths.NewTempDirectory("repository");
        foreach (var folder in new[] { "部门甲", "b" }) Write(root, folder, "1");
        GitCommand.Run(root, "init", "-q", "-b", "main");
        GitCommand.Run(root, "add", ".");
        GitCommand.Run(root, "commit", "-q", "-m", "first");
        GitCommand.Run(root, "checkout", "-q", "-b", "side");
        Write(root, "部门甲", "side");
        GitCommand.Run(root, "commit", "-q", "-am", "side edits a");
        GitCommand.Run(root, "checkout", "-q", "main");
        Write(root, "部门甲", "main");
        Write(root, "b", "main");
        GitCommand.Run(root, "commit", "-q", "-am", "main edits a and b");
        var mainCommit = Head(root);
        GitCommand.Run(root, "merge", "-q", "-s", "ours", "--no-edit", "side");   // 部门甲 differs from side, b from neither
        Write(root, "部门甲", "resolved");
        GitCommand.Run(root, "commit", "-q", "--amend", "-am", "merge, 部门甲 resolved by hand");
        var merge = Head(root);

        var revisions = new GitRevisions(root);
        revisions.Of(Path.Combine(root, "部门甲")).ShouldBe(merge);
        revisions.Of(Path.Combine(root, "b")).ShouldBe(mainCommit);
        foreach (var folder in new[] { "部门甲", "b" })
            revisions.Of(Path.Combine(root, folder)).ShouldBe(GitHistory.Revision(Path.Combine(root, folder)), folder);

        Write(root, "部门甲", "edited, not committed");   // a run after this edit: "+"
        new GitRevisions(root).Of(Path.Combine(root, "部门甲")).ShouldBe(merge + "+");
        new GitRevisions(root).Of(Path.Combine(root, "b")).ShouldBe(mainCommit);
    }

    /// <summary>The JIT build of the command as a process, with this PATH.</summary>
    private static (int ExitCode, string Stderr) BuildWithPath(string path, params string[] args)
    {
        var start = PublishingProcess.JitStartInfo(args);
        start.Environment["PATH"] = path;
        using var build = Process.Start(start)!;
        var stderr = build.StandardError.ReadToEndAsync();
        build.StandardOutput.ReadToEnd();
        build.WaitForExit(120_000).ShouldBeTrue("the build did not finish in 2 minutes");
        return (build.ExitCode, stderr.Result);
    }

    private static string Head(string root) => GitCommand.Run(root, "log", "-1", "--format=%h").Trim();

    private static void Write(string root, string folder, string text)
    {
        Directory.CreateDirectory(Path.Combine(root, folder));
        File.WriteAllText(Path.Combine(root, folder, "x.md"), text);
    }

    private static void Edit(string path) => File.AppendAllText(path, "\n补充一句说明。\n");

    private static string RealGit() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, "git")).First(File.Exists);
}
