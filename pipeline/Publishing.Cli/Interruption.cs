using System.Runtime.InteropServices;
using Publishing.Output;

namespace Publishing.Cli;

/// <summary>
/// Ctrl+C (SIGINT) and a stop request (SIGTERM, as CI and service managers send) end the command
/// without leaving our temporary files behind, with the conventional exit codes 130 and 143 (128 + signal).
/// Outputs already renamed into place are complete; the ones not yet renamed keep their previous version; a
/// document's files are renamed together, so the stop waits for a set being renamed and discards a set not begun
/// (its HTML page, PDF and fonts are all old or all new); the nightly's staging folder is removed.
/// </summary>
public static class Interruption
{
    public const int ExitOnInterrupt = 130, ExitOnTerminate = 143;

    private static int _requestedExit;

    /// <summary>
    /// The exit code a signal asked for, once one arrived. The main thread may still be running when the
    /// handler discards the pending outputs (and so fail on a file that just vanished): its own result must
    /// then give way to the signal's, never turn into an internal error.
    /// </summary>
    public static int? RequestedExit => Volatile.Read(ref _requestedExit) is var code and not 0 ? code : null;

    /// <summary>
    /// Installs the handlers for a command that writes outputs. Not for `serve`, whose web host stops
    /// cleanly on the same signals by itself.
    /// </summary>
    public static IDisposable[] Handle(IReadOnlyList<string> args) =>
        CommandLine.Parse(args).Command == "serve"
            ? []
            :
            [
                PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Stop(context, ExitOnInterrupt)),
                PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Stop(context, ExitOnTerminate)),
            ];

    private static void Stop(PosixSignalContext context, int exitCode)
    {
        context.Cancel = true;
        Volatile.Write(ref _requestedExit, exitCode);
        AtomicFile.DiscardAllPending();
        Console.Error.WriteLine(exitCode == ExitOnInterrupt ? "publishing: 已中断，未完成的输出已清除。" : "publishing: 已终止，未完成的输出已清除。");
        Environment.Exit(exitCode);
    }
}
