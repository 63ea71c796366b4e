// Build script. ./build.sh --help lists the targets and options; an option not listed there is an error.
var target = Argument("target", "Draft");
var configuration = Argument("configuration", "Release");
var content = Argument("content", "content");
var output = Argument("out", "");
var jobs = Argument("jobs", "");
var shard = Argument("shard", "");
var keep = Argument("keep", "");
var lockWait = Argument("lock-wait", "");
var date = Argument("date", "");
var from = Argument("from", "");
var templates = Argument("templates", "");
var port = Argument("port", "8080");
var form = Argument("form", "");
var strict = HasArgument("warnings-as-errors");
var rebuild = HasArgument("rebuild");
// Test --fast: the quick loop while changing code: no native publish, no browser tests (docs/architecture.md, Tests).
var fast = HasArgument("fast");

// The options above, and Cake's own; anything else is a typo that must not be silently ignored.
var known = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
{
    "target", "configuration", "content", "out", "jobs", "shard", "keep", "lock-wait", "date", "from", "templates", "port", "warnings-as-errors", "rebuild", "form", "fast",
    "verbosity", "v", "dryrun", "noop", "whatif", "exclusive", "e", "description", "showdescription", "tree", "showtree",
    "debug", "d", "bootstrap", "skip-bootstrap",
};
var unknown = Context.Arguments.GetArguments().Keys.Where(k => !known.Contains(k)).ToList();
if (unknown.Count > 0)
    throw new Exception($"unknown option(s): {string.Join(", ", unknown.Select(k => "--" + k))}; ./build.sh --help lists the options");

var solution = "./Publishing.sln";
var cliProject = "./pipeline/Publishing.Cli/Publishing.Cli.csproj";
// The product: the `publishing` command, compiled ahead of time (Native AOT: one native executable, no runtime
// start-up, no JIT), or ReadyToRun where the AOT toolchain (clang) is missing.
var productDirectory = "./bin/publishing";
var publishingCommand = productDirectory + "/publishing" + (IsRunningOnWindows() ? ".exe" : "");

// Native AOT links with clang (scripts/install-deps.sh installs it with zlib); where it is missing, say so and
// publish ReadyToRun, which works everywhere the SDK does but starts slower.
bool CanCompileAheadOfTime()
{
    if (!IsRunningOnLinux() && !IsRunningOnMacOs()) return false;
    var path = Environment.GetEnvironmentVariable("PATH") ?? "";
    return path.Split(System.IO.Path.PathSeparator).Any(d => d != "" && System.IO.File.Exists(System.IO.Path.Combine(d, "clang")));
}

// Runs the published `publishing` command; a non-zero exit fails the task with the tool's own diagnostics shown.
void Publishing(params string[] arguments)
{
    var args = new ProcessArgumentBuilder();
    foreach (var argument in arguments) args.AppendQuoted(argument);
    foreach (var (name, value) in new[] { ("--jobs", jobs), ("--shard", shard), ("--templates", templates) })
        if (value != "") args.Append(name).AppendQuoted(value);
    if (strict) args.Append("--warnings-as-errors");
    var exit = StartProcess(publishingCommand, new ProcessSettings { Arguments = args });
    if (exit != 0) throw new Exception($"publishing {arguments[0]} failed (exit code {exit}); the problems are listed above");
}

string[] Out(string fallback) => new[] { "--out", output != "" ? output : fallback };

Task("Help")
    .Description("Lists the targets and options.")
    .Does(() =>
{
    Information("""
        ./build.sh [--target=<target>] [options]

        Targets:
          Draft      HTML preview and PDF draft of every document, and the site index (the default)
          Html       the HTML previews only            Pdf       the PDF drafts only
          Validate   the editors' checks, no rendering
          Preview    live preview for editors on http://127.0.0.1:<port>: rebuilds and reloads on save
          Nightly    validate, build every draft and the site into artifacts/nightly/<yyyy-mm-dd>/ with a build
                     report; artifacts/nightly/latest moves to it only when everything succeeded
          Volume     the combined volume (汇编) of every document: artifacts/volume.pdf, one 目录, bookmarks
          Workbook   the fill-in Excel workbook of every form in templates/forms/ (or of --form=<name>) into
                     artifacts/workbooks/<form>.xlsx: one sheet per table, drop-downs, formats, instructions
          Product    publish the `publishing` command (Native AOT; ReadyToRun without clang) into bin/publishing/
                     (every target above needs it)
          Build      compile the whole solution, tests and benchmarks included
          Test       install the dependencies (scripts/install-deps.sh), build, publish the command, run every
                     test (those that start the command as a process run the published one); with --fast, the
                     quick tier: no native publish and no browser tests (about a minute; CI runs the full tier)
          Clean      remove build outputs and artifacts/
          Help       this list (also ./build.sh --help)

        Options:
          --content=<dir>          content folder (default content)
          --out=<dir>              output folder (default artifacts; Nightly: artifacts/nightly)
          --templates=<dir>        templates, theme, fonts and checks (default: templates/ beside the content)
          --configuration=<c>      Release (default) or Debug
          --jobs=<n>               documents built at once (default: one per core)
          --shard=<i>/<n>          build only the i-th of n stable parts of the documents (CI matrices)
          --rebuild                render every document, even those whose inputs are unchanged
          --port=<n>               Preview: the port (default 8080)
          --form=<name>            Workbook: only this form (a folder name in templates/forms/)
          --warnings-as-errors     a warning fails the build
          --fast                   Test: the quick tier (no native publish, no browser tests)
          --keep=<n>               Nightly: runs kept (default 14)
          --lock-wait=<seconds>    Nightly: how long to wait for another nightly on the same output (default 600)
          --date=<yyyy-mm-dd>      Nightly: the run's date (default today, UTC)
          --from=<dir>             Nightly: start from these outputs (a CI matrix's shards) instead of latest
        """);
});

Task("Clean")
    .Does(() =>
{
    CleanDirectories("./pipeline/**/bin/" + configuration);
    CleanDirectories("./pipeline/**/obj");
    CleanDirectories("./tests/**/bin/" + configuration);
    CleanDirectories("./tests/**/obj");
    foreach (var folder in new[] { output != "" ? output : "artifacts", productDirectory })
        if (DirectoryExists(folder)) DeleteDirectory(folder, new DeleteDirectorySettings { Recursive = true, Force = true });
});

Task("Product")
    .Description("Publishes the `publishing` command (Native AOT) into bin/publishing/: the product only, no test projects.")
    .WithCriteria(() => !(fast && target == "Test"), "Test --fast runs the command from the build, not the published one")
    .Does(() =>
{
    var aot = CanCompileAheadOfTime();
    if (!aot)
        Warning("clang not found: publishing the `publishing` command ReadyToRun, which starts slower than the natively "
            + "compiled one; scripts/install-deps.sh installs clang and zlib1g-dev (Debian/Ubuntu).");
    // A clean folder: nothing left over from a build of the other kind.
    if (DirectoryExists(productDirectory)) CleanDirectory(productDirectory);
    var settings = new DotNetPublishSettings
    {
        Configuration = configuration,
        OutputDirectory = productDirectory,
        Verbosity = DotNetVerbosity.Quiet,
        MSBuildSettings = new DotNetMSBuildSettings(),
    };
    if (!aot) settings.MSBuildSettings.WithProperty("PublishAot", "false");
    DotNetPublish(cliProject, settings);
});

Task("Build")
    .Does(() =>
{
    DotNetBuild(solution, new DotNetBuildSettings { Configuration = configuration });
});

Task("Validate")
    .Description("Runs the editors' checks on the content without rendering.")
    .IsDependentOn("Product")
    .Does(() => Publishing("validate", content));

Task("Html")
    .Description("Builds the HTML preview of every document.")
    .IsDependentOn("Product")
    .Does(() => Publishing(new[] { "build", content, "--format", "html" }.Concat(Out("artifacts")).Concat(rebuild ? new[] { "--rebuild" } : new string[0]).ToArray()));

Task("Pdf")
    .Description("Builds the PDF draft of every document.")
    .IsDependentOn("Product")
    .Does(() => Publishing(new[] { "build", content, "--format", "pdf" }.Concat(Out("artifacts")).Concat(rebuild ? new[] { "--rebuild" } : new string[0]).ToArray()));

Task("Draft")
    .Description("Everything for every document: HTML preview and PDF draft (the default).")
    .IsDependentOn("Product")
    .Does(() => Publishing(new[] { "build", content, "--format", "html,pdf" }.Concat(Out("artifacts")).Concat(rebuild ? new[] { "--rebuild" } : new string[0]).ToArray()));

Task("Nightly")
    .Description("Validates and builds every draft and the site into artifacts/nightly/<date>/ with a build report; moves latest on success.")
    .IsDependentOn("Product")
    .Does(() =>
{
    var arguments = new List<string> { "nightly", content };
    arguments.AddRange(Out("artifacts/nightly"));
    if (keep != "") arguments.AddRange(new[] { "--keep", keep });
    if (lockWait != "") arguments.AddRange(new[] { "--lock-wait", lockWait });
    if (date != "") arguments.AddRange(new[] { "--date", date });
    if (from != "") arguments.AddRange(new[] { "--from", from });
    Publishing(arguments.ToArray());
});

Task("Preview")
    .Description("Live preview for editors: serves the site on http://127.0.0.1:<port>, rebuilds and reloads on save (Ctrl+C stops).")
    .IsDependentOn("Product")
    .Does(() => Publishing(new[] { "serve", content, "--port", port }.Concat(Out("artifacts")).ToArray()));

Task("Volume")
    .Description("The combined volume (汇编) of every document: one PDF with a combined 目录 and bookmarks, artifacts/volume.pdf.")
    .IsDependentOn("Product")
    .Does(() => Publishing(new[] { "volume", content }.Concat(Out("artifacts")).ToArray()));

Task("Workbook")
    .Description("The fill-in workbook (.xlsx) of every form, or of --form=<name>: artifacts/workbooks/<form>.xlsx (docs/workbooks.md).")
    .IsDependentOn("Product")
    .Does(() =>
{
    var forms = form != "" ? new[] { form }
        : System.IO.Directory.GetDirectories(System.IO.Path.Combine(templates != "" ? templates : "templates", "forms"))
            .Where(d => System.IO.File.Exists(System.IO.Path.Combine(d, "form.yaml")))
            .Select(d => System.IO.Path.GetFileName(d)).OrderBy(n => n, StringComparer.Ordinal).ToArray();
    foreach (var name in forms)
        Publishing("workbook", "--form", name, "--out", System.IO.Path.Combine(output != "" ? output : "artifacts", "workbooks", name + ".xlsx"));
});

Task("Deps")
    .Description("Installs what the native command and the tests need beyond the SDK (clang, zlib, Chromium, poppler-utils, CJK fonts).")
    .WithCriteria(IsRunningOnLinux())
    .Does(() =>
{
    var exit = StartProcess("bash", new ProcessSettings { Arguments = "scripts/install-deps.sh" });
    if (exit != 0) throw new Exception("scripts/install-deps.sh failed with exit code " + exit);
});

Task("Test")
    .Description("Runs every test project; the tests that start the command as a process run the published one.")
    .IsDependentOn("Deps")
    .IsDependentOn("Build")
    .IsDependentOn("Product")
    .Does(() =>
{
    var settings = new DotNetTestSettings { Configuration = configuration, NoBuild = true, NoRestore = true };
    // The quick tier leaves out the browser tests; the tests that start the command run the JIT build's.
    if (fast) settings.Filter = "FullyQualifiedName!~Publishing.Tests.Browser";
    else settings.EnvironmentVariables["PUBLISHING_COMMAND"] = MakeAbsolute(File(publishingCommand)).FullPath;
    DotNetTest(solution, settings);
});

RunTarget(target);
