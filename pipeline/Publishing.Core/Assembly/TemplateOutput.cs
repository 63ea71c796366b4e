using System.Net;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Publishing.Assembly;

/// <summary>How a template's printed values are made safe for the file it produces.</summary>
public enum OutputEscaping
{
    /// <summary>HTML (the document): every printed value is HTML-escaped unless marked with <c>raw</c>.</summary>
    Html,

    /// <summary>
    /// CSS (the preview's stylesheet): values are printed as they are, but a value that could leave its
    /// declaration (<c>{ } ;</c> or a line break) is an error, not a silently broken stylesheet.
    /// </summary>
    Css,
}

/// <summary>
/// A value a template prints without escaping: the section HTML the Markdown stage produced (raw HTML
/// disabled, links filtered), an included template's output, or text html.escape already escaped.
/// Templates obtain it only through <c>raw</c>, <c>include</c> and <c>html.escape</c>.
/// </summary>
public sealed record TrustedHtml(string Html)
{
    public override string ToString() => Html;
}

/// <summary>The functions that produce or pass on <see cref="TrustedHtml"/>.</summary>
internal static class TrustedOutputFunctions
{
    /// <summary>
    /// Shadows the built-in include (whose result is the included template's text, already made safe
    /// by the same rule) and html.escape (so that a template still using it is not escaped twice), and
    /// adds <c>raw</c>, the one explicit way to print a value as markup.
    /// </summary>
    public static ScriptObject Create(TemplateContext context)
    {
        var functions = new ScriptObject();
        var include = (IScriptCustomFunction)context.BuiltinObject["include"]!;
        functions["include"] = new TrustedInclude(include);
        // Typed wrappers (CreateFunc), not Import(name, Delegate): no reflection in the ahead-of-time compiled command.
        functions["raw"] = DelegateCustomFunction.CreateFunc<object?, TrustedHtml>(value => new TrustedHtml(value switch
        {
            null => "",
            TrustedHtml trusted => trusted.Html,
            _ => context.ObjectToString(value) ?? "",
        }));

        // html.* keeps every built-in; only escape changes what it returns.
        var html = new ScriptObject();
        if (context.BuiltinObject["html"] is ScriptObject builtin)
            foreach (var (name, value) in builtin) html[name] = value;
        html["escape"] = DelegateCustomFunction.CreateFunc<object?, TrustedHtml>(value => value as TrustedHtml ??
            new TrustedHtml(WebUtility.HtmlEncode(value is null ? "" : context.ObjectToString(value) ?? "")));
        functions["html"] = html;
        return functions;
    }

    private sealed class TrustedInclude(IScriptCustomFunction include) : IScriptCustomFunction
    {
        public int RequiredParameterCount => include.RequiredParameterCount;
        public int ParameterCount => include.ParameterCount;
        public ScriptVarParamKind VarParamKind => include.VarParamKind;
        public Type ReturnType => typeof(TrustedHtml);
        public ScriptParameterInfo GetParameterInfo(int index) => include.GetParameterInfo(index);

        public object Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
        {
            ParseMarked(context, callerContext, arguments);
            return Wrap(include.Invoke(context, callerContext, arguments, blockStatement));
        }

        public async ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
        {
            ParseMarked(context, callerContext, arguments);
            return Wrap(await include.InvokeAsync(context, callerContext, arguments, blockStatement));
        }

        /// <summary>
        /// Parses the included template as the built-in include would, with its table rows marked
        /// (<see cref="TemplateRowMarks"/>), and leaves it in the context's cache where the include finds it. A
        /// name the loader refuses, or a template with syntax errors, is left to the include, which reports it.
        /// </summary>
        private static void ParseMarked(TemplateContext context, ScriptNode? caller, ScriptArray arguments)
        {
            if (context is not SandboxedTemplateContext { MarksRows: true }) return;
            if (arguments.Count == 0 || arguments[0] is not string { Length: > 0 } name || context.TemplateLoader is not { } loader) return;
            var span = caller?.Span ?? default;
            string? path;
            try
            {
                path = loader.GetPath(context, span, name);
            }
            catch (ScriptRuntimeException)
            {
                return;
            }
            if (path is null || context.CachedTemplates.ContainsKey(path) || loader.Load(context, span, path) is not { } text) return;
            var template = Template.Parse(text, path, context.TemplateLoaderParserOptions, context.TemplateLoaderLexerOptions);
            if (template.HasErrors) return;
            TemplateRowMarks.Mark(template, path);
            context.CachedTemplates[path] = template;
        }

        private static object Wrap(object? output) => new TrustedHtml(output as string ?? output?.ToString() ?? "");
    }
}
