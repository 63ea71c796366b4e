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
        var listed = string.Join("；", byYear.Select(g => DiagnosticCatalog.VolumeMixedYears["year-documents"].Format(("year", Year(g.Key)), ("names", Names(g.ToList())))));
        var at = odd.At("year");
        diagnostics.Add(DiagnosticCatalog.VolumeMixedYears["mixed"].At(at.Path, at.Line, at.Column, ("count", byYear.Count), ("listed", listed),
            ("cover", Words(documents, "")), ("year", Year(odd.Year)), ("main", Year(main)), ("theme", themePath)));
    }

    private static string Names(IReadOnlyList<DocumentMetadata> documents) =>
        string.Join("、", documents.Take(NamesPerYear).Select(d => d.Department))
        + (documents.Count > NamesPerYear ? $" 等 {documents.Count} 个" : "");

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);
}
