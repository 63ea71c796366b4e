using Publishing.Diagnostics;

namespace Publishing.Model;

/// <summary>
/// The editors' checks, each by its one name: form.yaml tunes it by this name (checks: { typos: off }), the check
/// reports under it (IContentCheck.Name), docs/forms.md lists it and docs/diagnostics.md names it beside each of its
/// codes (a test keeps all four in step).
/// </summary>
public static class CheckRegistry
{
    public const string IndicatorFramework = "indicator-framework";
    public const string IndicatorValue = "indicator-value";
    public const string ValueUnit = "value-unit";
    public const string ValueType = "value-type";
    public const string ExpectedCells = "expected-cells";
    public const string Numbering = "numbering";
    public const string Typos = "typos";
    public const string Phrasing = "phrasing";
    public const string StrayLatinWords = "stray-latin-words";
    public const string PairedPunctuation = "paired-punctuation";
    public const string HalfWidthPunctuation = "half-width-punctuation";

    /// <summary>A check's name and the diagnostic codes it reports.</summary>
    public sealed record Entry(string Name, IReadOnlyList<string> Codes);

    /// <summary>Every check, in the order they run.</summary>
    public static IReadOnlyList<Entry> All { get; } = new Entry[]
    {
        new(IndicatorFramework, new[] { DiagnosticCodes.UnknownLevel1, DiagnosticCodes.UnknownLevel2, DiagnosticCodes.MissingLevel1 }),
        new(IndicatorValue, new[] { DiagnosticCodes.UnreadableValue }),
        new(ValueUnit, new[] { DiagnosticCodes.ValueUnitMismatch }),
        new(ValueType, new[] { DiagnosticCodes.ValueTypeMismatch }),
        new(ExpectedCells, new[] { DiagnosticCodes.ExpectedCellEmpty }),
        new(Numbering, new[] { DiagnosticCodes.NumberingSkipped, DiagnosticCodes.NumberingRepeated }),
        new(Typos, new[] { DiagnosticCodes.Typo }),
        new(Phrasing, new[] { DiagnosticCodes.Phrasing }),
        new(StrayLatinWords, new[] { DiagnosticCodes.StrayLatinWord }),
        new(PairedPunctuation, new[] { DiagnosticCodes.UnbalancedPunctuation }),
        new(HalfWidthPunctuation, new[] { DiagnosticCodes.HalfWidthPunctuation }),
    };

    public static IEnumerable<string> Names => All.Select(c => c.Name);

    public static bool IsKnown(string name) => All.Any(c => c.Name == name);
}
