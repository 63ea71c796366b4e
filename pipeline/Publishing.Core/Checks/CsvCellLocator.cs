using Publishing.Content;
using Publishing.Diagnostics;
using Publishing.Model;

namespace Publishing.Checks;

/// <summary>
/// Finds a CSV cell's text and the source position of each of its characters, given the record's first
/// line (Project.Source, Indicator.Source) and the column's name. The model keeps a row's line only;
/// the checks need to point at a word inside a cell, so the file is read again and scanned here
/// (RFC 4180: quoted cells, "" for a quote, line breaks inside quotes).
/// </summary>
public sealed class CsvCellLocator
{
    private readonly Dictionary<string, ParsedFile?> _files = new(StringComparer.Ordinal);

    /// <summary>A cell: its text and where each character of it was written.</summary>
    public sealed record Cell(string Text, string Path, int[] Lines, int[] Columns)
    {
        public SourceLocation At(int index)
        {
            if (Lines.Length == 0) return new SourceLocation(Path, 1, 1);
            var i = Math.Clamp(index, 0, Lines.Length - 1);
            return new SourceLocation(Path, Lines[i], Columns[i]);
        }
    }

    private sealed record Record(int Line, IReadOnlyList<Cell> Fields);

    private sealed record ParsedFile(IReadOnlyList<string> Header, IReadOnlyDictionary<int, Record> ByLine);

    /// <summary>The cell of the record starting at <paramref name="line"/> under the column named <paramref name="column"/>.</summary>
    public Cell? Find(string path, int line, string column)
    {
        var file = Load(path);
        if (file is null || !file.ByLine.TryGetValue(line, out var record)) return null;
        var index = -1;
        for (var i = 0; i < file.Header.Count; i++)
            if (file.Header[i] == column) { index = i; break; }
        return index >= 0 && index < record.Fields.Count ? record.Fields[index] : null;
    }

    /// <summary>Where a cell starts, or the record's line when the cell cannot be found.</summary>
    public SourceLocation Locate(SourceLocation record, string column) =>
        Find(record.Path, record.Line, column) is { } cell ? CellStart(cell, record) : record;

    private static SourceLocation CellStart(Cell cell, SourceLocation record) =>
        cell.Lines.Length > 0 ? cell.At(0) : record;

    private ParsedFile? Load(string path)
    {
        if (_files.TryGetValue(path, out var cached)) return cached;
        ParsedFile? parsed = null;
        try
        {
            var text = TextFileDecoder.Decode(File.ReadAllBytes(Path.GetFullPath(path)), path, new DiagnosticBag());
            if (text is not null) parsed = Parse(text, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            parsed = null;
        }
        _files[path] = parsed;
        return parsed;
    }

    internal static IReadOnlyList<IReadOnlyList<Cell>> ParseRecords(string text, string path) =>
        Scan(text, path).Select(r => r.Fields).ToList();

    private static ParsedFile Parse(string text, string path)
    {
        // The header is the first record with text (blank lines before it are skipped, as the loader does).
        var records = Scan(text, path).SkipWhile(r => r.Fields.All(f => f.Text.Trim().Length == 0)).ToList();
        var header = records.Count > 0 ? records[0].Fields.Select(f => f.Text.Trim()).ToList() : new List<string>();
        var byLine = new Dictionary<int, Record>();
        foreach (var record in records.Skip(1)) byLine.TryAdd(record.Line, record);
        return new ParsedFile(header, byLine);
    }

    private static List<Record> Scan(string text, string path)
    {
        var records = new List<Record>();
        int i = 0, line = 1, column = 1;
        while (i < text.Length)
        {
            var recordLine = line;
            var fields = new List<Cell>();
            while (true)
            {
                var chars = new System.Text.StringBuilder();
                var lines = new List<int>();
                var columns = new List<int>();
                void Take(char c, int l, int col) { chars.Append(c); lines.Add(l); columns.Add(col); }
                void Advance()
                {
                    if (text[i] == '\n') { line++; column = 1; } else column++;
                    i++;
                }

                if (i < text.Length && text[i] == '"')
                {
                    Advance();
                    while (i < text.Length)
                    {
                        if (text[i] == '"')
                        {
                            if (i + 1 < text.Length && text[i + 1] == '"') { Take('"', line, column); Advance(); Advance(); continue; }
                            Advance();
                            break;
                        }
                        Take(text[i], line, column);
                        Advance();
                    }
                }
                while (i < text.Length && text[i] != ',' && text[i] != '\n')
                {
                    Take(text[i], line, column);
                    Advance();
                }
                fields.Add(new Cell(chars.ToString(), path, lines.ToArray(), columns.ToArray()));
                if (i < text.Length && text[i] == ',') { Advance(); continue; }
                if (i < text.Length) Advance(); // the record's line break
                break;
            }
            records.Add(new Record(recordLine, fields));
        }
        return records;
    }
}
