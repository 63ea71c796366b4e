using Publishing.Diagnostics;
using Publishing.Model;

namespace Publishing.Checks;

/// <summary>The editors' checks, in the order they run.</summary>
public static class ContentChecks
{
    public static IReadOnlyList<IContentCheck> All { get; } = new List<IContentCheck>
    {
        new IndicatorFrameworkCheck(),
        new IndicatorValueCheck(),
        new NumberingCheck(),
        new TypoCheck(),
        new StrayLatinWordCheck(),
        new PairedPunctuationCheck(),
        new HalfWidthPunctuationCheck(),
    };

    public static void Run(PublishingDocument document, CheckContext context, DiagnosticBag diagnostics)
    {
        foreach (var check in All) check.Check(document, context, diagnostics);
    }
}
