using System.IO.Compression;
using System.Security.Cryptography;

namespace Publishing.Layout.Pdf;

/// <summary>
/// The file layer of a PDF (ISO 32000-1 §7.5): numbered objects written in the order they are finished, each
/// one's offset kept for the cross-reference table, streams deflated, and a trailer whose /ID is the MD5 of
/// everything before it, so the same pages give the same bytes. Object numbers are reserved before the object
/// is written, so a page can name its fonts and the catalog its pages in any order.
/// </summary>
internal sealed class PdfFileWriter : IDisposable
{
    private const int FlushAt = 64 * 1024;
    private readonly Stream _output;
    private readonly PdfBuffer _pending = new(FlushAt + 4096);
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
    private readonly List<long> _offsets = [0];    // by object number; 0 is the free list's head
    private readonly FileBytes _file;
    private long _flushed;

    public PdfFileWriter(Stream output)
    {
        _output = output;
        _file = new FileBytes(this);
        // The binary comment marks the file as binary for tools that guess (§7.5.2).
        _pending.Ascii("%PDF-1.7\n%").Bytes([0xE2, 0xE3, 0xCF, 0xD3]).Byte((byte)'\n');
    }

    /// <summary>A new object number; its object is written later with <see cref="BeginObject"/>.</summary>
    public int Reserve()
    {
        _offsets.Add(-1);
        return _offsets.Count - 1;
    }

    /// <summary>Starts object <paramref name="number"/>; the caller writes its value into the returned buffer.</summary>
    public PdfBuffer BeginObject(int number)
    {
        if (_offsets[number] >= 0) throw new InvalidOperationException($"PDF object {number} written twice");
        _offsets[number] = _flushed + _pending.Length;
        return _pending.Integer(number).Ascii(" 0 obj\n");
    }

    public void EndObject()
    {
        _pending.Ascii("\nendobj\n");
        if (_pending.Length >= FlushAt) Flush();
    }

    /// <summary>A whole object holding <paramref name="value"/> (a dictionary or array in PDF syntax).</summary>
    public void Object(int number, ReadOnlySpan<byte> value)
    {
        BeginObject(number).Bytes(value);
        EndObject();
    }

    /// <summary>
    /// A stream object, deflated straight into the file (its /Length is an object written after it, so the
    /// compressed bytes need no buffer of their own). zlib's fastest level: deflating is most of what writing
    /// costs, and the size it gives up against the default level is a few per cent of a draft.
    /// </summary>
    public void Stream(int number, ReadOnlySpan<byte> data, string? extraEntries = null)
    {
        var length = Reserve();
        var body = BeginObject(number).Ascii("<< /Length ").Integer(length).Ascii(" 0 R /Filter /FlateDecode");
        if (extraEntries != null) body.Byte((byte)' ').Ascii(extraEntries);
        body.Ascii(" >>\nstream\n");
        Flush();
        var start = _flushed;
        using (var zlib = new ZLibStream(_file, CompressionLevel.Fastest, leaveOpen: true)) zlib.Write(data);
        var compressed = _flushed - start;
        _pending.Ascii("\nendstream");
        EndObject();
        BeginObject(length).Integer(compressed);
        EndObject();
    }

    /// <summary>The cross-reference table and the trailer; every reserved object must have been written.</summary>
    public void Finish(int catalog, int info)
    {
        var missing = _offsets.FindIndex(1, o => o < 0);
        if (missing > 0) throw new InvalidOperationException($"PDF object {missing} was reserved but never written");
        var xref = _flushed + _pending.Length;
        _pending.Ascii("xref\n0 ").Integer(_offsets.Count).Ascii("\n0000000000 65535 f \n");
        Span<byte> entry = stackalloc byte[20];
        foreach (var offset in _offsets.Skip(1))
        {
            var value = offset;
            for (var i = 9; i >= 0; i--) { entry[i] = (byte)('0' + value % 10); value /= 10; }
            " 00000 n \n"u8.CopyTo(entry[10..]);
            _pending.Bytes(entry);
        }
        Flush();
        var id = Convert.ToHexString(_hash.GetHashAndReset());
        _pending.Ascii("trailer\n<< /Size ").Integer(_offsets.Count)
            .Ascii(" /Root ").Integer(catalog).Ascii(" 0 R /Info ").Integer(info).Ascii(" 0 R")
            .Ascii(" /ID [<").Ascii(id).Ascii("> <").Ascii(id).Ascii(">] >>\nstartxref\n").Integer(xref).Ascii("\n%%EOF\n");
        Flush();
    }

    public void Dispose() => _hash.Dispose();

    private void Flush()
    {
        Emit(_pending.Span);
        _pending.Clear();
    }

    /// <summary>Every byte of the file passes here: into the output, the /ID's hash and the offset count.</summary>
    private void Emit(ReadOnlySpan<byte> bytes)
    {
        _hash.AppendData(bytes);
        _output.Write(bytes);
        _flushed += bytes.Length;
    }

    /// <summary>What a deflate stream writes into: straight on into the file.</summary>
    private sealed class FileBytes(PdfFileWriter writer) : System.IO.Stream
    {
        public override void Write(ReadOnlySpan<byte> buffer) => writer.Emit(buffer);
        public override void Write(byte[] buffer, int offset, int count) => writer.Emit(buffer.AsSpan(offset, count));
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => writer._flushed;
        public override long Position { get => writer._flushed; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
