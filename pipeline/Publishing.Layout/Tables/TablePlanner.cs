namespace Publishing.Layout.Tables;

/// <summary>
/// Places cells in the grid the way HTML does: each cell takes the next free slot of its row, slots covered by
/// a row span from above are skipped. Separate from layout so it is tested on its own.
/// </summary>
internal static class TablePlanner
{
    public static (List<PlacedCell> Cells, int Rows, int Columns) Plan(IReadOnlyList<TableRow> rows, int minColumns, bool header)
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
                var rowSpan = Math.Clamp(cell.RowSpan, 1, rows.Count - r);
                var colSpan = Math.Max(1, cell.ColSpan);
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
