using Publishing.Diagnostics;
using Publishing.Model;

namespace Publishing.Checks;

/// <summary>
/// PUB3014: phrasings from the phrasing list (templates/checks/phrasing.txt, 语病: a mixed construction, 的 for
/// 地, a missing 达, 确保 where 防止 is meant) found in the narrative or in the CSV's text cells, each at the
/// start of the words it names. The list is data like the typo list; its entries may span a gap (“…”).
/// </summary>
public sealed class PhrasingCheck : IContentCheck
{
    public string Name => CheckRegistry.Phrasing;

    public void Check(PublishingDocument document, CheckContext context, DiagnosticBag diagnostics) =>
        TypoCheck.Report(document, context.Data.Phrasing(diagnostics, document.Form), (at, found, suggested, note) =>
            diagnostics.Warning(DiagnosticCodes.Phrasing, at.Path, at.Line, at.Column,
                $"疑似语病：“{found}”宜改为“{suggested}”{note}。若确属原意，可在 templates/checks/phrasing.txt 中调整这一条。"));
}
