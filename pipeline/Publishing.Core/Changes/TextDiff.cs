namespace Publishing.Changes;

/// <summary>
/// What changed in a section's text, at a cost bounded by its length. Paragraphs are paired first (a diff of
/// lines, so an inserted paragraph does not smear its neighbours), then the sentences of a changed pair, then the
/// characters inside the sentences that changed — a character diff suits Chinese, where a word diff would mark
/// whole sentences, but over a whole 1 MB paragraph it took minutes. Every step is paid from one budget in
/// proportion to the text (<see cref="SequenceDiff"/>); a paragraph whose sentences cost more (rewritten
/// throughout) is shown whole, old and new, marked <see cref="DiffParagraph.Rewritten"/> ("段落已改写"), and a
/// changed run of sentences too long to compare by characters is shown whole, deleted then inserted.
/// Only paragraphs that changed are returned.
/// </summary>
public static class TextDiff
{
    /// <summary>Steps of the search allowed per character of the two texts (plus a floor for short ones).</summary>
    private const long StepsPerCharacter = 32;
    private const long MinimumSteps = 200_000;

    /// <summary>A changed run of sentences longer than this (old and new together) is shown whole, not by characters.</summary>
    private const int MaxCharacterDiff = 4_000;

    public static IReadOnlyList<DiffParagraph> Paragraphs(string oldText, string newText)
    {
        var oldLines = Lines(oldText);
        var newLines = Lines(newText);
        var tokens = new Dictionary<string, int>(StringComparer.Ordinal);
        var a = Ids(oldLines, tokens);
        var b = Ids(newLines, tokens);
        // Paragraphs have their own budget; a section with more changed paragraphs than it allows is paired by its
        // unchanged ones (each changed paragraph still compared within the text's budget).
        var lineBudget = MinimumSteps + StepsPerCharacter * ((long)a.Length + b.Length);
        var blocks = SequenceDiff.Blocks(a, b, ref lineBudget) ?? SequenceDiff.Anchored(a, b);
        var budget = MinimumSteps + StepsPerCharacter * ((long)oldText.Length + newText.Length);
        var result = new List<DiffParagraph>();
        foreach (var block in blocks)
        {
            var paired = Math.Min(block.DeleteCount, block.InsertCount);
            for (var i = 0; i < paired; i++) result.Add(Sentences(oldLines[block.DeleteStart + i], newLines[block.InsertStart + i], ref budget));
            for (var i = paired; i < block.DeleteCount; i++) result.Add(new DiffParagraph([new DiffRun(RunKind.Deleted, oldLines[block.DeleteStart + i])]));
            for (var i = paired; i < block.InsertCount; i++) result.Add(new DiffParagraph([new DiffRun(RunKind.Inserted, newLines[block.InsertStart + i])]));
        }
        return result;
    }

    private static string[] Lines(string text) => text.Length == 0 ? [] : text.Split('\n');

    private static int[] Ids(IReadOnlyList<string> pieces, Dictionary<string, int> tokens)
    {
        var ids = new int[pieces.Count];
        for (var i = 0; i < ids.Length; i++)
            if (!tokens.TryGetValue(pieces[i], out ids[i])) tokens[pieces[i]] = ids[i] = tokens.Count;
        return ids;
    }

    private static DiffParagraph Rewrite(string before, string after) =>
        new([new DiffRun(RunKind.Deleted, before), new DiffRun(RunKind.Inserted, after)], Rewritten: true);

    /// <summary>
    /// A changed paragraph: its sentences compared, then the characters of each changed run of sentences. The common
    /// head and tail, to the sentence boundary next to the first and last difference, are kept whole without cutting
    /// them into sentences (one edit in a 1 MB paragraph is two comparisons of memory and one sentence).
    /// </summary>
    private static DiffParagraph Sentences(string before, string after, ref long budget)
    {
        var head = before.AsSpan().CommonPrefixLength(after);
        head = before.AsSpan(0, head).LastIndexOfAny(SentenceSplitter.Ends) + 1;
        var tail = 0;
        var most = Math.Min(before.Length, after.Length) - head;
        while (tail < most && before[before.Length - 1 - tail] == after[after.Length - 1 - tail]) tail++;
        if (tail > 0)
        {
            // The tail from the first sentence that starts within the common part (after an end mark in it), else none.
            var end = before.AsSpan(before.Length - tail, tail).IndexOfAny(SentenceSplitter.Ends);
            tail = end < 0 ? 0 : tail - end - 1;
        }
        var oldSentences = SentenceSplitter.Split(before[head..^tail]);
        var newSentences = SentenceSplitter.Split(after[head..^tail]);
        var tokens = new Dictionary<string, int>(StringComparer.Ordinal);
        var blocks = SequenceDiff.Blocks(Ids(oldSentences, tokens), Ids(newSentences, tokens), ref budget);
        if (blocks is null) return Rewrite(before, after);

        var runs = new Runs();
        runs.Add(RunKind.Same, before[..head]);
        var kept = 0;
        foreach (var block in blocks)
        {
            runs.Add(RunKind.Same, string.Concat(oldSentences.Skip(kept).Take(block.DeleteStart - kept)));
            var deleted = string.Concat(oldSentences.Skip(block.DeleteStart).Take(block.DeleteCount));
            var inserted = string.Concat(newSentences.Skip(block.InsertStart).Take(block.InsertCount));
            Characters(deleted, inserted, runs, ref budget);
            kept = block.DeleteStart + block.DeleteCount;
        }
        runs.Add(RunKind.Same, string.Concat(oldSentences.Skip(kept)));
        runs.Add(RunKind.Same, before[^tail..]);
        return new DiffParagraph(runs.List);
    }

    /// <summary>The characters of a changed run of sentences; shown whole when too long or too costly to compare.</summary>
    private static void Characters(string before, string after, Runs runs, ref long budget)
    {
        var blocks = before.Length + after.Length <= MaxCharacterDiff
            ? SequenceDiff.Blocks(CharacterIds(before), CharacterIds(after), ref budget)
            : null;
        if (blocks is null)
        {
            runs.Add(RunKind.Deleted, before);
            runs.Add(RunKind.Inserted, after);
            return;
        }
        var a = 0;
        foreach (var block in blocks)
        {
            runs.Add(RunKind.Same, before[a..block.DeleteStart]);
            runs.Add(RunKind.Deleted, before.Substring(block.DeleteStart, block.DeleteCount));
            runs.Add(RunKind.Inserted, after.Substring(block.InsertStart, block.InsertCount));
            a = block.DeleteStart + block.DeleteCount;
        }
        runs.Add(RunKind.Same, before[a..]);
    }

    private static int[] CharacterIds(string text)
    {
        var ids = new int[text.Length];
        for (var i = 0; i < ids.Length; i++) ids[i] = text[i];
        return ids;
    }

    /// <summary>The runs of a paragraph, a run joined to the one before it when of the same kind; empty ones left out.</summary>
    private sealed class Runs
    {
        public List<DiffRun> List { get; } = new();

        public void Add(RunKind kind, string text)
        {
            if (text.Length == 0) return;
            if (List.Count > 0 && List[^1].Kind == kind) List[^1] = new DiffRun(kind, List[^1].Text + text);
            else List.Add(new DiffRun(kind, text));
        }
    }
}

/// <summary>
/// A paragraph cut into sentences for the diff: after 。！？；!?; a sentence longer than 256 characters is cut again
/// after each comma, colon or space and after each character chosen by its own value (1 in 32), so a long run
/// without punctuation is cut at the same places whatever is inserted before it (an edit changes only its own
/// piece); never a piece longer than 1,024. Joined again, the pieces are the paragraph.
/// </summary>
internal static class SentenceSplitter
{
    /// <summary>The marks a sentence ends with.</summary>
    public static readonly System.Buffers.SearchValues<char> Ends = System.Buffers.SearchValues.Create("。！？；!?;");

    private const int LongSentence = 256;
    private const int MaxPiece = 1_024;

    public static List<string> Split(string text)
    {
        var pieces = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!Ends.Contains(text[i]) && i < text.Length - 1) continue;
            Sentence(text, start, i + 1, pieces);
            start = i + 1;
        }
        return pieces;
    }

    private static void Sentence(string text, int start, int end, List<string> pieces)
    {
        if (end - start <= LongSentence)
        {
            pieces.Add(text[start..end]);
            return;
        }
        var from = start;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            var cut = c is '，' or '、' or '：' or ',' or ':' or ' ' || (uint)(c * 2654435761u) >> 27 == 0 || i + 1 - from >= MaxPiece;
            if ((cut && !char.IsHighSurrogate(c)) || i == end - 1)
            {
                pieces.Add(text[from..(i + 1)]);
                from = i + 1;
            }
        }
    }
}
