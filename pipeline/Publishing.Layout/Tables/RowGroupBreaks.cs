namespace Publishing.Layout.Tables;

/// <summary>
/// Where a table's page break goes when the rows that fit end inside a row group (a merged 二级 run), as a
/// typesetter would: the group breaks where the page ends, its merged labels repeated on the next page, but
/// never with fewer than <see cref="Table.KeepRowsAtBreak"/> (default <see cref="TableStyle.KeepRowsAtBreak"/>,
/// 2) of its rows on either side — the break moves up a row or two, or before a group too small to split — and
/// the table's first and last rows likewise. That move is the only blank it leaves beyond the row that did not fit,
/// and the default rule gives way when the blank would pass the height of the row opening the next page plus
/// <see cref="TableStyle.MaxExtraBlank"/>; what the form asks (a number of rows on the table, a keep-together row
/// group) holds whatever blank it costs.
/// </summary>
internal static class RowGroupBreaks
{
    /// <param name="end">The first row that does not fit after <paramref name="start"/>.</param>
    /// <returns>The first row of the next page, and the height of the rows before it on this one; <paramref name="start"/>
    /// when the table's first rows should go on with the rest to the next page (never at a page's top).</returns>
    public static (int End, double Used) Choose(Table table, Table.Plan plan, int start, int end, double used, double available, bool atPageTop)
    {
        double Height(int from, int to) { var h = 0.0; for (var i = from; i < to; i++) h += plan.BodyRows[i]; return h; }
        var body = table.Body;
        var next = body[end];
        if (next.Break == RowGroupBreak.KeepTogether)
        {
            var first = end;
            while (first > start && body[first - 1].Group == next.Group) first--;
            if (first > start) return (first, used - Height(first, end));
        }
        var asked = table.KeepRowsAtBreak;
        var keep = KeepRowsEachSide(table, plan, start, end, Math.Max(1, asked ?? table.Style.KeepRowsAtBreak));
        if (keep == end) return (end, used);                       // the break keeps the rule as it is
        // No break keeps the rule here: at a page's top the page ends where it must; elsewhere the table's first rows
        // go on to the next page with the rest (the blank is then all the table had: its header and the room below).
        if (keep <= start && atPageTop) return (end, used);
        keep = Math.Max(keep, start);
        var blank = keep == start ? available + plan.HeaderRows.Sum() : available - used + Height(keep, end);
        // The blank measured against the row that will open the next page.
        if (asked is null && blank > plan.BodyRows[keep] + table.Style.MaxExtraBlank + 0.001) return (end, used);
        return keep == start ? (start, 0) : (keep, used - Height(keep, end));
    }

    /// <summary>The latest break at or before <paramref name="end"/> that leaves the table's body and every row-spanning
    /// group crossing it at least <paramref name="keep"/> rows on each side (a group of fewer than twice that goes on
    /// whole; a table's first rows go with the rest rather than stand alone under its caption).</summary>
    private static int KeepRowsEachSide(Table table, Table.Plan plan, int start, int end, int keep)
    {
        var rows = table.Body.Count;
        var e = end;
        while (e > start)
        {
            var target = Math.Min(e, rows - keep);
            if (target < keep) target = 0;
            var moved = target < e;
            if (moved) { e = target; continue; }
            foreach (var cell in plan.Covering(plan.BodyCells, e, e + 1))
            {
                if (cell.Row >= e || cell.RowSpan < 2 || table.Body[cell.Row].Break == RowGroupBreak.MaySplit) continue;
                var (first, last) = (cell.Row, cell.Row + cell.RowSpan);
                target = Math.Min(e, last - keep);
                if (target - first < keep) target = first;
                if (target < e) { e = target; moved = true; break; }
            }
            if (!moved) return e;
        }
        return e;
    }
}
