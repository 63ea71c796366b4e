namespace Publishing.Build;

/// <summary>
/// Keeps a long run's memory independent of its number of documents (issue 19). Each document's layout and DOM live
/// for a few hundred milliseconds, long enough to be promoted to the oldest generation, where the runtime's
/// background collections free them without compacting: the holes they leave, between the run-wide shaping cache's
/// entries, made the committed heap grow by ~0.2 MB a document (1,000 documents: 452 MiB). After a document, when the
/// committed heap has grown by <see cref="GrowthBytes"/> since the last compaction, one compacting collection gives
/// the holes back (~0.1 s for a 100 MB heap, about every 50 documents; a run's CPU measured the same: the background
/// collections it spares cost as much).
/// </summary>
public sealed class HeapBudget
{
    /// <summary>How far the committed heap may grow past what the last compaction left before the next one.</summary>
    public const long GrowthBytes = 64L << 20;

    private readonly Lock _lock = new();
    private long _baseline = Committed();

    /// <summary>Called after each document (from any worker): compacts when the heap has outgrown its budget.</summary>
    public void DocumentDone()
    {
        if (Committed() - Volatile.Read(ref _baseline) < GrowthBytes) return;
        lock (_lock)
        {
            if (Committed() - _baseline < GrowthBytes) return;   // another worker just compacted
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            _baseline = Committed();
        }
    }

    /// <summary>The heap's committed memory as the last collection left it (cheap: no collection, no system call).</summary>
    private static long Committed() => GC.GetGCMemoryInfo(GCKind.Any).TotalCommittedBytes;
}
