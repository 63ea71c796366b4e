using System.Globalization;
using System.Text;

namespace Publishing.Layout.Ofd;

/// <summary>ST_Array values (GB/T 33190 §5.3), with the standard's "g n v" for n repeats of v.</summary>
internal static class OfdArrays
{
    /// <summary>
    /// Glyph-to-glyph steps in micrometres: a run of three or more equal steps (a line on the character grid)
    /// is written once as "g count step".
    /// </summary>
    public static StringBuilder Deltas(IReadOnlyList<long> deltas)
    {
        var text = new StringBuilder(deltas.Count * 4);
        for (var i = 0; i < deltas.Count;)
        {
            var j = i + 1;
            while (j < deltas.Count && deltas[j] == deltas[i]) j++;
            if (text.Length > 0) text.Append(' ');
            if (j - i >= 3)
            {
                text.Append("g ").Append((j - i).ToString(CultureInfo.InvariantCulture)).Append(' ');
                OfdXml.Number(text, deltas[i]);
            }
            else
                for (var k = i; k < j; k++)
                {
                    if (k > i) text.Append(' ');
                    OfdXml.Number(text, deltas[k]);
                }
            i = j;
        }
        return text;
    }
}
