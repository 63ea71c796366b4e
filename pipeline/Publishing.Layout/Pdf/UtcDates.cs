using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Publishing.Layout.Pdf;

/// <summary>
/// SkiaSharp writes /CreationDate and /ModDate with the machine's time-zone offset (and a wrong one west of
/// UTC), so the same input gave other bytes in Shanghai than in UTC. The dates are rewritten in place as UTC,
/// in exactly as many bytes, so every offset in the file stays valid.
/// </summary>
internal static partial class UtcDates
{
    [GeneratedRegex(@"/(CreationDate|ModDate) \(D:[0-9]{14}[+\-Z][^)]*\)")]
    private static partial Regex DateEntry();

    /// <param name="text">The file as Latin-1 text (one character per byte), made once by the writer.</param>
    public static void Rewrite(Span<byte> pdf, string text, DateTimeOffset date)
    {
        var stamp = date.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        foreach (Match match in DateEntry().Matches(text))
        {
            var replacement = $"/{match.Groups[1].Value} (D:{stamp}+00'00')";
            if (replacement.Length != match.Length)
                throw new InvalidOperationException($"unexpected PDF date entry '{match.Value}': cannot rewrite it in place");
            Encoding.Latin1.GetBytes(replacement, pdf[match.Index..]);
        }
    }
}
