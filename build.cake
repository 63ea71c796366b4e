// Build script: ./build.sh [--target=Draft|Html|Pdf|Validate|Preview|Test|Build|Clean] [--configuration=Release]
//                          [--content=content] [--out=artifacts] [--port=8080]
var target = Argument("target", "Draft");
var configuration = Argument("configuration", "Release");
var content = Argument("content", "content");
var output = Argument("out", "artifacts");
var port = Argument("port", "8080");

var solution = "./Publishing.sln";
var cliProject = "./pipeline/Publishing.Cli/Publishing.Cli.csproj";

// Runs the built `publishing` command; a non-zero exit fails the task with the tool's own diagnostics shown.
void Publishing(params string[] arguments)
{
    var settings = new DotNetRunSettings
    {
        Configuration = configuration,
        NoBuild = true,
        NoRestore = true,
    };
    var args = new ProcessArgumentBuilder();
    foreach (var argument in arguments) args.AppendQuoted(argument);
    DotNetRun(cliProject, args, settings);
}

Task("Clean")
    .Does(() =>
{
    CleanDirectories("./pipeline/**/bin/" + configuration);
    CleanDirectories("./pipeline/**/obj");
    CleanDirectories("./tests/**/bin/" + configuration);
    CleanDirectories("./tests/**/obj");
    if (DirectoryExists(output)) DeleteDirectory(output, new DeleteDirectorySettings { Recursive = true, Force = true });
});

Task("Build")
    .Does(() =>
{
    DotNetBuild(solution, new DotNetBuildSettings { Configuration = configuration });
});

Task("Validate")
    .Description("Runs the editors' checks on the content without rendering.")
    .IsDependentOn("Build")
    .Does(() => Publishing("validate", content));

Task("Html")
    .Description("Builds the HTML preview of every document.")
    .IsDependentOn("Build")
    .Does(() => Publishing("build", content, "--out", output, "--format", "html"));

Task("Pdf")
    .Description("Builds the PDF draft of every document.")
    .IsDependentOn("Build")
    .Does(() => Publishing("build", content, "--out", output, "--format", "pdf"));

Task("Draft")
    .Description("Everything for every document: HTML preview and PDF draft (the default).")
    .IsDependentOn("Build")
    .Does(() => Publishing("build", content, "--out", output, "--format", "html,pdf"));

Task("Preview")
    .Description("Live preview for editors: serves the site on http://127.0.0.1:<port>, rebuilds and reloads on save (Ctrl+C stops).")
    .IsDependentOn("Build")
    .Does(() => Publishing("serve", content, "--out", output, "--port", port));

Task("Deps")
    .Description("Installs what tests need beyond the SDK (Chromium, poppler-utils, a CJK font).")
    .WithCriteria(IsRunningOnLinux())
    .Does(() =>
{
    var exit = StartProcess("bash", new ProcessSettings { Arguments = "scripts/install-deps.sh" });
    if (exit != 0) throw new Exception("scripts/install-deps.sh failed with exit code " + exit);
});

Task("Test")
    .Description("Runs every test project.")
    .IsDependentOn("Deps")
    .IsDependentOn("Build")
    .Does(() =>
{
    DotNetTest(solution, new DotNetTestSettings
    {
        Configuration = configuration,
        NoBuild = true,
        NoRestore = true,
    });
});

RunTarget(target);
