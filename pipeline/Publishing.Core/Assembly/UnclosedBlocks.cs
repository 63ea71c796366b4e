using Scriban.Parsing;

namespace Publishing.Assembly;

/// <summary>
/// Where a block whose <c>end</c> is missing opens. Scriban reports a missing <c>end</c> where it ran out of
/// text (the end of the file), which tells the maintainer nothing; this walks the template's tokens with
/// Scriban's own lexer, matching each statement that opens a block (if, for, while, capture …) with its
/// <c>end</c>, and returns the innermost one left open.
/// </summary>
internal static class UnclosedBlocks
{
    /// <summary>Scriban's message for a block that reached the end of the text without its end.</summary>
    public const string MissingEndMessage = "The <end> statement was not found";

    private static readonly HashSet<string> Openers = new(StringComparer.Ordinal)
        { "if", "for", "tablerow", "while", "capture", "with", "wrap", "case", "func" };

    /// <summary>The 0-based line and column of the innermost block left open, and its keyword; null when all are closed.</summary>
    public static (int Line, int Column, string Keyword)? Find(string text)
    {
        var open = new Stack<(int Line, int Column, string Keyword)>();
        var statementStart = false;
        foreach (var token in new Lexer(text))
        {
            switch (token.Type)
            {
                case TokenType.CodeEnter or TokenType.NewLine or TokenType.SemiColon:
                    statementStart = true;
                    continue;
                case TokenType.CodeExit:
                    statementStart = false;
                    continue;
                case TokenType.Identifier when statementStart:
                    var word = token.GetText(text);
                    if (Openers.Contains(word)) open.Push((token.Start.Line, token.Start.Column, word));
                    else if (word == "end" && open.Count > 0) open.Pop();
                    break;
            }
            statementStart = false;
        }
        return open.Count > 0 ? open.Peek() : null;
    }
}
