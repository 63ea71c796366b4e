using System.Diagnostics;
using System.Text.RegularExpressions;
using Publishing.Tests.Support;

namespace Publishing.Tests.Product;

/// <summary>
/// The command users run is compiled ahead of time (Native AOT: no JIT, trimmed, reflection only where kept).
/// It must do exactly what the JIT build the other tests run in process does: the same bytes for every output
/// of the shipped content, the same diagnostics at the same places, the same exit codes. Runs when
/// PUBLISHING_COMMAND names the published command (./build.sh --target=Test and CI publish it first).
/// </summary>
public sealed class PublishedCommandTests : IDisposable
{
    private readonly string _root = RepoPaths.NewTempDirectory("published-command");

    [SkippableFact]
    public void The_published_command_builds_the_shipped_content_to_the_same_bytes_as_the_JIT_build()
    {
        var published = Published();
        var ours = Run(published, "build", RepoPaths.Content, "--out", Path.Combine(_root, "native"));
        var reference = Run(PublishingProcess.JitStartInfo, "build", RepoPaths.Content, "--out", Path.Combine(_root, "jit"));

        ours.ExitCode.ShouldBe(0, ours.Stderr);
        reference.ExitCode.ShouldBe(0, reference.Stderr);
        ours.Stderr.ShouldBe(reference.Stderr);   // the same warnings, at the same places, and the same summary
        var files = Files(Path.Combine(_root, "jit"));
        files.Keys.ShouldBe(Files(Path.Combine(_root, "native")).Keys, ignoreOrder: true);
        files.Keys.Count(f => f.EndsWith(".pdf", StringComparison.Ordinal)).ShouldBe(
            Directory.GetDirectories(RepoPaths.Content).Count(d => File.Exists(Path.Combine(d, "document.yaml"))));
        foreach (var (relative, bytes) in files)
            File.ReadAllBytes(Path.Combine(_root, "native", relative)).SequenceEqual(bytes).ShouldBeTrue($"{relative} differs");

        // The cache works the same: a second run rebuilds nothing (its key includes the program's identity).
        var again = Run(published, "build", RepoPaths.Content, "--out", Path.Combine(_root, "native"));
        again.ExitCode.ShouldBe(0, again.Stderr);
        var lines = again.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Count(l => l.StartsWith("无变化 ", StringComparison.Ordinal) && l.EndsWith("/（输入未改，沿用上次的结果）", StringComparison.Ordinal))
            .ShouldBe(files.Keys.Count(f => f.EndsWith(".pdf", StringComparison.Ordinal)), again.Stdout);
        lines.ShouldContain(l => l.StartsWith("无变化 ", StringComparison.Ordinal) && l.Contains("index.html（站点索引与上次相同", StringComparison.Ordinal), again.Stdout);
        lines.ShouldNotContain(l => l.StartsWith("已生成 ", StringComparison.Ordinal), again.Stdout);
    }

    [SkippableFact]
    public void The_published_command_reports_broken_content_and_themes_as_the_JIT_build_does()
    {
        var published = Published();
        // A document with a CSV value that is not money and an unknown key in document.yaml.
        var (content, document) = RepoPaths.CopyOfSample();
        var projects = Path.Combine(document, "data", "projects.csv");
        File.WriteAllText(projects, File.ReadAllText(projects).Replace(",60.00,60.00,", ",六十,60.00,"));
        File.AppendAllText(Path.Combine(document, "document.yaml"), "\nsubtitel: 草案\n");
        // The shipped sample with a theme holding an unknown key (the theme is bound by reflection).
        var templates = Path.Combine(_root, "templates");
        RepoPaths.CopyDirectory(RepoPaths.Templates, templates);
        var theme = Path.Combine(templates, "theme", "default.yaml");
        File.WriteAllText(theme, File.ReadAllText(theme) + "\nbogus_key: 1\n");

        foreach (var (what, documents, templatesFolder, expected) in new[]
                 {
                     ("document", content, RepoPaths.Templates, "subtitel"),
                     ("theme", RepoPaths.Sample, templates, "bogus_key"),
                 })
        foreach (var command in new[] { "validate", "build" })
        {
            var args = command == "validate"
                ? new[] { command, documents, "--templates", templatesFolder }
                : new[] { command, documents, "--templates", templatesFolder, "--out", Path.Combine(_root, $"out-{what}-{command}") };
            var ours = Run(published, args);
            var reference = Run(PublishingProcess.JitStartInfo, args);
            ours.ExitCode.ShouldBe(1, ours.Stderr);
            ours.ExitCode.ShouldBe(reference.ExitCode);
            ours.Stderr.ShouldBe(reference.Stderr);
            ours.Stderr.ShouldContain("error PUB");
            ours.Stderr.ShouldContain(expected);
        }
    }

    [SkippableFact]
    public void The_published_command_writes_the_same_fill_in_workbooks_and_reads_bad_workbooks_as_the_JIT_build()
    {
        var published = Published();
        // The Open XML SDK compiled ahead of time: writing each shipped form's workbook gives the JIT build's bytes.
        foreach (var form in new Publishing.Forms.FormCatalog(RepoPaths.Templates).FormNames())
        {
            // The same file name in two folders: the instructions sheet names the file.
            var native = Path.Combine(_root, "native", form + ".xlsx");
            var jit = Path.Combine(_root, "jit", form + ".xlsx");
            var ours = Run(published, "workbook", "--form", form, "--out", native, "--templates", RepoPaths.Templates);
            var reference = Run(PublishingProcess.JitStartInfo, "workbook", "--form", form, "--out", jit, "--templates", RepoPaths.Templates);
            ours.ExitCode.ShouldBe(0, ours.Stderr);
            reference.ExitCode.ShouldBe(0, reference.Stderr);
            File.ReadAllBytes(native).SequenceEqual(File.ReadAllBytes(jit)).ShouldBeTrue($"{form}: the fill-in workbooks differ");
        }
        // Reading: every workbook case of the bad-input corpus gives the same diagnostics and exit code.
        var corpus = Path.Combine(RepoPaths.Root, "tests", "Publishing.Tests", "Corpus");
        foreach (var folder in Directory.GetDirectories(corpus, "workbook-*"))
        {
            var document = Corpus.CorpusTests.Materialize(folder);
            var ours = Run(published, "validate", document, "--templates", RepoPaths.Templates);
            var reference = Run(PublishingProcess.JitStartInfo, "validate", document, "--templates", RepoPaths.Templates);
            ours.ExitCode.ShouldBe(reference.ExitCode, Path.GetFileName(folder) + "\n" + ours.Stderr);
            ours.Stderr.ShouldBe(reference.Stderr, Path.GetFileName(folder));
        }
    }

    [SkippableFact]
    public void The_published_command_prints_its_usage_and_refuses_an_unknown_option()
    {
        var published = Published();
        var help = Run(published, "--help");
        help.ExitCode.ShouldBe(0);
        help.Stdout.ShouldBe(Run(PublishingProcess.JitStartInfo, "--help").Stdout);
        var wrong = Run(published, "build", RepoPaths.Content, "--no-such-option");
        wrong.ExitCode.ShouldBe(2);
        wrong.Stderr.ShouldBe(Run(PublishingProcess.JitStartInfo, "build", RepoPaths.Content, "--no-such-option").Stderr);
    }

    [SkippableFact]
    public void The_product_folder_holds_what_runs_and_no_debug_symbols()
    {
        var command = PublishingProcess.PublishedCommand;
        Skip.If(command is null, $"{PublishingProcess.CommandVariable} is not set: ./build.sh --target=Test publishes the command and sets it");
        var folder = Path.GetDirectoryName(command)!;
        var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).ToList();
        files.ShouldContain(Path.GetFileName(command));
        files.ShouldNotContain(f => f.EndsWith(".pdb", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".dbg", StringComparison.OrdinalIgnoreCase),
            string.Join(", ", files));
    }

    private static Func<string[], ProcessStartInfo> Published()
    {
        var command = PublishingProcess.PublishedCommand;
        Skip.If(command is null, $"{PublishingProcess.CommandVariable} is not set: ./build.sh --target=Test publishes the command and sets it");
        return PublishingProcess.StartInfo;
    }

    private sealed record Result(int ExitCode, string Stdout, string Stderr);

    private Result Run(Func<string[], ProcessStartInfo> start, params string[] args)
    {
        var info = start(args);
        info.WorkingDirectory = RepoPaths.Root;   // diagnostics show paths relative to it
        info.Environment["SOURCE_DATE_EPOCH"] = "1610668800";   // build.json's time: fixed, so outputs compare
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit(120_000).ShouldBeTrue("the command did not finish in 2 minutes");
        // Progress lines come in the order the parallel builds finish, and durations differ from run to run:
        // what is compared is the diagnostics and the summary.
        var lines = stderr.Split('\n').Where(l => !Regex.IsMatch(l, @"^\[[0-9]+/[0-9]+\] "))
            .Select(l => Regex.Replace(l, @"[0-9]+\.[0-9]+ s\b", "… s"));
        return new Result(process.ExitCode, stdout.Result, string.Join('\n', lines));
    }

    private static Dictionary<string, byte[]> Files(string root) =>
        Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllBytes);

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}
