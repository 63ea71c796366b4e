using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Publishing.Diagnostics;
using Publishing.Markdown.Extensions.DataReferences;
using Publishing.Model;
using Publishing.Text;

namespace Publishing.Markdown;

/// <summary>
/// Turns one section file into a <see cref="NarrativeSection"/>: its first heading is the section's
/// title, its other headings move one level down (the part is h1, the section h2), ids are made unique
/// across the document, blocks carry data-src="file:line" for later stages, and unsafe links are dropped.
/// </summary>
public sealed class SectionRenderer
{
    private static readonly string[] SafeSchemes = { "http", "https", "mailto" };
    private readonly MarkdownPipeline _pipeline = MarkdownPipelineFactory.Create();
    private readonly HashSet<string> _usedIds;
    private readonly DocumentData _data;
    private readonly string _documentFolder;

    /// <param name="usedIds">Ids already taken in the document (shared by all its sections).</param>
    /// <param name="data">The document's data that narrative text may refer to.</param>
    /// <param name="documentFolder">The document's folder as diagnostics show it: data-src paths are written relative to it.</param>
    public SectionRenderer(HashSet<string> usedIds, DocumentData data, string documentFolder = "")
    {
        _usedIds = usedIds;
        _data = data;
        _documentFolder = documentFolder;
    }

    public NarrativeSection? Render(string markdown, string displayPath, DiagnosticBag diagnostics)
    {
        if (NestingLimit.Find(markdown) is { } deep)
        {
            TooDeep(diagnostics, displayPath, deep.Line, deep.Column, deep.What);
            return null;
        }
        try
        {
            return RenderChecked(markdown, displayPath, diagnostics);
        }
        catch (ArgumentException e) when (e.Message.Contains("too deeply nested", StringComparison.Ordinal))
        {
            // Markdig's own limit, for nesting the line scan above did not see (lazy continuation lines).
            TooDeep(diagnostics, displayPath, 1, 1, DiagnosticCatalog.MarkdownTooDeep["content"].Format());
            return null;
        }
    }

    private static void TooDeep(DiagnosticBag diagnostics, string displayPath, int line, int column, string what) =>
        diagnostics.Add(DiagnosticCatalog.MarkdownTooDeep["too-deep"].At(displayPath, line, column, ("what", what), ("max", NestingLimit.MaxDepth)));

    private NarrativeSection? RenderChecked(string markdown, string displayPath, DiagnosticBag diagnostics)
    {
        var document = Markdig.Markdown.Parse(markdown, _pipeline);
        var title = document.FirstOrDefault() as HeadingBlock;
        if (title is null || title.Level != 1 || InlineText(title.Inline).Length == 0)
        {
            var line = document.FirstOrDefault()?.Line + 1 ?? 1;
            diagnostics.Add(DiagnosticCatalog.SectionWithoutTitle.At(displayPath, line, 1));
            return null;
        }

        var textBlocks = NarrativeTextCollector.Collect(document, markdown, displayPath);
        DataReferenceResolver.Resolve(document, _data, displayPath, diagnostics);
        Extensions.CjkSoftBreaks.CjkSoftBreakExtension.RemoveCjkSoftBreaks(document);

        var headings = new List<SectionHeading>();
        var sourcePath = SourceLocation.PathInDocument(displayPath, _documentFolder);
        foreach (var block in document.Descendants<Block>())
        {
            block.GetAttributes().AddProperty("data-src", $"{sourcePath}:{block.Line + 1}");
            if (block is HeadingBlock heading)
            {
                heading.Level = Math.Min(heading.Level + 1, 6);
                var attributes = heading.GetAttributes();
                attributes.Id = UniqueId(attributes.Id ?? "section");
                var text = InlineText(heading.Inline);
                // Official text styles a heading by its numbering (一、 黑体; （一） 楷体 …), not by its depth.
                if (ChineseNumbering.Read(text) is { } marker) attributes.AddClass($"numbering-level-{marker.Level}");
                headings.Add(new SectionHeading(heading.Level, attributes.Id, text,
                    new SourceLocation(displayPath, heading.Line + 1, heading.Column + 1)));
            }
        }
        DropUnsafeLinks(document, displayPath, diagnostics);

        document.Remove(title);
        var html = RenderHtml(document);
        var titleId = title.GetAttributes().Id!;
        return new NarrativeSection(titleId, InlineText(title.Inline), html,
            new SourceLocation(displayPath, title.Line + 1), headings.Skip(1).ToList()) { TextBlocks = textBlocks };
    }

    private string UniqueId(string id)
    {
        var candidate = id;
        for (var n = 1; !_usedIds.Add(candidate); n++) candidate = $"{id}-{n}";
        return candidate;
    }

    private string RenderHtml(MarkdownDocument document)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        _pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    private static void DropUnsafeLinks(MarkdownDocument document, string displayPath, DiagnosticBag diagnostics)
    {
        // Collect first: moving inlines while walking the tree hides the ones after them from the walk.
        var links = document.Descendants<LinkInline>().ToList();
        var autolinks = document.Descendants<AutolinkInline>().ToList();
        foreach (var link in links)
        {
            var url = link.Url ?? "";
            if (link.IsImage)
            {
                // Neither output shows pictures yet; a remote one would also be fetched by every reviewer's browser.
                diagnostics.Add(DiagnosticCatalog.ImageNotSupported.At(displayPath, link.Line + 1, link.Column + 1, ("url", Shorten(url))));
            }
            else if (IsSafe(url))
            {
                continue;
            }
            else
            {
                diagnostics.Add(DiagnosticCatalog.UnsafeLink.At(displayPath, link.Line + 1, link.Column + 1, ("url", Shorten(url))));
            }
            // Keep the words, lose the link: move the children up in place of the link.
            foreach (var child in link.ToList())
            {
                child.Remove();
                link.InsertBefore(child);
            }
            link.Remove();
        }
        // <javascript:alert(1)> is an autolink, not a LinkInline: it keeps its text and loses its link too.
        foreach (var autolink in autolinks)
        {
            if (autolink.IsEmail || IsSafe(autolink.Url)) continue;
            diagnostics.Add(DiagnosticCatalog.UnsafeLink.At(displayPath, autolink.Line + 1, autolink.Column + 1, ("url", Shorten(autolink.Url))));
            autolink.InsertBefore(new LiteralInline(autolink.Url));
            autolink.Remove();
        }
    }

    internal static bool IsSafe(string url)
    {
        var trimmed = new string(url.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray());
        if (trimmed.Length == 0 || trimmed.StartsWith('#')) return true;
        var colon = trimmed.IndexOf(':');
        var slash = trimmed.IndexOfAny(new[] { '/', '?', '#' });
        if (colon < 0 || (slash >= 0 && slash < colon)) return !trimmed.StartsWith("//", StringComparison.Ordinal);
        var scheme = trimmed[..colon];
        return SafeSchemes.Any(s => s.Equals(scheme, StringComparison.OrdinalIgnoreCase));
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    internal static string InlineText(ContainerInline? inline)
    {
        if (inline is null) return "";
        var text = new System.Text.StringBuilder();
        foreach (var child in inline.Descendants())
        {
            switch (child)
            {
                case LiteralInline literal: text.Append(literal.Content.ToString()); break;
                case CodeInline code: text.Append(code.Content); break;
                case LineBreakInline: text.Append(' '); break;
                case DataReferenceInline reference: text.Append(reference.Value ?? reference.Written); break;
            }
        }
        return text.ToString().Trim();
    }
}
