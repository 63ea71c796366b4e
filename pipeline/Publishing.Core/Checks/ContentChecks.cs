using Publishing.Diagnostics;
using Publishing.Model;

namespace Publishing.Checks;

/// <summary>The editors' checks, in the order they run: one for each name of <see cref="CheckRegistry"/>, in its order.</summary>
public static class ContentChecks
{
    public static IReadOnlyList<IContentCheck> All { get; } = new List<IContentCheck>
    {
        new IndicatorFrameworkCheck(),
        new IndicatorValueCheck(),
        new ValueUnitCheck(),
        new ValueTypeCheck(),
        new ExpectedCellsCheck(),
        new NumberingCheck(),
        new TypoCheck(),
        new PhrasingCheck(),
        new StrayLatinWordCheck(),
        new PairedPunctuationCheck(),
        new HalfWidthPunctuationCheck(),
    };

    /// <summary>Runs every check at the severity the document's form gives it: on, warning (never blocks) or off.</summary>
    public static void Run(PublishingDocument document, CheckContext context, DiagnosticBag diagnostics)
    {
        foreach (var check in All)
        {
            var severity = document.Form.SeverityOf(check.Name);
            if (severity == CheckSeverity.Off) continue;
            var found = new DiagnosticBag();
            check.Check(document, context, found);
            diagnostics.AddRange(severity == CheckSeverity.Warning
                ? found.Items.Select(d => d with { Severity = Severity.Warning })
                : found.Items);
        }
    }
}
