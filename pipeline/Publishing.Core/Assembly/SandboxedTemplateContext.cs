using System.Diagnostics;
using Scriban;
using Scriban.Syntax;

namespace Publishing.Assembly;

/// <summary>
/// A Scriban context that a template cannot abuse: strict variables and members (a typo is an error),
/// bounded loops, recursion and output (an error, not Scriban's silent truncation), and a time limit.
/// </summary>
public sealed class SandboxedTemplateContext : TemplateContext
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly TimeSpan _timeLimit;

    public SandboxedTemplateContext(TemplateLimits limits, ConfinedTemplateLoader loader)
    {
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
}
