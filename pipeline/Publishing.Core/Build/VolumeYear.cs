using System.Globalization;
using Publishing.Diagnostics;
using Publishing.Model;

namespace Publishing.Build;

/// <summary>
/// The year a volume's cover names: the theme's words when it gives them (volume_year), else its documents'
/// year, or the range of their years ("2020—2023 年", with the 一字线 of GB/T 15834). Documents of several years
/// in one volume are most often a slip (last year's draft left in the folder), so that is a warning at the
/// year of the first document not of the volume's main year (the most frequent one, the newest on a tie).
/// </summary>
public static class VolumeYear
{
    private const int NamesPerYear = 3;

    public static string Words(IReadOnlyList<DocumentMetadata> documents, string themeWords)
    {
        if (!string.IsNullOrWhiteSpace(themeWords)) return themeWords.Trim();
        var years = documents.Select(d => d.Year).Distinct().Order().ToList();
        return years.Count switch
        {
            0 => "",
            1 => $"{Year(years[0])} 年",
            _ => $"{Year(years[0])}—{Year(years[^1])} 年",
        };
    }

    /// <summary>The warning when the documents are of several years and the theme does not say what the cover says.</summary>
    public static void WarnMixed(IReadOnlyList<DocumentMetadata> documents, string themeWords, string themePath, DiagnosticBag diagnostics)
    {
        var byYear = documents.GroupBy(d => d.Year).OrderBy(g => g.Key).ToList();
        if (byYear.Count < 2 || !string.IsNullOrWhiteSpace(themeWords)) return;
        var main = byYear.OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).First().Key;
        var odd = documents.First(d => d.Year != main);
        var listed = string.Join("；", byYear.Select(g => $"{Year(g.Key)} 年：{Names(g.ToList())}"));
        var at = odd.At("year");
        diagnostics.Warning(DiagnosticCodes.VolumeMixedYears, at.Path, at.Line, at.Column,
            $"汇编合并了 {byYear.Count} 个年度的文档（{listed}），封面写作“{Words(documents, "")}”。" +
            $"这份文档是 {Year(odd.Year)} 年的，而多数文档是 {Year(main)} 年的：若不应汇编进来，请把它移出内容目录或改正 year；" +
            $"若确是跨年度汇编而封面应另有写法，请在主题 {themePath} 中写 volume_year（如 volume_year: {Year(main)} 年度）。");
    }

    private static string Names(IReadOnlyList<DocumentMetadata> documents) =>
        string.Join("、", documents.Take(NamesPerYear).Select(d => d.Department))
        + (documents.Count > NamesPerYear ? $" 等 {documents.Count} 个" : "");

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);
}
