using Publishing.Diagnostics;
using Publishing.Markdown;
using Publishing.Model;
using Publishing.Text;

namespace Publishing.Checks;

/// <summary>
/// PUB3002/PUB3003: within one level, 一、二、三…, （一）（二）…, 1. 2. …, （1）（2）… must neither skip
/// nor repeat. Numbered headings and numbered paragraphs count alike, in the order written. A number of
/// a level starts the levels below it afresh; so does a heading without a number, for the numbers
/// written below it. Each section file is its own scope; its title (the first heading) is numbered with
/// the other sections' titles of its part; the goals in a project's 绩效目标 cell are one more scope.
/// A sequence that starts again at （一） right after （六） with
/// nothing between is a hierarchy slip: sub-items of （六） take the next level's numbers, 1. 2. 3.
/// </summary>
public sealed class NumberingCheck : IContentCheck
{
    private const int Body = int.MaxValue; // depth of a paragraph: below every heading

    public string Name => CheckRegistry.Numbering;

    public void Check(PublishingDocument document, CheckContext context, DiagnosticBag diagnostics)
    {
        foreach (var part in document.Parts)
        {
            var titles = new Sequence(diagnostics);
            foreach (var section in part.Sections)
                if (ChineseNumbering.Read(section.Title) is { } marker)
                    titles.Next(marker, 1, FirstBlock(section)?.Start ?? section.Source);

            foreach (var section in part.Sections) CheckSection(section, diagnostics);
        }
        foreach (var project in document.Projects) CheckGoals(project, context, diagnostics);
    }

    /// <summary>The goals cell (role: goal) holds one goal a line, usually numbered 1. 2. 3.: the same rules, per project.</summary>
    private static void CheckGoals(Project project, CheckContext context, DiagnosticBag diagnostics)
    {
        if (!project.Cells.TryGetValue(project.Table.NameOf(ColumnRole.Goal), out var cell)) return;
        var sequence = new Sequence(diagnostics);
        var start = 0;
        foreach (var line in cell.Text.Split('\n'))
        {
            var leading = line.Length - line.TrimStart().Length;
            if (ChineseNumbering.Read(line) is { } marker) sequence.Next(marker, Body, cell.At(start + leading));
            start += line.Length + 1;
        }
    }

    private static TextBlock? FirstBlock(NarrativeSection section) =>
        section.TextBlocks.FirstOrDefault(b => b.Kind == TextBlockKind.Heading && b.HeadingLevel == 1);

    private static void CheckSection(NarrativeSection section, DiagnosticBag diagnostics)
    {
        var sequence = new Sequence(diagnostics);
        var title = FirstBlock(section);
        foreach (var block in section.TextBlocks)
        {
            if (block == title) continue;
            // Top-level prose only: numbers inside tables, quotes and nested lists have their own logic.
            var counts = block.Kind switch
            {
                TextBlockKind.Heading or TextBlockKind.Paragraph => block.Depth == 0,
                TextBlockKind.ListItem => block.Depth == 2,
                _ => false,
            };
            if (!counts) continue;

            var depth = block.Kind == TextBlockKind.Heading ? block.HeadingLevel : Body;
            var marker = ChineseNumbering.Read(block.Text);
            if (marker is null)
            {
                if (block.Kind == TextBlockKind.Heading) sequence.ResetBelow(depth);
                continue;
            }
            var leading = block.Text.Length - block.Text.TrimStart().Length;
            sequence.Next(marker, depth, block.At(leading));
        }
    }

    /// <summary>"第 9 行", or "01-overall-goals.md 第 1 行" when it is in another file (section titles).</summary>
    private static string Where(SourceLocation previous, SourceLocation current) => previous.Path == current.Path
        ? DiagnosticCatalog.NumberingRepeated["where-line"].Format(("line", previous.Line))
        : DiagnosticCatalog.NumberingRepeated["where-file-line"].Format(("file", Path.GetFileName(previous.Path)), ("line", previous.Line));

    /// <summary>The last number seen at each of the four levels, and where.</summary>
    private sealed class Sequence(DiagnosticBag diagnostics)
    {
        private readonly (int Number, int Depth, SourceLocation At)?[] _last = new (int, int, SourceLocation)?[5];

        /// <summary>A heading without a number at <paramref name="depth"/> starts afresh the numbers written below it.</summary>
        public void ResetBelow(int depth)
        {
            for (var level = 1; level <= 4; level++)
                if (_last[level] is { } last && last.Depth > depth) _last[level] = null;
        }

        public void Next(ChineseNumbering.Marker marker, int depth, SourceLocation at)
        {
            var level = marker.Level;
            var number = marker.Number;
            var previous = _last[level];
            var expected = (previous?.Number ?? 0) + 1;
            var written = ChineseNumbering.Format(level, number);

            if (number > expected)
            {
                var missing = Enumerable.Range(expected, number - expected).Select(n => ChineseNumbering.Format(level, n)).ToList();
                var shown = missing.Count <= 5 ? string.Concat(missing)
                    : DiagnosticCatalog.NumberingSkipped["missing-range"].Format(("from", missing[0]), ("to", missing[^1]));
                diagnostics.Add(previous is { } p
                    ? DiagnosticCatalog.NumberingSkipped["jump"].At(at.Path, at.Line, at.Column,
                        ("previous", ChineseNumbering.Format(level, p.Number)), ("where", Where(p.At, at)), ("written", written), ("missing", shown))
                    : DiagnosticCatalog.NumberingSkipped["first"].At(at.Path, at.Line, at.Column,
                        ("first", ChineseNumbering.Format(level, 1)), ("written", written), ("missing", shown)));
            }
            else if (previous is { } p && number <= p.Number)
            {
                if (number == 1)
                {
                    var before = ChineseNumbering.Format(level, p.Number);
                    diagnostics.Add(level < 4
                        ? DiagnosticCatalog.NumberingRepeated["restart-with-deeper"].At(at.Path, at.Line, at.Column, ("written", written),
                            ("previous", before), ("where", Where(p.At, at)), ("deeper1", ChineseNumbering.Format(level + 1, 1)), ("deeper2", ChineseNumbering.Format(level + 1, 2)))
                        : DiagnosticCatalog.NumberingRepeated["restart"].At(at.Path, at.Line, at.Column, ("written", written),
                            ("previous", before), ("where", Where(p.At, at))));
                }
                else
                {
                    diagnostics.Add(DiagnosticCatalog.NumberingRepeated["back"].At(at.Path, at.Line, at.Column, ("written", written),
                        ("previous", ChineseNumbering.Format(level, p.Number)), ("where", Where(p.At, at)), ("expected", ChineseNumbering.Format(level, expected))));
                }
            }

            _last[level] = (number, depth, at);
            for (var deeper = level + 1; deeper <= 4; deeper++) _last[deeper] = null;
        }
    }
}
