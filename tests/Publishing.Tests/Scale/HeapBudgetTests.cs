using Publishing.Build;

namespace Publishing.Tests.Scale;

/// <summary>
/// The run's heap stays bounded by the number of documents in flight, not the number built (issue 19): once the
/// committed heap has grown past its budget since the last compaction, the next document's end compacts it.
/// (The whole-process figures — 100, 1,000 and 5,000 documents — are in docs/scaling.md, from scripts/benchmark.sh scale.)
/// Run alone: other tests' allocations and collections in the same process would move the figures it reads.
/// </summary>
[Collection(nameof(HeapBudgetTests))]
public class HeapBudgetTests
{
    [Fact]
    public void A_heap_grown_past_its_budget_is_compacted_after_the_next_document()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);   // a known start
        var budget = new HeapBudget();
        var kept = new List<byte[]>();
        // Grow the committed heap by twice the budget, and let a collection see it (the budget reads the last one's figures).
        for (var i = 0; i < 2 * HeapBudget.GrowthBytes / (1 << 20); i++) kept.Add(new byte[1 << 20]);
        GC.Collect(0);
        var grown = GC.GetGCMemoryInfo(GCKind.Any).TotalCommittedBytes;
        kept.Clear();

        var compactions = GC.CollectionCount(GC.MaxGeneration);
        budget.DocumentDone();

        GC.CollectionCount(GC.MaxGeneration).ShouldBeGreaterThan(compactions);
        // The garbage is given back: the heap is committed under what it had grown to.
        GC.GetGCMemoryInfo(GCKind.Any).TotalCommittedBytes.ShouldBeLessThan(grown);
    }
}

/// <summary>The tests of the run's heap, with no other test running beside them.</summary>
[CollectionDefinition(nameof(HeapBudgetTests), DisableParallelization = true)]
public class HeapBudgetCollection;
