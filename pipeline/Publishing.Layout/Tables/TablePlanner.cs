namespace Publishing.Layout.Tables;

/// <summary>
/// Places cells in the grid the way HTML does: each cell takes the next free slot of its row, slots covered by
/// a row span from above are skipped. Separate from layout so it is tested on its own. When the table
/// declares its columns (<paramref name="limit"/> &gt; 0), nothing is placed beyond them: a colspan reaching
/// further is cut at the last column and a cell starting beyond it is left out (the caller reports such rows,
/// see <see cref="RowsWiderThan"/>), so nothing is drawn outside the table.
/// </summary>
internal static class TablePlanner
{
    /// <summary>Rows whose cells (with colspans and the row spans from above) reach past <paramref name="columns"/>: (row, columns it needs).</summary>
    public static List<(int Row, int Columns)> RowsWiderThan(IReadOnlyList<TableRow> rows, int columns)
    {
        var (cells, _, _) = Plan(rows, 0, false);
        return cells.GroupBy(c => c.Row).Select(g => (Row: g.Key, Columns: g.Max(c => c.Column + c.ColSpan)))
            .Where(r => r.Columns > columns).OrderBy(r => r.Row).ToList();
    }

    public static (List<PlacedCell> Cells, int Rows, int Columns) Plan(IReadOnlyList<TableRow> rows, int minColumns, bool header, int limit = 0)
    {
        var occupied = new List<bool[]>();
        var placed = new List<PlacedCell>();
        var columns = Math.Max(1, minColumns);
        bool IsTaken(int r, int c) => r < occupied.Count && c < occupied[r].Length && occupied[r][c];
        void Take(int r, int c)
        {
            while (occupied.Count <= r) occupied.Add(new bool[columns]);
            if (occupied[r].Length <= c) { var a = occupied[r]; Array.Resize(ref a, c + 1); occupied[r] = a; }
            occupied[r][c] = true;
        }

        for (var r = 0; r < rows.Count; r++)
        {
            var c = 0;
            foreach (var cell in rows[r].Cells)
            {
                while (IsTaken(r, c)) c++;
                if (limit > 0 && c >= limit) break;
                var rowSpan = Math.Clamp(cell.RowSpan, 1, rows.Count - r);
                var colSpan = limit > 0 ? Math.Clamp(cell.ColSpan, 1, limit - c) : Math.Max(1, cell.ColSpan);
                for (var dr = 0; dr < rowSpan; dr++)
                    for (var dc = 0; dc < colSpan; dc++) Take(r + dr, c + dc);
                placed.Add(new PlacedCell(cell, r, c, rowSpan, colSpan, header));
                c += colSpan;
                columns = Math.Max(columns, c);
            }
        }
        return (placed, rows.Count, columns);
    }
}
