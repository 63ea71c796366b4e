using Publishing.Content;
using Publishing.Diagnostics;
using Publishing.Model;
using Publishing.Text;

namespace Publishing.Checks;

/// <summary>
/// PUB2030/PUB2031/PUB2032: each indicator's 一级 and 二级 must belong to the indicator framework the
/// manifest names (framework: classic → templates/frameworks/classic.yaml), and each project must have
/// every 一级 of it. An unknown framework name is an error at the manifest's framework line (PUB1104).
/// </summary>
public sealed partial class IndicatorFrameworkCheck : IContentCheck
{
    public string Name => CheckRegistry.IndicatorFramework;

    public void Check(PublishingDocument document, CheckContext context, DiagnosticBag diagnostics)
    {
        if (document.Framework is not { } framework) return; // an unknown framework is reported where document.yaml names it

        var groups = document.Projects.Select(p => (Owner: Words["project"].Format(("code", p.Code), ("name", p.Name)), p.Indicators))
            .Concat(document.Parts.Where(p => p.Department is not null).Select(p => (Owner: Words["department"].Format(), p.Department!.Indicators)));
        // Messages name the levels as the form's columns do (一级指标, or 一级 in a form that calls them so).
        foreach (var (owner, indicators) in groups)
        {
            foreach (var indicator in indicators)
                CheckIndicator(indicator, framework, diagnostics);

            // An unknown 一级 is most likely the missing one misspelt: reported once, as unknown.
            if (indicators.Count == 0 || indicators.Any(i => i.Level1.Length > 0 && framework.Levels.All(l => l.Name != i.Level1))) continue;
            var present = indicators.Select(i => i.Level1).ToHashSet(StringComparer.Ordinal);
            var required = framework.Levels.Where(l => !l.Optional).ToList();
            var first = indicators[0].Source;
            foreach (var level1 in required.Where(l => !present.Contains(l.Name)))
                diagnostics.Add(level1.Level2.Count > 0
                    ? Words["with-level2"].At(first.Path, first.Line, 1, ("owner", owner), ("level1", level1.Name), ("framework", framework.Title),
                        ("required", required.Select(l => l.Name)), ("level2", level1.Level2))
                    : Words["without-level2"].At(first.Path, first.Line, 1, ("owner", owner), ("level1", level1.Name), ("framework", framework.Title),
                        ("required", required.Select(l => l.Name))));
        }
    }

    private static void CheckIndicator(Indicator indicator, IndicatorFramework framework, DiagnosticBag diagnostics)
    {
        if (indicator.Level1.Length == 0) return; // an empty cell is already an error (PUB2004)
        var level1Word = indicator.Table.NameOf(ColumnRole.Level1);
        var level2Word = indicator.Table.NameOf(ColumnRole.Level2, DiagnosticCatalog.UnknownLevel2["below"].Format(("level1", level1Word)));
        var level1 = framework.Levels.FirstOrDefault(l => l.Name == indicator.Level1);
        if (level1 is null)
        {
            var at = indicator.At(ColumnRole.Level1);
            var owner = framework.Levels.FirstOrDefault(l => l.Level2.Contains(indicator.Level1));
            var hint = owner is not null
                ? DiagnosticCatalog.UnknownLevel1["is-level2"].Format(("value", indicator.Level1), ("owner", owner.Name), ("level2", level2Word))
                : DiagnosticPhrases.DidYouMean(Nearest(indicator.Level1, framework.Levels.Select(l => l.Name)));
            diagnostics.Add(DiagnosticCatalog.UnknownLevel1["unknown"].At(at.Path, at.Line, at.Column, ("level1", level1Word), ("value", indicator.Level1),
                ("framework", framework.Title), ("choices", OneOf(framework.Levels.Select(l => l.Name))), ("hint", hint)));
            return;
        }
        if (indicator.Level2.Length == 0 || level1.Level2.Contains(indicator.Level2)) return;

        var at2 = indicator.At(ColumnRole.Level2);
        var elsewhere = framework.Levels.FirstOrDefault(l => l.Level2.Contains(indicator.Level2));
        var isLevel1 = framework.Levels.Any(l => l.Name == indicator.Level2);
        var hint2 = elsewhere is not null ? DiagnosticCatalog.UnknownLevel2["belongs-to"].Format(("value", indicator.Level2), ("owner", elsewhere.Name))
            : isLevel1 ? DiagnosticCatalog.UnknownLevel2["is-level1"].Format(("value", indicator.Level2), ("level1", level1Word))
            : DiagnosticPhrases.DidYouMean(Nearest(indicator.Level2, level1.Level2));
        diagnostics.Add(DiagnosticCatalog.UnknownLevel2["unknown"].At(at2.Path, at2.Line, at2.Column, ("level2", level2Word), ("value", indicator.Level2),
            ("level1", level1Word), ("parent", level1.Name), ("framework", framework.Title), ("choices", OneOf(level1.Level2)), ("hint", hint2)));
    }

    /// <summary>"应为 a、b 之一。", or that there are none to choose from (never "应为  之一").</summary>
    private static string OneOf(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count == 0 ? DiagnosticCatalog.UnknownLevel2["none-below"].Format() : DiagnosticCatalog.UnknownLevel2["one-of"].Format(("names", list));
    }

    private static string? Nearest(string name, IEnumerable<string> known) =>
        known.Select(k => (Name: k, Distance: k.Contains(name) || name.Contains(k) ? 0 : EditDistance.Between(k, name)))
            .Where(x => x.Distance <= Math.Max(1, x.Name.Length / 2))
            .OrderBy(x => x.Distance).Select(x => x.Name).FirstOrDefault();

    private static DiagnosticKind Words => DiagnosticCatalog.MissingLevel1;
}
