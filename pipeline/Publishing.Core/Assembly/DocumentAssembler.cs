using System.Collections.Concurrent;
using Publishing.Content;
using Publishing.Diagnostics;
using Publishing.Model;
using Publishing.Theming;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Publishing.Assembly;

/// <summary>
/// Assemble: the model and the theme go through the Scriban templates in templates/ and come out as
/// one HTML document (docs/html-vocabulary.md), from which both the preview and the PDF are rendered.
/// Template errors become diagnostics at the template's path(line,col), never exceptions.
/// </summary>
public sealed class DocumentAssembler
{
    public const string DocumentTemplate = "document.html.sbn";
    public const string StylesheetTemplate = "theme.css.sbn";

    private readonly string _templatesDirectory;
    private readonly ConfinedTemplateLoader _loader;
    /// <summary>One loader per form folder, kept like the parsed templates (each remembers where its includes lead).</summary>
    private readonly ConcurrentDictionary<string, ConfinedTemplateLoader> _formLoaders = new(StringComparer.Ordinal);
    private readonly TemplateLimits _limits;

    // Parsed once per assembler (one per build run) and shared by every document and thread: a Scriban
    // Template is an immutable syntax tree, each render gets its own context. Includes are kept the same way.
    // Kept apart by whether the rows are marked (HTML for the PDF) or not (the site's pages).
    private readonly ConcurrentDictionary<(string Path, bool Marked), Lazy<Template>> _parsed = new();
    private readonly ConcurrentDictionary<string, Template> _included = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Template> _includedMarked = new(StringComparer.Ordinal);

    public DocumentAssembler(string templatesDirectory, TemplateLimits? limits = null)
    {
        _templatesDirectory = Path.GetFullPath(templatesDirectory);
        _loader = new ConfinedTemplateLoader(_templatesDirectory);
        _limits = limits ?? TemplateLimits.Default;
    }

    /// <summary>The document through its form's templates: templates/forms/&lt;form&gt;/ first, then templates/.
    /// The HTML's rows carry their template marks (for the PDF's row diagnostics) and its source locations are
    /// relative to the document's folder (docs/html-vocabulary.md).</summary>
    public string? AssembleHtml(PublishingDocument document, Theme theme, DiagnosticBag diagnostics) =>
        Render(DocumentTemplate, Globals(document, theme), diagnostics, document.Form.Name.Length > 0 ? document.Form.Folder : null,
            _limits.ForContentOf(theme.Limits.For(document.Form).MaxContentBytes), DeclaredNames(document.Form),
            new TemplateOutputOptions(MarksRows: true, DocumentFolder: DisplayPaths.For(document.ContentDirectory)));

    /// <summary>The names a template may index with (columns["…"], fields["…"]): every column the form declares and its metadata keys.</summary>
    private static IReadOnlyCollection<string> DeclaredNames(Form form) =>
        form.Tables.Values.SelectMany(t => t.Columns).Select(c => c.Name).Concat(form.Metadata.Select(m => m.Key))
            .Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The theme's stylesheet: a function of the theme alone, so rendered once per theme for all documents.</summary>
    public string? AssembleStylesheet(Theme theme, DiagnosticBag diagnostics)
    {
        var (css, problems) = _stylesheets.GetValue(theme, t => new Lazy<(string?, IReadOnlyList<Diagnostic>)>(() =>
        {
            var found = new DiagnosticBag();
            return (Render(StylesheetTemplate, new ScriptObject { ["theme"] = t }, found), found.Items.ToList());
        })).Value;
        diagnostics.AddRange(problems);
        return css;
    }

    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<Theme, Lazy<(string?, IReadOnlyList<Diagnostic>)>> _stylesheets = new();

    private static ScriptObject Globals(PublishingDocument document, Theme theme) => new()
    {
        ["document"] = document,
        ["meta"] = document.Metadata,
        ["form"] = document.Form,
        ["theme"] = theme,
    };

    /// <summary>
    /// Renders a template by name (relative to templates/) with the given globals. Printed values are
    /// HTML-escaped unless marked raw; a *.css.sbn template's values are checked for CSS instead.
    /// </summary>
    public string? Render(string templateName, ScriptObject globals, DiagnosticBag diagnostics, string? formFolder = null,
        TemplateLimits? limits = null, IReadOnlyCollection<string>? declaredNames = null, TemplateOutputOptions? output = null)
    {
        var marked = output?.MarksRows ?? false;
        var included = marked ? _includedMarked : _included;
        var loader = formFolder is null ? _loader : _formLoaders.GetOrAdd(formFolder, f => new ConfinedTemplateLoader(_templatesDirectory, f));
        var path = loader.Find(templateName) ?? Path.Combine(_templatesDirectory, templateName);
        var shownPath = DisplayPaths.For(path);
        if (!File.Exists(path))
        {
            diagnostics.Add(DiagnosticCatalog.TemplateSyntax["missing"].At(shownPath, 0, 0));
            return null;
        }

        var template = _parsed.GetOrAdd((path, marked), key => new Lazy<Template>(() => Parse(key.Path, key.Marked))).Value;
        if (template.HasErrors)
        {
            ReportSyntaxErrors(template.Messages, diagnostics);
            return null;
        }

        var escaping = templateName.EndsWith(".css.sbn", StringComparison.Ordinal) ? OutputEscaping.Css : OutputEscaping.Html;
        var context = new SandboxedTemplateContext(limits ?? _limits, loader, escaping)
        {
            MarksRows = marked,
            DocumentFolder = output?.DocumentFolder ?? "",
        };
        context.PushGlobal(TrustedOutputFunctions.Create(context));
        context.PushGlobal(TemplateFunctions.Create());
        context.PushGlobal(DeterministicBuiltins.Create(context));
        context.PushGlobal(globals);
        foreach (var (includePath, known) in included) context.CachedTemplates[includePath] = known;
        try
        {
            var text = template.Render(context);
            foreach (var (includePath, parsed) in context.CachedTemplates)
                if (!parsed.HasErrors) included.TryAdd(includePath, parsed);
            return text;
        }
        catch (ScriptParserRuntimeException e)
        {
            // An included template failed to parse: report its own errors at its own lines.
            ReportSyntaxErrors(e.ParserMessages, diagnostics);
            return null;
        }
        catch (ScriptRuntimeException e)
        {
            var message = e.Message.Contains("include '", StringComparison.Ordinal) && e.Message.Contains("refused", StringComparison.Ordinal)
                ? DiagnosticCatalog.TemplateIncludeRefused.With(("reason", e.OriginalMessage))
                : IsLimit(e) ? DiagnosticCatalog.TemplateLimit.With(("reason", e.OriginalMessage))
                : TemplateMessages.Chinese(e.OriginalMessage, declaredNames ?? Array.Empty<string>());
            diagnostics.Add(Located(message, e.Span));
            return null;
        }
    }

    private static Template Parse(string path, bool marked)
    {
        var template = Template.Parse(File.ReadAllText(path), path);
        if (marked && !template.HasErrors) TemplateRowMarks.Mark(template, path);
        return template;
    }

    /// <summary>
    /// Each parse error at its place; a block left without its end at the statement that opens it, not at the end
    /// of the file where Scriban noticed.
    /// </summary>
    private void ReportSyntaxErrors(IEnumerable<LogMessage> messages, DiagnosticBag diagnostics)
    {
        var unclosedReported = false;
        foreach (var message in messages.Where(m => m.Type == ParserMessageType.Error))
        {
            if (message.Message.Contains(UnclosedBlocks.MissingEndMessage, StringComparison.Ordinal)
                && File.Exists(message.Span.FileName)
                && UnclosedBlocks.Find(File.ReadAllText(message.Span.FileName)) is var (line, column, keyword))
            {
                // Every block Scriban finds open ends at the same place; the innermost open one is named once.
                if (unclosedReported) continue;
                unclosedReported = true;
                diagnostics.Add(DiagnosticCatalog.TemplateSyntax["unclosed"].At(DisplayPaths.For(message.Span.FileName), line + 1, column + 1, ("keyword", keyword)));
                continue;
            }
            diagnostics.Add(Located(DiagnosticCatalog.TemplateSyntax["parser"].With(("reason", message.Message)), message.Span));
        }
    }

    private static bool IsLimit(ScriptRuntimeException e) =>
        e is ScriptAbortException ||
        e.OriginalMessage.Contains("limit", StringComparison.OrdinalIgnoreCase);

    private Diagnostic Located(DiagnosticMessage message, SourceSpan span)
    {
        var file = DisplayPaths.For(string.IsNullOrEmpty(span.FileName) ? _templatesDirectory : span.FileName);
        return message.At(file, span.Start.Line + 1, span.Start.Column + 1);
    }
}

/// <summary>
/// What a rendering is for. <paramref name="MarksRows"/>: HTML the PDF reads, whose rows carry their template marks
/// (<see cref="TemplateRowMarks"/>); the site's pages do not get them. <paramref name="DocumentFolder"/>: the
/// document's folder as diagnostics show it, which printed source locations (data-src) are relative to.
/// </summary>
public sealed record TemplateOutputOptions(bool MarksRows, string DocumentFolder = "");
