using System.Text;

namespace Publishing.Layout.Pdf;

/// <summary>
/// A growable byte buffer with the few ways PDF syntax writes values: ASCII tokens, integers, decimal numbers
/// with a fixed number of places (trailing zeros trimmed, never an exponent, never "-0"), hex glyph codes and
/// text strings. Written by hand instead of through string formatting: a document's pages hold tens of
/// thousands of numbers, and formatting them as .NET strings was a large share of the writer's time.
/// </summary>
internal sealed class PdfBuffer
{
    private static readonly long[] Powers = [1, 10, 100, 1000, 10000];
    private byte[] _bytes;

    public PdfBuffer(int capacity = 4096) => _bytes = new byte[capacity];

    public int Length { get; private set; }
    public ReadOnlySpan<byte> Span => _bytes.AsSpan(0, Length);

    public void Clear() => Length = 0;

    public PdfBuffer Byte(byte value)
    {
        Ensure(1);
        _bytes[Length++] = value;
        return this;
    }

    public PdfBuffer Ascii(string text)
    {
        Ensure(text.Length);
        for (var i = 0; i < text.Length; i++) _bytes[Length + i] = (byte)text[i];
        Length += text.Length;
        return this;
    }

    public PdfBuffer Bytes(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_bytes.AsSpan(Length));
        Length += bytes.Length;
        return this;
    }

    public PdfBuffer Integer(long value)
    {
        Ensure(20);
        if (value < 0) { _bytes[Length++] = (byte)'-'; value = -value; }
        WriteDigits((ulong)value, 0);
        return this;
    }

    /// <summary>The number rounded to <paramref name="places"/> decimals (at most 4).</summary>
    public PdfBuffer Number(double value, int places = 2)
    {
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(nameof(value), value, "PDF numbers are finite");
        var power = Powers[places];
        var scaled = (long)Math.Round(value * power, MidpointRounding.AwayFromZero);
        Ensure(24);
        if (scaled < 0) { _bytes[Length++] = (byte)'-'; scaled = -scaled; }
        var whole = scaled / power;
        var fraction = scaled % power;
        WriteDigits((ulong)whole, 0);
        if (fraction != 0)
        {
            var digits = places;
            while (fraction % 10 == 0) { fraction /= 10; digits--; }
            _bytes[Length++] = (byte)'.';
            WriteDigits((ulong)fraction, digits);
        }
        return this;
    }

    /// <summary>A two-byte glyph code as four hex digits (inside a hex string).</summary>
    public PdfBuffer Hex4(int code)
    {
        Ensure(4);
        for (var shift = 12; shift >= 0; shift -= 4) _bytes[Length++] = HexDigit((code >> shift) & 0xF);
        return this;
    }

    /// <summary>
    /// A text string (document information, bookmark titles): a literal string when it is printable ASCII,
    /// else UTF-16BE with a byte order mark, written as hex.
    /// </summary>
    public PdfBuffer TextString(string text)
    {
        if (text.All(c => c is >= ' ' and <= '~'))
        {
            Byte((byte)'(');
            foreach (var c in text)
            {
                if (c is '(' or ')' or '\\') Byte((byte)'\\');
                Byte((byte)c);
            }
            return Byte((byte)')');
        }
        Ascii("<FEFF");
        foreach (var b in Encoding.BigEndianUnicode.GetBytes(text))
        {
            Ensure(2);
            _bytes[Length++] = HexDigit(b >> 4);
            _bytes[Length++] = HexDigit(b & 0xF);
        }
        return Byte((byte)'>');
    }

    private void WriteDigits(ulong value, int minimumDigits)
    {
        Span<byte> digits = stackalloc byte[20];
        var n = 0;
        do { digits[n++] = (byte)('0' + (int)(value % 10)); value /= 10; } while (value != 0);
        while (n < minimumDigits) digits[n++] = (byte)'0';
        Ensure(n);
        for (var i = n - 1; i >= 0; i--) _bytes[Length++] = digits[i];
    }

    private static byte HexDigit(int value) => (byte)(value < 10 ? '0' + value : 'A' + value - 10);

    private void Ensure(int more)
    {
        if (Length + more <= _bytes.Length) return;
        Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, Length + more));
    }
}
