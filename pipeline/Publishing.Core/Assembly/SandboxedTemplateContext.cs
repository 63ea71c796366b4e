using System.Diagnostics;
using System.Net;
using Publishing.Model;
using Scriban;
using Scriban.Parsing;
using Scriban.Syntax;

namespace Publishing.Assembly;

/// <summary>
/// A Scriban context that a template cannot abuse: strict variables and members (a typo is an error),
/// bounded loops, recursion and output (an error, not Scriban's silent truncation), a time limit, and
/// output safe by default: every printed value is escaped for the output's language (HTML unless the
/// template marks it <c>raw</c>), so one forgotten filter cannot inject markup. Members that would give
/// a template the machine's file system layout (the absolute content directory) are hidden, and the clock and
/// random built-ins refuse (<see cref="DeterministicBuiltins"/>, pushed by the assembler). A source location
/// (<c>data-src="{{ row.source }}"</c>) prints relative to the document's folder, as docs/html-vocabulary.md says.
/// </summary>
public sealed class SandboxedTemplateContext : TemplateContext
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly TimeSpan _timeLimit;
    private readonly OutputEscaping _escaping;

    /// <summary>Model members a template may not read: absolute paths of this machine (content and templates folders).</summary>
    private static readonly HashSet<string> HiddenMembers = new(StringComparer.Ordinal) { "ContentDirectory", "BaseDirectory" };

    /// <summary>The document's folder as diagnostics show it: a printed source location is relative to it.</summary>
    public string DocumentFolder { get; init; } = "";

    /// <summary>
    /// Whether the templates' rows get their template marks (<see cref="TemplateRowMarks"/>): for HTML the PDF
    /// reads (a document, the volume's cover and 目录), not for the site's pages.
    /// </summary>
    public bool MarksRows { get; init; }

    public SandboxedTemplateContext(TemplateLimits limits, ConfinedTemplateLoader loader, OutputEscaping escaping = OutputEscaping.Html)
    {
        _escaping = escaping;
        MemberFilter = member => !HiddenMembers.Contains(member.Name);
        _timeLimit = limits.TimeLimit;
        TemplateLoader = loader;
        StrictVariables = true;
        EnableRelaxedMemberAccess = false;
        EnableRelaxedTargetAccess = false;
        EnableRelaxedFunctionAccess = false;
        EnableRelaxedIndexerAccess = false;
        LoopLimit = limits.LoopLimit;
        RecursiveLimit = limits.RecursionLimit;
        OutputLimit = limits.OutputLimitChars;
        OnOutputLimit = Scriban.ScriptLimitBehavior.Throw;
        LimitToString = limits.OutputLimitChars;
        OnStringLimit = Scriban.ScriptLimitBehavior.Throw;
    }

    public override TemplateContext Write(SourceSpan span, object? textAsObject) =>
        base.Write(span, Escape(span, textAsObject));

    public override ValueTask<TemplateContext> WriteAsync(SourceSpan span, object? textAsObject) =>
        base.WriteAsync(span, Escape(span, textAsObject));

    /// <summary>The value as the output's language needs it; <paramref name="span"/> is the statement printing it.</summary>
    private object? Escape(SourceSpan span, object? value)
    {
        if (value is null) return null;
        if (value is TrustedHtml trusted) return trusted.Html;
        var text = value is SourceLocation source ? source.InDocument(DocumentFolder) : ObjectToString(value) ?? "";
        if (_escaping == OutputEscaping.Html) return WebUtility.HtmlEncode(text);
        if (text.IndexOfAny(CssBreakouts) >= 0)
            throw new ScriptRuntimeException(_printing?.Span ?? span,
                $"the value '{text}' cannot be written into the stylesheet: it contains one of {{ }} ; or a line break");
        return text;
    }

    /// <summary>
    /// A date of the model (the document's date, <c>meta.date</c>, a DateOnly) goes into Scriban's date functions as
    /// midnight of that day: the deterministic date a template uses instead of the clock.
    /// </summary>
    public override object? ToObject(SourceSpan span, object? value, Type destinationType) =>
        value is DateOnly day && (destinationType == typeof(DateTime) || destinationType == typeof(DateTime?))
            ? day.ToDateTime(TimeOnly.MinValue)
            : base.ToObject(span, value, destinationType);

    private static readonly char[] CssBreakouts = { '{', '}', ';', '\n', '\r' };

    /// <summary>
    /// The statement whose value is being printed. Scriban writes a block's values with the whole block's span
    /// (the file's start for a template's top level), so a refused value is located by its own statement instead.
    /// </summary>
    private ScriptNode? _printing;

    public override object? Evaluate(ScriptNode? scriptNode, bool aliasReturnedFunction)
    {
        if (scriptNode is ScriptExpressionStatement) _printing = scriptNode;
        return base.Evaluate(scriptNode, aliasReturnedFunction);
    }

    protected override void OnEnterLoop(ScriptLoopStatementBase loop)
    {
        CheckTime(loop);
        base.OnEnterLoop(loop);
    }

    protected override bool OnStepLoop(ScriptLoopStatementBase loop)
    {
        CheckTime(loop);
        return base.OnStepLoop(loop);
    }

    private void CheckTime(ScriptNode node)
    {
        if (_clock.Elapsed > _timeLimit)
            throw new ScriptRuntimeException(node.Span, $"the template ran longer than the limit of {_timeLimit.TotalSeconds:0} s");
    }
}

public sealed record TemplateLimits(int LoopLimit, int RecursionLimit, int OutputLimitChars, TimeSpan TimeLimit)
{
    /// <summary>Generous for a province's largest document, small enough to stop a runaway template quickly.</summary>
    public static TemplateLimits Default { get; } = new(
        LoopLimit: 1_000_000, RecursionLimit: 64, OutputLimitChars: 32 * 1024 * 1024, TimeLimit: TimeSpan.FromSeconds(20));

    /// <summary>
    /// The assembled HTML is a few characters per byte of content (a CSV row of ~110 bytes becomes ~280 characters
    /// of table markup with its data-src positions): the output limit grows with the theme's content limit
    /// (limits.max_content_mb), so a document within that limit never meets the template's output limit.
    /// </summary>
    public const int OutputCharsPerContentByte = 8;

    public TemplateLimits ForContentOf(long maxContentBytes) =>
        this with { OutputLimitChars = (int)Math.Min(int.MaxValue / 2, Math.Max(OutputLimitChars, maxContentBytes * OutputCharsPerContentByte)) };
}
