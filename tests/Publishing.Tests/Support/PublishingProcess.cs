using System.Diagnostics;

namespace Publishing.Tests.Support;

/// <summary>
/// Starts the `publishing` command as a process: the command users run (the ahead-of-time compiled
/// bin/publishing/publishing that ./build.sh publishes) when PUBLISHING_COMMAND names it, as
/// `./build.sh --target=Test` and CI do; otherwise the JIT build beside the tests (`dotnet publishing.dll`), so a
/// plain `dotnet test` never runs a stale product left over from an older build.
/// </summary>
public static class PublishingProcess
{
    public const string CommandVariable = "PUBLISHING_COMMAND";

    /// <summary>The published command under test, or null when the tests run the JIT build.</summary>
    public static string? PublishedCommand
    {
        get
        {
            var command = Environment.GetEnvironmentVariable(CommandVariable);
            if (string.IsNullOrEmpty(command)) return null;
            var path = Path.GetFullPath(command, RepoPaths.Root);
            // Named but missing is a broken test set-up, not a reason to quietly test something else.
            if (!File.Exists(path)) throw new FileNotFoundException($"{CommandVariable} names {path}, which does not exist", path);
            return path;
        }
    }

    /// <summary>The JIT build of the command, beside the test assembly.</summary>
    public static ProcessStartInfo JitStartInfo(params string[] args) =>
        StartInfo("dotnet", new[] { Path.Combine(AppContext.BaseDirectory, "publishing.dll") }.Concat(args));

    /// <summary>The command users run when it is named (see above), else the JIT build.</summary>
    public static ProcessStartInfo StartInfo(params string[] args) =>
        PublishedCommand is { } command ? StartInfo(command, args) : JitStartInfo(args);

    private static ProcessStartInfo StartInfo(string program, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        return info;
    }
}
