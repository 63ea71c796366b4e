using Publishing.Cli;

namespace Publishing.Tests.Support;

/// <summary>Runs the `publishing` command in-process and captures what it prints.</summary>
public static class PublishingCommand
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string[] DiagnosticLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.Contains(": error PUB", StringComparison.Ordinal) || l.Contains(": warning PUB", StringComparison.Ordinal))
            .ToArray();
    }

    public static Result Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = PublishingCli.Run(args, stdout, stderr);
        return new Result(exit, stdout.ToString(), stderr.ToString());
    }
}
