using Publishing.Layout.Flow;
using Publishing.Layout.Frames;
using Publishing.Layout.Text;

namespace Publishing.Layout.Pages;

/// <summary>Where an anchor landed: page index (0-based), its printed number (null if unnumbered) and y.</summary>
public sealed record AnchorPlace(int PageIndex, int? Number, double Y);

public sealed record LayoutResult(IReadOnlyList<PageFrame> Pages, IReadOnlyDictionary<string, AnchorPlace> Anchors,
    IReadOnlyList<MissingGlyph> Missing, int Passes)
{
    /// <summary>Text cut where no break is allowed (a cell's value wider than its cell), once each.</summary>
    public IReadOnlyList<Overflow> Overflows { get; init; } = Array.Empty<Overflow>();

    /// <summary>What was taller than a whole page (a table row split across pages, a cover cut at the foot), once each.</summary>
    public IReadOnlyList<TooTall> TooTall { get; init; } = Array.Empty<TooTall>();

    /// <summary>Links (目录 lines) whose target is nowhere in the document: their number printed 0. Once per target and source.</summary>
    public IReadOnlyList<UnresolvedTarget> UnresolvedTargets { get; init; } = Array.Empty<UnresolvedTarget>();
}

/// <summary>
/// Pagination: each section starts a page, its content is laid out page after page until complete; the page
/// number goes into the footer last. Passes repeat while anchors' page numbers change (目录 numbers), at most
/// <see cref="MaxPasses"/> times. A later pass lays out again only the sections that asked for page numbers
/// (the 目录) and those whose first page moved; every other section keeps its pages from the pass before
/// (shaping and line breaking are cached too), so the body is laid out once.
/// </summary>
public static class DocumentLayout
{
    public const int MaxPasses = 4;

    public static LayoutResult Run(LayoutDocument document)
    {
        var context = new LayoutContext { Punctuation = document.Punctuation };
        IReadOnlyDictionary<string, int?> known = new Dictionary<string, int?>();
        SectionPages[]? previous = null;
        for (var pass = 1; ; pass++)
        {
            context.StartPass(known);
            var (pages, anchors, sections) = Paginate(document, context, previous);
            var numbers = anchors.ToDictionary(a => a.Key, a => a.Value.Number);
            if (pass >= MaxPasses || SameNumbers(known, numbers))
                return new LayoutResult(pages, anchors, context.Missing.ToList(), pass)
                {
                    Overflows = context.Overflows.ToList(),
                    TooTall = context.TooTall.ToList(),
                    // The last pass asked for every number again (a section that asks is always laid out anew).
                    UnresolvedTargets = context.Targets.Where(t => !anchors.ContainsKey(t.Target))
                        .Select(t => new UnresolvedTarget(t.Target, (t.Link as LeaderLine)?.Text ?? "", t.Link.Source)).Distinct().ToList(),
                };
            known = numbers;
            previous = sections;
        }
    }

    /// <summary>One section's pages in a pass: where they began (page index and the number before the first)
    /// and whether the section asked for page numbers (then it is laid out again in the next pass).</summary>
    private sealed record SectionPages(int FirstPage, int NumberBefore, bool AskedNumbers, List<PageFrame> Pages,
        List<(string Name, AnchorPlace Place)> Anchors);

    private static bool SameNumbers(IReadOnlyDictionary<string, int?> a, IReadOnlyDictionary<string, int?> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);

    private static (List<PageFrame>, Dictionary<string, AnchorPlace>, SectionPages[]) Paginate(LayoutDocument document,
        LayoutContext context, SectionPages[]? previous)
    {
        var pages = new List<PageFrame>();
        var anchors = new Dictionary<string, AnchorPlace>(StringComparer.Ordinal);
        var sections = new SectionPages[document.Sections.Count];
        var number = 0;
        for (var s = 0; s < document.Sections.Count; s++)
        {
            var section = document.Sections[s];
            var page = section.Page ?? document.Page;
            if (section.Numbering == PageNumbering.RestartAtOne) number = 0;
            // The same start and no page numbers asked: the section lays out exactly as in the pass before.
            if (previous?[s] is { AskedNumbers: false } kept && kept.FirstPage == pages.Count && kept.NumberBefore == number)
            {
                pages.AddRange(kept.Pages);
                foreach (var (name, place) in kept.Anchors) anchors.TryAdd(name, place);
                number += kept.Pages.Count(p => p.Number is not null);
                sections[s] = kept;
                if (pages.Count > document.MaxPages) throw new PageLimitExceededException(document.MaxPages, s);
                continue;
            }
            var current = new SectionPages(pages.Count, number, false, new List<PageFrame>(), new List<(string, AnchorPlace)>());
            var lookups = context.AnchorLookups;
            object? resume = null;
            var emptyPages = 0;
            while (true)
            {
                var fragment = section.Content.Layout(context, page.BodyWidth, page.BodyHeight, resume, atPageTop: true);
                int? printed = section.Numbering == PageNumbering.None ? null : ++number;
                var items = fragment.Items.Select(i => i.Offset(page.MarginLeft, page.MarginTop)).ToList();
                if (resume is null && !string.IsNullOrEmpty(section.Content.Anchor))
                    items.Insert(0, new AnchorMark(section.Content.Anchor, page.MarginLeft, page.MarginTop));
                if (printed is { } n && document.Footer is { } footer) items.AddRange(Footer(context, footer, page, n));
                foreach (var anchor in items.OfType<AnchorMark>())
                {
                    var place = new AnchorPlace(pages.Count, printed, anchor.Y);
                    current.Anchors.Add((anchor.Name, place));
                    anchors.TryAdd(anchor.Name, place);
                }
                var frame = new PageFrame(page.Width, page.Height, items, printed, s);
                pages.Add(frame);
                current.Pages.Add(frame);
                if (pages.Count > document.MaxPages) throw new PageLimitExceededException(document.MaxPages, s);
                if (fragment.Fit == Fit.Complete) break;
                emptyPages = fragment.Items.Count == 0 && fragment.Height == 0 ? emptyPages + 1 : 0;
                if (emptyPages > 2) throw new InvalidOperationException($"section {s} makes no progress (content cannot be placed)");
                resume = fragment.Resume;
            }
            sections[s] = current with { AskedNumbers = context.AnchorLookups != lookups };
        }
        // A PDF needs at least one page: an empty document is one blank page.
        if (pages.Count == 0) pages.Add(new PageFrame(document.Page.Width, document.Page.Height, Array.Empty<FrameItem>(), null, 0));
        return (pages, anchors, sections);
    }

    /// <summary>
    /// How far the page number's ink reaches above its baseline: the tallest of the format's characters and the ten
    /// digits, so the number stands at the same height on every page whatever its digits.
    /// </summary>
    private static double InkAscent(PageFooter footer)
    {
        var top = 0.0;
        foreach (var rune in (footer.Format.Replace("{page}", "", StringComparison.Ordinal) + "0123456789").EnumerateRunes())
            if (footer.Style.Font.FaceFor(rune.Value) is { } face) top = Math.Max(top, face.InkTop(rune.Value));
        return top * footer.Style.Size;
    }

    private static IEnumerable<FrameItem> Footer(LayoutContext context, PageFooter footer, PageSetup page, int number)
    {
        var text = footer.Format.Replace("{page}", number.ToString(), StringComparison.Ordinal);
        var align = footer.Placement == FooterPlacement.Center ? TextAlign.Center : number % 2 == 1 ? TextAlign.Right : TextAlign.Left;
        var indent = footer.Placement == FooterPlacement.Outside ? footer.OutsideIndent : 0;
        var paragraph = new Paragraph(new[] { new TextSpan(text, footer.Style) },
            new ParagraphStyle { Align = align, LinePitch = footer.Style.Size * 1.2, AvoidLoneLastChar = false });
        var fragment = paragraph.Layout(context, page.BodyWidth - 2 * indent, 1e6, null, true);
        var baselineInLine = TextRenderer.BaselineOffset(footer.Style.Size * 1.2, footer.Style.Size);
        var baseline = page.MarginTop + page.BodyHeight + footer.TopBelowBody + InkAscent(footer);
        var top = baseline - baselineInLine;
        return fragment.Items.Select(i => i.Offset(page.MarginLeft + indent, top));
    }
}
