using CsvHelper;
using Publishing.Diagnostics;

namespace Publishing.Content;

/// <summary>
/// Reads CSV text into a <see cref="CsvTable"/> with CsvHelper's reader, reporting what an editor can fix:
/// bad quoting and a wrong number of fields, each at its line. Mapping columns to meaning is the caller's.
/// We read fields rather than [CsvRecord] types because every cell needs its own located diagnostic.
/// </summary>
public static class CsvTableReader
{
    public static CsvTable? Read(string text, string displayPath, DiagnosticBag diagnostics)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            diagnostics.Error(DiagnosticCodes.CsvEmptyFile, displayPath, 1, 1, "CSV 文件是空的：第一行应是列名。");
            return null;
        }

        var lines = text.Split('\n');
        var malformed = new List<CsvMalformedRecord>();
        var options = new CsvReaderOptions
        {
            Separator = ',',
            TrackLineNumbers = true,
            AllowLineBreaksInQuotes = true,
            MalformedData = CsvMalformedDataHandling.Recover,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            OnMalformedRecord = malformed.Add,
        };

        var header = new List<CsvHeaderCell>();
        var rows = new List<CsvRecordRow>();
        using (var reader = CsvReader.FromText(text, options))
        {
            // The header is the first line with text: after the first Read the reader's LineNumber is
            // already the first data record's, which is not where the column names are.
            var headerLine = Array.FindIndex(lines, l => l.Trim().Length > 0) + 1;
            while (reader.Read())
            {
                if (header.Count == 0)
                {
                    var headerColumns = FieldColumns(lines, headerLine);
                    for (var i = 0; i < reader.Headers.Count; i++)
                        header.Add(new CsvHeaderCell(reader.Headers[i].Trim(), i, headerLine, Column(headerColumns, i)));
                }
                var fields = new string[reader.FieldCount];
                for (var i = 0; i < fields.Length; i++) fields[i] = reader.GetString(i);
                rows.Add(new CsvRecordRow((int)reader.LineNumber, fields, FieldColumns(lines, (int)reader.LineNumber)));
            }
            if (header.Count == 0 && reader.Headers.Count > 0)
            {
                var headerColumns = FieldColumns(lines, headerLine);
                for (var i = 0; i < reader.Headers.Count; i++)
                    header.Add(new CsvHeaderCell(reader.Headers[i].Trim(), i, headerLine, Column(headerColumns, i)));
            }
        }

        var broken = new HashSet<int>();
        foreach (var record in malformed)
        {
            var line = (int)record.LineNumber;
            var message = record.Reason switch
            {
                CsvMalformedReason.UnterminatedQuote => "引号没有闭合：这一行开始的单元格以 \" 开头，但直到文件结尾都没有结束的 \"。请补上引号。",
                CsvMalformedReason.StrayQuote => "单元格中间有单独的引号 \"：若要在单元格中写引号，请把整个单元格用引号括起来并把 \" 写成 \"\"。",
                CsvMalformedReason.TextAfterClosingQuote => "结束引号后面还有文字：请把整个单元格放在一对引号中。",
                CsvMalformedReason.LineBreakInQuotes => "引号内有换行。",
                _ => null,
            };
            if (message is null) continue;
            diagnostics.Error(DiagnosticCodes.CsvMalformedQuote, displayPath, Math.Max(line, 1), 1, message);
            broken.Add(line);
        }

        if (header.Count == 0)
        {
            diagnostics.Error(DiagnosticCodes.CsvEmptyFile, displayPath, 1, 1, "CSV 文件没有列名行。");
            return null;
        }

        // A record with broken quoting was reported above; its fields are garbage, so it is neither
        // counted nor handed on (that would add "wrong number of fields" and "empty cell" for the same slip).
        rows.RemoveAll(r => broken.Contains(r.Line));
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Fields.Count == header.Count) continue;
            // A row of only empty fields (Excel's trailing ",,,,") is not an editor's mistake worth an error.
            if (row.Fields.All(string.IsNullOrWhiteSpace)) continue;
            diagnostics.Error(DiagnosticCodes.CsvFieldCount, displayPath, row.Line, 1,
                $"这一行有 {row.Fields.Count} 个单元格，而列名行有 {header.Count} 个。常见原因：单元格内有英文逗号却没有用引号括起来。");
            rows[i] = row with { HasWrongFieldCount = true };
        }

        return new CsvTable(displayPath, header, rows.Where(r => !r.Fields.All(string.IsNullOrWhiteSpace)).ToList());
    }

    private static int Column(IReadOnlyList<int> columns, int index) => index < columns.Count ? columns[index] : 1;

    /// <summary>1-based character columns where each field of the record starting at that line begins.</summary>
    private static IReadOnlyList<int> FieldColumns(string[] lines, int lineNumber)
    {
        var columns = new List<int> { 1 };
        if (lineNumber < 1 || lineNumber > lines.Length) return columns;
        var inQuotes = false;
        var line = lines[lineNumber - 1];
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"') inQuotes = !inQuotes;
            else if (c == ',' && !inQuotes) columns.Add(i + 2);
        }
        return columns;
    }
}
