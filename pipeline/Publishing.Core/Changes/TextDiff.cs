using DiffPlex;

namespace Publishing.Changes;

/// <summary>
/// A character-level diff (DiffPlex) suited to Chinese, where words are not separated by spaces: a word diff
/// would mark whole sentences. Paragraphs are paired by a line diff first, so an inserted paragraph does not
/// smear the characters of its neighbours; only paragraphs that changed are returned.
/// </summary>
public static class TextDiff
{
    public static IReadOnlyList<DiffParagraph> Paragraphs(string oldText, string newText)
    {
        var oldLines = Lines(oldText);
        var newLines = Lines(newText);
        var result = new List<DiffParagraph>();
        var lineDiff = Differ.Instance.CreateLineDiffs(oldText, newText, false, false);
        foreach (var block in lineDiff.DiffBlocks)
        {
            var deleted = oldLines.Skip(block.DeleteStartA).Take(block.DeleteCountA).ToList();
            var inserted = newLines.Skip(block.InsertStartB).Take(block.InsertCountB).ToList();
            var paired = Math.Min(deleted.Count, inserted.Count);
            for (var i = 0; i < paired; i++) result.Add(Characters(deleted[i], inserted[i]));
            foreach (var line in deleted.Skip(paired)) result.Add(new DiffParagraph(new[] { new DiffRun(RunKind.Deleted, line) }));
            foreach (var line in inserted.Skip(paired)) result.Add(new DiffParagraph(new[] { new DiffRun(RunKind.Inserted, line) }));
        }
        return result;
    }

    private static string[] Lines(string text) => text.Length == 0 ? Array.Empty<string>() : text.Split('\n');

    private static DiffParagraph Characters(string before, string after)
    {
        var diff = Differ.Instance.CreateCharacterDiffs(before, after, false);
        var runs = new List<DiffRun>();
        var a = 0;
        foreach (var block in diff.DiffBlocks)
        {
            Add(RunKind.Same, before[a..block.DeleteStartA]);
            Add(RunKind.Deleted, before.Substring(block.DeleteStartA, block.DeleteCountA));
            Add(RunKind.Inserted, after.Substring(block.InsertStartB, block.InsertCountB));
            a = block.DeleteStartA + block.DeleteCountA;
        }
        Add(RunKind.Same, before[a..]);
        return new DiffParagraph(runs);

        void Add(RunKind kind, string text)
        {
            if (text.Length > 0) runs.Add(new DiffRun(kind, text));
        }
    }
}
