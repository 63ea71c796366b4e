using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Publishing.Layout;

/// <summary>
/// Where a run's time goes, per stage, summed over every document and worker thread: wall time and the
/// thread's own CPU time (on Linux; CPU time is what a loaded machine does not inflate). Off unless
/// <see cref="Enabled"/> (the command's <c>--timings</c> or <c>PUBLISHING_TIMINGS=1</c>); when off a
/// measurement costs one branch. Stage names nest with '/' ("pdf/layout" is part of "pdf").
/// </summary>
public static partial class StageTimes
{
    public static bool Enabled { get; set; }

    private sealed class Totals
    {
        public long WallTicks, CpuNanoseconds, Count;
    }

    private static readonly ConcurrentDictionary<string, Totals> ByStage = new(StringComparer.Ordinal);

    /// <summary>Measures until disposed: <c>using var _ = StageTimes.Measure("pdf/layout");</c></summary>
    public static Scope Measure(string stage) =>
        Enabled ? new Scope(stage, Stopwatch.GetTimestamp(), ThreadCpuNanoseconds()) : default;

    public readonly struct Scope(string? stage, long startTicks, long startCpu) : IDisposable
    {
        public void Dispose()
        {
            if (stage is null) return;
            var totals = ByStage.GetOrAdd(stage, _ => new Totals());
            Interlocked.Add(ref totals.WallTicks, Stopwatch.GetTimestamp() - startTicks);
            Interlocked.Add(ref totals.CpuNanoseconds, ThreadCpuNanoseconds() - startCpu);
            Interlocked.Increment(ref totals.Count);
        }
    }

    public sealed record Row(string Stage, int Count, TimeSpan Wall, TimeSpan Cpu);

    /// <summary>The stages measured so far, in the order of their names (a stage before its parts).</summary>
    public static IReadOnlyList<Row> Snapshot() =>
        ByStage.OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => new Row(s.Key, (int)Interlocked.Read(ref s.Value.Count),
                Stopwatch.GetElapsedTime(0, Interlocked.Read(ref s.Value.WallTicks)),
                TimeSpan.FromTicks(Interlocked.Read(ref s.Value.CpuNanoseconds) / 100)))
            .ToList();

    public static void Reset() => ByStage.Clear();

    /// <summary>The table <c>--timings</c> prints: stage, count, wall and CPU in total and per call.</summary>
    public static string Format(IReadOnlyList<Row> rows)
    {
        var lines = new List<string> { $"{"stage",-28} {"count",6} {"wall ms",10} {"cpu ms",10} {"cpu ms/call",12}" };
        foreach (var row in rows)
        {
            var depth = row.Stage.Count(c => c == '/');
            var name = new string(' ', 2 * depth) + row.Stage[(row.Stage.LastIndexOf('/') + 1)..];
            lines.Add($"{name,-28} {row.Count,6} {row.Wall.TotalMilliseconds,10:F0} {row.Cpu.TotalMilliseconds,10:F0} {row.Cpu.TotalMilliseconds / Math.Max(1, row.Count),12:F2}");
        }
        // What the runtime spent besides: the JIT (code not precompiled, or recompiled hotter) and the GC.
        lines.Add($"runtime: JIT {System.Runtime.JitInfo.GetCompiledMethodCount()} methods in {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:F0} ms; " +
            $"GC {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} collections (gen 0/1/2), paused {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms, " +
            $"{GC.GetTotalAllocatedBytes() / (1024 * 1024)} MiB allocated; process CPU {Environment.CpuUsage.TotalTime.TotalMilliseconds:F0} ms");
        return string.Join('\n', lines);
    }

    private static readonly bool HasThreadClock = OperatingSystem.IsLinux();

    private static long ThreadCpuNanoseconds()
    {
        if (!HasThreadClock) return 0;
        return clock_gettime(ClockThreadCpuTime, out var now) == 0 ? now.Seconds * 1_000_000_000 + now.Nanoseconds : 0;
    }

    private const int ClockThreadCpuTime = 3; // CLOCK_THREAD_CPUTIME_ID

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc")]
    private static partial int clock_gettime(int clock, out TimeSpec time);
}
