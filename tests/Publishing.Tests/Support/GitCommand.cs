using System.Diagnostics;

namespace Publishing.Tests.Support;

/// <summary>git, run by the tests to make a content repository (commits by a fixed test author).</summary>
public static class GitCommand
{
    /// <summary>Runs git in <paramref name="directory"/>; fails the test on a non-zero exit; returns what it printed.</summary>
    public static string Run(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-c", "user.name=t", "-c", "user.email=t@example.org" }.Concat(args)) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, stderr.Result);
        return stdout;
    }
}
