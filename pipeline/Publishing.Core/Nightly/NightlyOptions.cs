using Publishing.Build;

namespace Publishing.Nightly;

/// <param name="Root">Where the runs are kept: &lt;Root&gt;/&lt;yyyy-mm-dd&gt;/ and &lt;Root&gt;/latest.</param>
/// <param name="Keep">Runs kept (the newest; the one latest points at is never removed).</param>
/// <param name="SeedFrom">Outputs to start from instead of the last good run (the shards a CI matrix built):
/// documents whose build there is current are not rendered again.</param>
/// <param name="Date">The run's date (UTC today unless given: re-running a past night, tests).</param>
/// <param name="LockWaitSeconds">How long to wait for another nightly on the same root (--lock-wait).</param>
/// <param name="Say">Where to tell the operator what the run waits for (stderr).</param>
public sealed record NightlyOptions(
    string Root,
    BuildOptions Build,
    int Keep = NightlyOptions.DefaultKeep,
    DateOnly? Date = null,
    string? SeedFrom = null,
    int LockWaitSeconds = NightlyOptions.DefaultLockWaitSeconds,
    Action<string>? Say = null)
{
    public const int DefaultKeep = 14;
    /// <summary>Ten minutes: a night's county run takes a few; a run stuck longer than this is stuck.</summary>
    public const int DefaultLockWaitSeconds = 600;

    public TimeSpan LockWait => TimeSpan.FromSeconds(LockWaitSeconds);
}
