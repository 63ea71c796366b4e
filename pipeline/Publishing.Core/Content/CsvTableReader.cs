using System.Text;
using CsvHelper;
using Publishing.Diagnostics;
using Publishing.Model;

namespace Publishing.Content;

/// <summary>
/// Reads CSV text into a <see cref="CsvTable"/> with CsvHelper's reader — the one parse of every CSV file —
/// keeping each cell's position (from the record's byte offset and the fields' raw spans), so that later
/// stages and checks point at a cell, or a word in it, without reading the file again. Reports what an
/// editor can fix: bad quoting (at the cell where the quote opens) and a wrong number of fields.
/// We read fields rather than [CsvRecord] types because every cell needs its own located diagnostic.
/// </summary>
public static class CsvTableReader
{
    /// <summary>
    /// The table, or null when it cannot be used. Reading stops at the first data row past the row limit
    /// (reported there), so a file far too long costs no more than the limit's worth of parsing.
    /// </summary>
    public static CsvTable? Read(string text, string displayPath, DiagnosticBag diagnostics, ContentLimits? limits = null)
    {
        var maxRows = (limits ?? ContentLimits.None).MaxRowsPerFile;
        if (string.IsNullOrWhiteSpace(text))
        {
            diagnostics.Add(DiagnosticCatalog.CsvEmptyFile["empty"].At(displayPath, 1, 1));
            return null;
        }

        var positions = new BytePositions(text);
        var malformed = new List<CsvMalformedRecord>();
        var options = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = false, // the header is read as the first record, so its cells have positions too
            TrackLineNumbers = true,
            AllowLineBreaksInQuotes = true,
            MalformedData = CsvMalformedDataHandling.Recover,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            OnMalformedRecord = malformed.Add,
        };

        var records = new List<CsvRecordRow>();
        var rawByRecord = new List<string[]>();
        var headerRead = false;
        var dataRows = 0;
        using (var reader = CsvReader.FromText(text, options))
        {
            while (reader.Read())
            {
                var offset = reader.ByteOffset;
                var cells = new Cell[reader.FieldCount];
                var raws = new string[reader.FieldCount];
                for (var i = 0; i < cells.Length; i++)
                {
                    var raw = reader.GetRawSpan(i);
                    var (line, column) = positions.At(offset);
                    raws[i] = Encoding.UTF8.GetString(raw);
                    cells[i] = new Cell(displayPath, line, column, raws[i], reader.GetString(i));
                    offset += raw.Length + 1; // the separator
                }
                var row = new CsvRecordRow(cells.Length > 0 ? cells[0].Line : (int)reader.LineNumber, cells);
                records.Add(row);
                rawByRecord.Add(raws);
                if (row.Cells.All(c => c.Text.Length == 0)) continue;
                if (!headerRead) headerRead = true;
                else if (++dataRows > maxRows)
                {
                    limits!.ReportTooManyRows(diagnostics, displayPath, row.Line);
                    return null;
                }
            }
        }

        // Each malformed record is reported at the cell where its quoting goes wrong; its fields are garbage,
        // so it is neither counted nor handed on (that would add "wrong number of fields" and "empty cell").
        var brokenLines = new HashSet<int>();
        foreach (var record in malformed)
        {
            var wording = record.Reason switch
            {
                CsvMalformedReason.UnterminatedQuote => "unterminated",
                CsvMalformedReason.StrayQuote => "stray",
                CsvMalformedReason.TextAfterClosingQuote => "text-after-closing",
                CsvMalformedReason.LineBreakInQuotes => "line-break",
                _ => null,
            };
            if (wording is null) continue;
            var index = records.FindLastIndex(r => r.Line <= Math.Max((int)record.LineNumber, 1));
            var at = index < 0 ? new SourceLocation(displayPath, Math.Max((int)record.LineNumber, 1), 1)
                : Culprit(records[index], rawByRecord[index], record.Reason);
            diagnostics.Add(DiagnosticCatalog.CsvMalformedQuote[wording].At(displayPath, at.Line, at.Column));
            if (index >= 0) brokenLines.Add(records[index].Line);
        }

        var firstRecord = records.FindIndex(r => !r.Cells.All(c => c.Text.Length == 0));
        if (firstRecord < 0 || brokenLines.Contains(records[firstRecord].Line))
        {
            if (firstRecord < 0) diagnostics.Add(DiagnosticCatalog.CsvEmptyFile["no-header"].At(displayPath, 1, 1));
            return null;
        }
        var header = records[firstRecord].Cells
            .Select((cell, i) => new CsvHeaderCell(cell.Text, i, cell.Line, cell.Column))
            .ToList();

        var rows = new List<CsvRecordRow>();
        foreach (var row in records.Skip(firstRecord + 1))
        {
            if (brokenLines.Contains(row.Line)) continue;
            // A row of only empty fields (Excel's trailing ",,,,") is not an editor's mistake worth an error.
            if (row.Cells.All(c => c.Text.Length == 0)) continue;
            if (row.Cells.Count == header.Count)
            {
                rows.Add(row);
                continue;
            }
            diagnostics.Add(DiagnosticCatalog.CsvFieldCount["row"].At(displayPath, row.Line, 1, ("cells", row.Cells.Count), ("header", header.Count)));
            rows.Add(row with { HasWrongFieldCount = true });
        }
        return new CsvTable(displayPath, header, rows);
    }

    /// <summary>The cell whose quoting is broken: the last one opening a quote, or the one with a quote inside it.</summary>
    private static SourceLocation Culprit(CsvRecordRow row, string[] raws, CsvMalformedReason reason)
    {
        if (reason == CsvMalformedReason.UnterminatedQuote)
        {
            for (var i = raws.Length - 1; i >= 0; i--)
                if (raws[i].TrimStart().StartsWith('"')) return At(row.Cells[i], raws[i].Length - raws[i].TrimStart().Length);
        }
        for (var i = 0; i < raws.Length; i++)
            if (raws[i].Contains('"') && !IsWellQuoted(raws[i].Trim())) return At(row.Cells[i], 0);
        return new SourceLocation(row.Cells.Count > 0 ? row.Cells[0].Path : "", row.Line, 1);
    }

    /// <summary>"…" with every inner quote doubled.</summary>
    private static bool IsWellQuoted(string raw) =>
        raw.Length >= 2 && raw[0] == '"' && raw[^1] == '"' && raw[1..^1].Replace("\"\"", "").IndexOf('"') < 0;

    private static SourceLocation At(Cell cell, int offset) => new(cell.Path, cell.Line, cell.Column + offset);

    /// <summary>Maps a byte offset of the text's UTF-8 form (CsvHelper's record offsets) to a 1-based line and column.</summary>
    private sealed class BytePositions
    {
        private readonly byte[] _bytes;
        private readonly List<int> _lineStarts = new() { 0 };

        public BytePositions(string text)
        {
            _bytes = Encoding.UTF8.GetBytes(text);
            for (var i = 0; i < _bytes.Length; i++)
                if (_bytes[i] == (byte)'\n') _lineStarts.Add(i + 1);
        }

        public (int Line, int Column) At(long offset)
        {
            var position = (int)Math.Clamp(offset, 0, _bytes.Length);
            var index = _lineStarts.BinarySearch(position);
            if (index < 0) index = ~index - 1;
            var start = _lineStarts[index];
            return (index + 1, Encoding.UTF8.GetCharCount(_bytes, start, position - start) + 1);
        }
    }
}
