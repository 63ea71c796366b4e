using Publishing.Diagnostics;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Publishing.Assembly;

/// <summary>
/// Scriban's built-ins that read the machine rather than the input: the clock (<c>date.now</c>) and the random
/// source (<c>math.random</c>, <c>math.uuid</c>). Same input, same bytes: a template calling one is a located
/// error that says what to use instead (the document's own date, <c>meta.date</c>), not a draft that differs on
/// every build. The other members of <c>date</c> and <c>math</c> stay (formatting a given date is deterministic).
/// </summary>
internal static class DeterministicBuiltins
{
    /// <summary>Each refused member with what it says (the catalog's PUB4102 wordings, printed after 模板运行错误：).</summary>
    private static readonly Dictionary<(string Object, string Member), string> Refused = new()
    {
        [("date", "now")] = DiagnosticCatalog.TemplateRuntime["date-now"].Format(),
        [("math", "random")] = DiagnosticCatalog.TemplateRuntime["math-random"].Format(),
        [("math", "uuid")] = DiagnosticCatalog.TemplateRuntime["math-uuid"].Format(),
    };

    /// <summary>Shadows <c>date</c> and <c>math</c> with copies whose non-deterministic members refuse with a located error.</summary>
    public static ScriptObject Create(TemplateContext context)
    {
        var globals = new ScriptObject();
        foreach (var name in Refused.Keys.Select(k => k.Object).Distinct())
        {
            if (context.BuiltinObject[name] is not ScriptObject builtin) continue;
            var copy = new ScriptObject();
            foreach (var (member, value) in builtin) copy[member] = value;
            foreach (var ((owner, member), message) in Refused)
                if (owner == name) copy[member] = new RefusingFunction(message);
            globals[name] = copy;
        }
        return globals;
    }

    private sealed class RefusingFunction(string message) : IScriptCustomFunction
    {
        public int RequiredParameterCount => 0;
        public int ParameterCount => 0;
        public ScriptVarParamKind VarParamKind => ScriptVarParamKind.LastParameter;
        public Type ReturnType => typeof(object);
        public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(object), "value");

        public object Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            throw new ScriptRuntimeException(callerContext?.Span ?? default, message);

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            throw new ScriptRuntimeException(callerContext?.Span ?? default, message);
    }
}
