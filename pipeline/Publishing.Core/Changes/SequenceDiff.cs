namespace Publishing.Changes;

/// <summary>
/// Myers' diff (the O(ND) greedy algorithm) over sequences of token ids — paragraphs, sentences or characters —
/// with a cost cap: each step of the search is paid from a budget shared by the caller's whole comparison, and
/// the number of edits is capped (the search keeps one row per edit, so its memory grows with their square). A
/// comparison that would cost more gives up (null) and the caller shows the text whole. The common head and tail
/// are matched first, in linear time, so one edit in a long text costs little.
/// </summary>
internal static class SequenceDiff
{
    /// <summary>A run of tokens deleted from the old sequence and inserted in the new one at the same place.</summary>
    public readonly record struct Block(int DeleteStart, int DeleteCount, int InsertStart, int InsertCount);

    /// <summary>At most this many deleted and inserted tokens (the search's rows are 2d+1 long: ~4 MB at the cap).</summary>
    public const int MaxEdits = 1_000;

    /// <summary>The blocks that turn <paramref name="a"/> into <paramref name="b"/>, in order; null when the budget or the edit cap ran out.</summary>
    public static List<Block>? Blocks(int[] a, int[] b, ref long budget)
    {
        var head = 0;
        while (head < a.Length && head < b.Length && a[head] == b[head]) head++;
        var tail = 0;
        while (tail < a.Length - head && tail < b.Length - head && a[a.Length - 1 - tail] == b[b.Length - 1 - tail]) tail++;
        budget -= head + tail;
        int n = a.Length - head - tail, m = b.Length - head - tail;
        if (n == 0 && m == 0) return [];
        if (n == 0 || m == 0) return [new Block(head, n, head, m)];
        return Middle(a.AsSpan(head, n), b.AsSpan(head, m), head, ref budget);
    }

    /// <summary>The whole of what differs as one block, after the common head and tail (what a comparison that gave up shows).</summary>
    public static Block Whole(int[] a, int[] b)
    {
        var head = 0;
        while (head < a.Length && head < b.Length && a[head] == b[head]) head++;
        var tail = 0;
        while (tail < a.Length - head && tail < b.Length - head && a[a.Length - 1 - tail] == b[b.Length - 1 - tail]) tail++;
        return new Block(head, a.Length - head - tail, head, b.Length - head - tail);
    }

    /// <summary>
    /// A diff that always answers, in O(n log n): the tokens that occur once in each sequence, in the longest run
    /// that keeps their order in both, are matched (patience diff's anchors); what lies between two anchors is one
    /// block (its equal head and tail left out). Not minimal, but right where it matters: unchanged paragraphs
    /// between changed ones. For the paragraphs of a section whose changes are too many for <see cref="Blocks"/>.
    /// </summary>
    public static List<Block> Anchored(int[] a, int[] b)
    {
        var seen = new Dictionary<int, (int InA, int InB, int AtA, int AtB)>();
        for (var i = 0; i < a.Length; i++)
        {
            var e = seen.GetValueOrDefault(a[i]);
            seen[a[i]] = (e.InA + 1, e.InB, i, e.AtB);
        }
        for (var j = 0; j < b.Length; j++)
        {
            var e = seen.GetValueOrDefault(b[j]);
            seen[b[j]] = (e.InA, e.InB + 1, e.AtA, j);
        }
        var unique = seen.Values.Where(e => e.InA == 1 && e.InB == 1).Select(e => (A: e.AtA, B: e.AtB)).OrderBy(p => p.A).ToList();

        // The longest increasing run of B positions (patience sorting: piles' tops, each with the one before it).
        var tops = new List<int>();
        var previous = new int[unique.Count];
        for (var i = 0; i < unique.Count; i++)
        {
            int low = 0, high = tops.Count;
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (unique[tops[middle]].B < unique[i].B) low = middle + 1; else high = middle;
            }
            previous[i] = low > 0 ? tops[low - 1] : -1;
            if (low == tops.Count) tops.Add(i); else tops[low] = i;
        }
        var anchors = new List<(int A, int B)>();
        for (var i = tops.Count > 0 ? tops[^1] : -1; i >= 0; i = previous[i]) anchors.Add(unique[i]);
        anchors.Reverse();
        anchors.Add((a.Length, b.Length));

        var blocks = new List<Block>();
        int fromA = 0, fromB = 0;
        foreach (var (toA, toB) in anchors)
        {
            int startA = fromA, startB = fromB, endA = toA, endB = toB;
            while (startA < endA && startB < endB && a[startA] == b[startB]) { startA++; startB++; }
            while (endA > startA && endB > startB && a[endA - 1] == b[endB - 1]) { endA--; endB--; }
            if (endA > startA || endB > startB) blocks.Add(new Block(startA, endA - startA, startB, endB - startB));
            (fromA, fromB) = (toA + 1, toB + 1);
        }
        return blocks;
    }

    private static List<Block>? Middle(ReadOnlySpan<int> a, ReadOnlySpan<int> b, int offset, ref long budget)
    {
        int n = a.Length, m = b.Length;
        var maxD = Math.Min(n + m, MaxEdits);
        // v[k + maxD]: the furthest x reached on diagonal k (y = x - k); trace[d]: v's diagonals -d..d before step d.
        var v = new int[2 * maxD + 3];
        var trace = new List<int[]>();
        for (var d = 0; d <= maxD; d++)
        {
            var row = new int[2 * d + 1];
            Array.Copy(v, maxD - d + 1, row, 0, 2 * d + 1);   // v is read at k±1: keep -d..d around the centre (+1 shift below)
            trace.Add(row);
            budget -= 2 * d + 1;
            if (budget < 0) return null;
            for (var k = -d; k <= d; k += 2)
            {
                var x = k == -d || (k != d && V(v, maxD, k - 1) < V(v, maxD, k + 1)) ? V(v, maxD, k + 1) : V(v, maxD, k - 1) + 1;
                var y = x - k;
                var start = x;
                while (x < n && y < m && a[x] == b[y]) { x++; y++; }
                budget -= x - start;
                v[k + maxD + 1] = x;
                if (x >= n && y >= m) return Backtrack(trace, maxD, n, m, d, offset);
            }
            if (budget < 0) return null;
        }
        return null;
    }

    private static int V(int[] v, int maxD, int k) => v[k + maxD + 1];

    /// <summary>The path back from (n, m) through the rows kept, as blocks in order.</summary>
    private static List<Block> Backtrack(List<int[]> trace, int maxD, int n, int m, int last, int offset)
    {
        // Each step back is a diagonal run (kept), then one deletion (x-1) or insertion (y-1).
        var edits = new List<(int X, int Y, bool Deleted)>();
        int x = n, y = m;
        for (var d = last; d > 0; d--)
        {
            var row = trace[d];   // v before step d, diagonals -d..d (step d-1 wrote those within -(d-1)..d-1)
            var k = x - y;
            var down = k == -d || (k != d && row[k - 1 + d] < row[k + 1 + d]);
            var previousK = down ? k + 1 : k - 1;
            var previousX = row[previousK + d];
            var previousY = previousX - previousK;
            // Down: b[previousY] inserted at previousX; right: a[previousX] deleted at previousY. Then the diagonal run to (x, y).
            edits.Add((previousX, previousY, !down));
            x = previousX;
            y = previousY;
        }
        edits.Reverse();

        var blocks = new List<Block>();
        foreach (var (ex, ey, deleted) in edits)
        {
            // A deletion removes a[ex] (and stays at y = ey); an insertion adds b[ey] (at x = ex).
            var (aAt, bAt) = (ex + offset, ey + offset);
            if (blocks.Count > 0)
            {
                var open = blocks[^1];
                if (open.DeleteStart + open.DeleteCount == aAt && open.InsertStart + open.InsertCount == bAt)
                {
                    blocks[^1] = deleted ? open with { DeleteCount = open.DeleteCount + 1 } : open with { InsertCount = open.InsertCount + 1 };
                    continue;
                }
            }
            blocks.Add(deleted ? new Block(aAt, 1, bAt, 0) : new Block(aAt, 0, bAt, 1));
        }
        return blocks;
    }
}
