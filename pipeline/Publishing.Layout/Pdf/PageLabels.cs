using Publishing.Layout.Frames;

namespace Publishing.Layout.Pdf;

/// <summary>
/// Page labels (§12.4.2), so a viewer says what the footer prints: a numbered page is labelled with its printed
/// number ("— 1 —" is page 1), and the unnumbered pages before, between or after them (the cover, the 目录) in
/// lower-case roman numerals, counted over the unnumbered pages. A new range starts wherever the printed numbers
/// do not simply go on (a volume whose departments each start at 1).
/// </summary>
internal static class PageLabels
{
    /// <summary>The /Nums array's content: page index, then its range's dictionary, for each range.</summary>
    public static void Write(PdfBuffer buffer, IReadOnlyList<PageFrame> pages)
    {
        buffer.Ascii("<< /Nums [");
        int? previous = null;
        var unnumbered = 0;
        for (var i = 0; i < pages.Count; i++)
        {
            var number = pages[i].Number;
            if (number is null)
            {
                unnumbered++;
                if (i == 0 || previous is not null) buffer.Ascii(" ").Integer(i).Ascii(" << /S /r /St ").Integer(unnumbered).Ascii(" >>");
            }
            else if (i == 0 || previous is null || number != previous + 1)
                buffer.Ascii(" ").Integer(i).Ascii(" << /S /D /St ").Integer(Math.Max(1, number.Value)).Ascii(" >>");
            previous = number;
        }
        buffer.Ascii(" ] >>");
    }
}
