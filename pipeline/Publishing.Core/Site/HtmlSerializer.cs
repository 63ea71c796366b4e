using System.Text;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html;

namespace Publishing.Site;

/// <summary>
/// AngleSharp's markup, written in one pass. Its own <c>InnerHtml</c> spends time in each element that grows with
/// the element's place among its siblings (a section of 90,000 paragraphs took most of a minute); this walks the
/// tree once with the same formatter and the same rules (void elements, the line feed kept at the start of a pre,
/// the raw text of style and script), so the bytes are the same and the time is linear in the nodes. It also writes
/// the page's <see cref="PageInsertions"/> where they belong, as if they had been inserted into the tree.
/// </summary>
internal static class HtmlSerializer
{
    private static readonly IMarkupFormatter Formatter = HtmlMarkupFormatter.Instance;

    public static string InnerHtml(INode parent, PageInsertions? insertions = null)
    {
        var text = new StringBuilder();
        foreach (var child in parent.ChildNodes) Write(child, text, insertions);
        return text.ToString();
    }

    public static string OuterHtml(INode node)
    {
        var text = new StringBuilder();
        Write(node, text, null);
        return text.ToString();
    }

    private enum Step { Open, OpenBare, Close }

    private static void Write(INode node, StringBuilder text, PageInsertions? insertions)
    {
        // Depth-first without recursion (a template may nest deeply); an element's close tag is a step of its own.
        var stack = new Stack<(INode Node, Step Step)>();
        stack.Push((node, Step.Open));
        while (stack.Count > 0)
        {
            var (current, step) = stack.Pop();
            if (step == Step.Close)
            {
                text.Append(Formatter.CloseTag((IElement)current, selfClosing: false));
                continue;
            }
            if (step == Step.Open && current is IElement inserting && insertions is not null && insertions.Around(inserting) is { } around)
            {
                // As if inserted: the wrapper's open tag, the element, the wrapper's close tag, then what follows it.
                for (var i = around.After.Count - 1; i >= 0; i--) stack.Push((around.After[i], Step.OpenBare));
                if (around.Wrapper is { } wrapper)
                {
                    stack.Push((wrapper, Step.Close));
                    text.Append(Formatter.OpenTag(wrapper, selfClosing: false));
                }
                stack.Push((current, Step.OpenBare));
                continue;
            }
            switch (current)
            {
                case IElement element when element.LocalName == "template":
                    WriteWithAngleSharp(element, text);   // its content is a fragment of its own: rare, AngleSharp's writer
                    break;
                case IElement element:
                    var selfClosing = (element.Flags & NodeFlags.SelfClosing) == NodeFlags.SelfClosing;
                    text.Append(Formatter.OpenTag(element, selfClosing));
                    if (selfClosing)
                    {
                        text.Append(Formatter.CloseTag(element, selfClosing: true));
                        break;
                    }
                    if ((element.Flags & NodeFlags.LineTolerance) == NodeFlags.LineTolerance && element.FirstChild is IText { Data: ['\n', ..] })
                        text.Append('\n');
                    stack.Push((element, Step.Close));
                    var children = element.ChildNodes;
                    for (var i = children.Length - 1; i >= 0; i--) stack.Push((children[i], Step.Open));
                    break;
                case IText t when t.Parent is { } parent && (parent.Flags & NodeFlags.LiteralText) == NodeFlags.LiteralText:
                    text.Append(t.Data);
                    break;
                case IText t:
                    text.Append(Formatter.Text(t));
                    break;
                case IComment comment:
                    text.Append(Formatter.Comment(comment));
                    break;
                default:
                    WriteWithAngleSharp(current, text);
                    break;
            }
        }
    }

    private static void WriteWithAngleSharp(INode node, StringBuilder text)
    {
        using var writer = new StringWriter(text);
        node.ToHtml(writer, Formatter);
    }
}

/// <summary>
/// Elements the page adds around the document's own (a scroll box around a table, a badge after a changed
/// heading), written by <see cref="HtmlSerializer"/> in their places instead of inserted into the tree: AngleSharp
/// finds a node's place among its siblings by walking them, so thousands of insertions into one long section took
/// time that grew with the square of its length.
/// </summary>
internal sealed class PageInsertions
{
    public sealed record Additions(IElement? Wrapper, List<IElement> After);

    private readonly Dictionary<IElement, Additions> _around = new(ReferenceEqualityComparer.Instance);

    /// <summary>The element is written inside <paramref name="wrapper"/> (an element with no children of its own).</summary>
    public void Wrap(IElement element, IElement wrapper) =>
        _around[element] = (_around.GetValueOrDefault(element) ?? new Additions(null, [])) with { Wrapper = wrapper };

    /// <summary><paramref name="added"/> is written right after the element (after its wrapper), in the order added.</summary>
    public void InsertAfter(IElement element, IElement added)
    {
        if (!_around.TryGetValue(element, out var additions)) _around[element] = additions = new Additions(null, []);
        additions.After.Insert(0, added);   // as DOM InsertAfter: the latest stands right after the element
    }

    internal Additions? Around(IElement element) => _around.GetValueOrDefault(element);
}
