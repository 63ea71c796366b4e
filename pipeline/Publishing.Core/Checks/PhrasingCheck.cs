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
            diagnostics.Add(DiagnosticCatalog.Phrasing.At(at.Path, at.Line, at.Column, ("found", found), ("suggested", suggested), ("note", note))));
}
