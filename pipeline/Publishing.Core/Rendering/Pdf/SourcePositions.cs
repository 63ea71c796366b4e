using Publishing.Diagnostics;
using Publishing.Model;

namespace Publishing.Rendering.Pdf;

/// <summary>
/// Where, in the content as it was read, a layout warning's character or cell is written. The Markdown blocks' prose
/// (<see cref="TextBlock"/>) and the CSV rows' cells (<see cref="Cell"/>) keep every character's line and column from
/// their one read, decoded from UTF-8, UTF-16 or GB18030 alike, so no file is read again and a GB18030 file gives the
/// right place. A block's <see cref="BlockSource.Content"/> names the Markdown line or CSV row to look in; when the
/// character or text is not written there (a template's own words, a formatted amount) the warning stays at
/// <see cref="BlockSource.At"/>. Columns count characters as an editor sees them (𠮷 is one). The index is made
/// only when a warning asks.
/// </summary>
internal sealed class SourcePositions(PublishingDocument? document)
{
    private Dictionary<(string Path, int Line), List<TextBlock>>? _prose;
    private Dictionary<(string Path, int Line), List<Cell>>? _rows;

    /// <summary>Where <paramref name="character"/> of a block from <paramref name="source"/> is written.</summary>
    public SourceLocation Character(object? source, string character)
    {
        if (source is not BlockSource block) return new SourceLocation("index.html", 0, 0);
        if (block.Content is not { } content || document is null) return block.At;
        Index();
        foreach (var prose in _prose!.GetValueOrDefault((content.Path, content.Line)) ?? [])
            if (prose.Text.IndexOf(character, StringComparison.Ordinal) is var i and >= 0) return InCharacters(prose, i);
        var cells = _rows!.GetValueOrDefault((content.Path, content.Line)) ?? [];
        foreach (var cell in cells)
            if (cell.Text.IndexOf(character, StringComparison.Ordinal) is var i and >= 0) return InCharacters(cells, cell, i);
        return block.At;
    }

    /// <summary>Where a block's whole <paramref name="text"/> (a table cell's) starts: the CSV cell or Markdown block
    /// holding exactly it, else the block's place.</summary>
    public SourceLocation Text(object? source, string? text)
    {
        if (source is not BlockSource block) return new SourceLocation("index.html", 0, 0);
        if (block.Content is not { } content || document is null || text is null) return block.At;
        Index();
        var wanted = Normal(text);
        var cells = _rows!.GetValueOrDefault((content.Path, content.Line)) ?? [];
        foreach (var cell in cells)
            if (Normal(cell.Text) == wanted) return InCharacters(cells, cell, 0);
        var prose = _prose!.GetValueOrDefault((content.Path, content.Line)) ?? [];
        foreach (var written in prose)
            if (Normal(written.Text) == wanted) return InCharacters(written, 0);
        return prose.Count == 1 && block.At == content ? InCharacters(prose[0], 0) : block.At;
    }

    private static string Normal(string text) => InlineText.CollapseWhitespace(text).Trim();

    /// <summary>The place of a Markdown block's character, its column less the UTF-16 halves before it on its line.</summary>
    private SourceLocation InCharacters(TextBlock prose, int index)
    {
        var at = prose.At(index);
        var halves = 0;
        for (var j = 0; j < index; j++)
            if (char.IsLowSurrogate(prose.Text[j]) && prose.At(j).Line == at.Line) halves++;
        return at with { Path = RelativePath(at.Path), Column = at.Column - halves };
    }

    /// <summary>The place of a CSV cell's character, less the UTF-16 halves before it on its line (in the row's earlier cells too).</summary>
    private SourceLocation InCharacters(List<Cell> row, Cell cell, int index)
    {
        var at = cell.At(index);
        var halves = 0;
        foreach (var before in row)
        {
            if (before == cell) break;
            if (before.Line == at.Line && !before.Text.Contains('\n')) halves += Halves(before.Text);
        }
        var own = cell.Text[..index];
        halves += Halves(own[(own.LastIndexOf('\n') + 1)..]);
        return at with { Path = RelativePath(at.Path), Column = at.Column - halves };
    }

    private static int Halves(string text)
    {
        var n = 0;
        foreach (var c in text)
            if (char.IsLowSurrogate(c)) n++;
        return n;
    }

    /// <summary>The model's paths are as diagnostics show them; data-src's are relative to the document's folder.</summary>
    private string RelativePath(string path) => path.StartsWith(_prefix, StringComparison.Ordinal) ? path[_prefix.Length..] : path;

    private string _prefix = "";

    private void Index()
    {
        if (_prose is not null) return;
        _prefix = DisplayPaths.For(document!.ContentDirectory).TrimEnd('/') + "/";
        _prose = new();
        _rows = new();
        foreach (var prose in document.Sections.SelectMany(s => s.TextBlocks))
        {
            var key = (RelativePath(prose.Path), prose.Start.Line);
            if (!_prose.TryGetValue(key, out var list)) _prose[key] = list = new();
            list.Add(prose);
        }
        var tables = document.Projects.Select(p => (p.Source, p.Cells))
            .Concat(document.Indicators.Select(i => (i.Source, i.Cells)))
            .Concat(document.Parts.Where(p => p.Department is not null).Select(p => (p.Department!.Source, p.Department.Cells)));
        foreach (var (row, cells) in tables)
            _rows.TryAdd((RelativePath(row.Path), row.Line), cells.Values.OrderBy(c => c.Line).ThenBy(c => c.Column).ToList());
    }
}
