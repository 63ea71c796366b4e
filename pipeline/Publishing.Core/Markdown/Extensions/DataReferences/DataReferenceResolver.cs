using Markdig.Syntax;
using Publishing.Diagnostics;
using Publishing.Model;
using Publishing.Text;

namespace Publishing.Markdown.Extensions.DataReferences;

/// <summary>
/// Resolves the data references of a parsed section against the document's data; an unknown project
/// or field is an error (PUB3020) at the reference's line and column.
/// </summary>
public static class DataReferenceResolver
{
    /// <summary>The fields a reference may name, and how each is written out.</summary>
    public static IReadOnlyDictionary<string, Func<Project, string>> Fields { get; } = new Dictionary<string, Func<Project, string>>
    {
        ["项目名称"] = p => p.Name,
        ["预算数"] = p => MoneyText.Format(p.Budget),
        ["财政资金"] = p => MoneyText.Format(p.FiscalFunds),
        ["其他资金"] = p => MoneyText.Format(p.OtherFunds),
    };

    public static void Resolve(MarkdownDocument document, DocumentData data, string displayPath, DiagnosticBag diagnostics)
    {
        foreach (var reference in document.Descendants<DataReferenceInline>())
        {
            var line = reference.Line + 1;
            var column = reference.Column + 1;
            var fieldList = string.Join("、", Fields.Keys);
            if (reference.ProjectCode.Length == 0)
            {
                diagnostics.Error(DiagnosticCodes.UnknownDataReference, displayPath, line, column,
                    $"数据引用“{reference.Written}”应写成 {{{{项目编码.字段}}}}，如 {{{{13082121P45WZGGZ5EGH4.预算数}}}}；字段可以是 {fieldList}。");
                continue;
            }
            if (!data.ProjectsByCode.TryGetValue(reference.ProjectCode, out var project))
            {
                var nearest = data.ProjectsByCode.Keys
                    .Select(k => (Code: k, Distance: EditDistance.Between(k, reference.ProjectCode)))
                    .Where(x => x.Distance <= Math.Max(2, x.Code.Length / 4))
                    .OrderBy(x => x.Distance).ThenBy(x => x.Code, StringComparer.Ordinal)
                    .Select(x => x.Code).FirstOrDefault();
                var hint = nearest is not null ? $"是否应为“{nearest}”？" : "请核对项目编码（见项目表的“项目编码”列）。";
                diagnostics.Error(DiagnosticCodes.UnknownDataReference, displayPath, line, column,
                    $"数据引用“{reference.Written}”中的项目编码“{reference.ProjectCode}”不存在。{hint}");
                continue;
            }
            if (!Fields.TryGetValue(reference.Field, out var value))
            {
                diagnostics.Error(DiagnosticCodes.UnknownDataReference, displayPath, line, column,
                    $"数据引用“{reference.Written}”中的字段“{reference.Field}”不存在：可以引用 {fieldList}。");
                continue;
            }
            reference.Value = value(project);
        }
    }
}
