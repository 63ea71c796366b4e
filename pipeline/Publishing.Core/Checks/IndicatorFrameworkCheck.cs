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

        var groups = document.Projects.Select(p => (Owner: $"项目“{p.Code}”（{p.Name}）", p.Indicators))
            .Concat(document.Parts.Where(p => p.Department is not null).Select(p => (Owner: "部门整体绩效目标表", p.Department!.Indicators)));
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
                diagnostics.Error(DiagnosticCodes.MissingLevel1, first.Path, first.Line, 1,
                    $"{owner}没有“{level1.Name}”：指标体系“{framework.Title}”要求都有 " +
                    $"{string.Join("、", required.Select(l => l.Name))}。请补上“{level1.Name}”" +
                    (level1.Level2.Count > 0 ? $"（其下可用 {string.Join("、", level1.Level2)}）。" : "。"));
        }
    }

    private static void CheckIndicator(Indicator indicator, IndicatorFramework framework, DiagnosticBag diagnostics)
    {
        if (indicator.Level1.Length == 0) return; // an empty cell is already an error (PUB2004)
        var level1Word = indicator.Table.NameOf(ColumnRole.Level1);
        var level2Word = indicator.Table.NameOf(ColumnRole.Level2, level1Word + "之下的指标");
        var level1 = framework.Levels.FirstOrDefault(l => l.Name == indicator.Level1);
        if (level1 is null)
        {
            var at = indicator.At(ColumnRole.Level1);
            var owner = framework.Levels.FirstOrDefault(l => l.Level2.Contains(indicator.Level1));
            var hint = owner is not null
                ? $"“{indicator.Level1}”在这个体系中是“{owner.Name}”下的{level2Word}。"
                : Nearest(indicator.Level1, framework.Levels.Select(l => l.Name)) is { } near ? $"是否应为“{near}”？" : "";
            diagnostics.Error(DiagnosticCodes.UnknownLevel1, at.Path, at.Line, at.Column,
                $"{level1Word}“{indicator.Level1}”不在指标体系“{framework.Title}”中：{OneOf(framework.Levels.Select(l => l.Name))}{hint}");
            return;
        }
        if (indicator.Level2.Length == 0 || level1.Level2.Contains(indicator.Level2)) return;

        var at2 = indicator.At(ColumnRole.Level2);
        var elsewhere = framework.Levels.FirstOrDefault(l => l.Level2.Contains(indicator.Level2));
        var isLevel1 = framework.Levels.Any(l => l.Name == indicator.Level2);
        var hint2 = elsewhere is not null ? $"“{indicator.Level2}”属于“{elsewhere.Name}”。"
            : isLevel1 ? $"在这个体系中“{indicator.Level2}”是{level1Word}。"
            : Nearest(indicator.Level2, level1.Level2) is { } near2 ? $"是否应为“{near2}”？" : "";
        diagnostics.Error(DiagnosticCodes.UnknownLevel2, at2.Path, at2.Line, at2.Column,
            $"{level2Word}“{indicator.Level2}”不属于{level1Word}“{level1.Name}”（指标体系“{framework.Title}”）：{OneOf(level1.Level2)}{hint2}");
    }

    /// <summary>"应为 a、b 之一。", or that there are none to choose from (never "应为  之一").</summary>
    private static string OneOf(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count == 0 ? "这里不能有下级指标，请留空。" : $"应为 {string.Join("、", list)} 之一。";
    }

    private static string? Nearest(string name, IEnumerable<string> known) =>
        known.Select(k => (Name: k, Distance: k.Contains(name) || name.Contains(k) ? 0 : EditDistance.Between(k, name)))
            .Where(x => x.Distance <= Math.Max(1, x.Name.Length / 2))
            .OrderBy(x => x.Distance).Select(x => x.Name).FirstOrDefault();
}
