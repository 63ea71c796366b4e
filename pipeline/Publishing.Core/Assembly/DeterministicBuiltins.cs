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
    private static readonly Dictionary<(string Object, string Member), string> Refused = new()
    {
        [("date", "now")] = "模板不能读取当前时间（date.now）：每次生成的文件会不同，同样的输入应得到同样的文件。"
            + "请改用文档的日期 meta.date（document.yaml 中的 date:），如 {{ meta.date | date.to_string '%Y年%m月%d日' }}",
        [("math", "random")] = "模板不能取随机数（math.random）：每次生成的文件会不同。请由文档的内容决定要写的值",
        [("math", "uuid")] = "模板不能生成随机编号（math.uuid）：每次生成的文件会不同。请由文档的内容（如 meta.unit_code）生成编号",
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
