using System.Text;
using Publishing.Diagnostics;

namespace Publishing.Content;

/// <summary>
/// Reads an editor's text file whatever Excel or Notepad saved it as: UTF-8 with or without BOM,
/// UTF-16 with BOM, or GB18030/GBK (Excel's default for Chinese CSV). GB18030 is read with a warning
/// that says how to save as UTF-8; bytes that are neither are refused, so mojibake never reaches an output;
/// invisible control characters are errors at their place (<see cref="ControlCharacters"/>).
/// </summary>
public static class TextFileDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TextFileDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string? Read(string fullPath, string displayPath, DiagnosticBag diagnostics)
    {
        if (ReadBytes(fullPath, displayPath, diagnostics) is not { } bytes) return null;
        return Decode(bytes, displayPath, diagnostics) is { } text ? ControlCharacters.Check(text, displayPath, diagnostics) : null;
    }

    /// <summary>A content file's bytes, or null with one diagnostic when it is not a regular file or cannot be read.</summary>
    public static byte[]? ReadBytes(string fullPath, string displayPath, DiagnosticBag diagnostics)
    {
        if (RegularFiles.Of(fullPath) is var kind && kind is RegularFiles.Kind.Directory or RegularFiles.Kind.Other)
        {
            diagnostics.Add(DiagnosticCatalog.NotARegularFile[kind == RegularFiles.Kind.Directory ? "folder" : "device"].At(displayPath, 0, 0));
            return null;
        }
        try
        {
            return File.ReadAllBytes(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(DiagnosticCatalog.FileUnreadable.At(displayPath, 0, 0, ("reason", e.Message)));
            return null;
        }
    }

    public static string? Decode(ReadOnlySpan<byte> bytes, string displayPath, DiagnosticBag diagnostics)
    {
        if (bytes.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }))
            return DecodeUtf8(bytes[3..], displayPath, diagnostics);
        if (bytes.StartsWith(new byte[] { 0xFF, 0xFE }))
            return Normalize(Encoding.Unicode.GetString(bytes[2..]));
        if (bytes.StartsWith(new byte[] { 0xFE, 0xFF }))
            return Normalize(Encoding.BigEndianUnicode.GetString(bytes[2..]));

        if (IsValidUtf8(bytes))
            return Normalize(StrictUtf8.GetString(bytes));

        var gb18030 = Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        try
        {
            var text = gb18030.GetString(bytes);
            if (LooksLikeChinese(text))
            {
                diagnostics.Add(DiagnosticCatalog.LegacyEncoding.At(displayPath, 1, 1));
                return Normalize(text);
            }
        }
        catch (DecoderFallbackException)
        {
            // Neither UTF-8 nor GB18030: refused below.
        }

        var (line, column) = FirstInvalidUtf8(bytes);
        diagnostics.Add(DiagnosticCatalog.UnknownEncoding["neither"].At(displayPath, line, column));
        return null;
    }

    private static string? DecodeUtf8(ReadOnlySpan<byte> bytes, string displayPath, DiagnosticBag diagnostics)
    {
        if (IsValidUtf8(bytes))
            return Normalize(StrictUtf8.GetString(bytes));
        var (line, column) = FirstInvalidUtf8(bytes);
        diagnostics.Add(DiagnosticCatalog.UnknownEncoding["bad-utf8-after-bom"].At(displayPath, line, column));
        return null;
    }

    private static bool IsValidUtf8(ReadOnlySpan<byte> bytes) => System.Text.Unicode.Utf8.IsValid(bytes);

    /// <summary>GB18030 decodes almost any byte soup; accept it only when the result is mostly CJK text.</summary>
    private static bool LooksLikeChinese(string text)
    {
        int cjk = 0, other = 0;
        foreach (var c in text)
        {
            if (c < 0x80) continue;
            if (c is >= '\u4e00' and <= '\u9fff' or >= '\u3000' and <= '\u303f' or >= '\uff00' and <= '\uffef') cjk++;
            else other++;
        }
        return cjk > 0 && cjk >= other * 4;
    }

    private static (int Line, int Column) FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        int line = 1, column = 1, i = 0;
        while (i < bytes.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes[i..], out var rune, out var consumed);
            if (status != System.Buffers.OperationStatus.Done) return (line, column);
            if (rune.Value == '\n') { line++; column = 1; } else column++;
            i += consumed;
        }
        return (line, column);
    }

    /// <summary>Line ends become \n so line numbers and output bytes do not depend on the editor's platform.</summary>
    private static string Normalize(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n');
}
