using System.IO.Compression;
using System.Security.Cryptography;

namespace Publishing.Layout.Pdf;

/// <summary>
/// The file layer of a PDF (ISO 32000-1 §7.5): numbered objects written in the order they are finished, each
/// one's offset kept for the cross-reference table, streams deflated, and a trailer whose /ID is the MD5 of
/// everything before it, so the same pages give the same bytes. Object numbers are reserved before the object
/// is written, so a page can name its fonts and the catalog its pages in any order. Small objects that come in
/// thousands (the structure tree's elements) may go into deflated object streams (§7.5.7); the file then ends
/// with a cross-reference stream (§7.5.8) instead of the table, as only such a stream can point into them.
/// </summary>
internal sealed class PdfFileWriter : IDisposable
{
    private const int FlushAt = 64 * 1024;
    private readonly Stream _output;
    private readonly PdfBuffer _pending = new(FlushAt + 4096);
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
    private readonly List<long> _offsets = [0];    // by object number; 0 is the free list's head
    /// <summary>For an object inside an object stream: that stream's number and the object's index in it (else 0, 0).</summary>
    private readonly List<(int Stream, int Index)> _packed = [(0, 0)];
    private readonly FileBytes _file;
    private long _flushed;
    /// <summary>Objects waiting for their object stream: their numbers and, in <see cref="_packedBodies"/>, their values.</summary>
    private readonly List<(int Number, int Offset)> _packing = new();
    private readonly PdfBuffer _packedBodies = new(64 * 1024);
    private bool _anyPacked;
    private const int ObjectsPerStream = 200;

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
        _packed.Add((0, 0));
        return _offsets.Count - 1;
    }

    /// <summary>
    /// A small object (no stream) written into a deflated object stream with others, for compactness: thousands of
    /// structure elements would otherwise take as much room as the text they describe.
    /// </summary>
    public void PackedObject(int number, ReadOnlySpan<byte> value)
    {
        if (_offsets[number] >= 0) throw new InvalidOperationException($"PDF object {number} written twice");
        _offsets[number] = 0;
        _packing.Add((number, _packedBodies.Length));
        _packedBodies.Bytes(value).Byte((byte)'\n');
        if (_packing.Count >= ObjectsPerStream) FlushPacked();
    }

    /// <summary>Writes the waiting small objects as one object stream: "number offset" pairs, then their values.</summary>
    private void FlushPacked()
    {
        if (_packing.Count == 0) return;
        var stream = Reserve();
        var header = new PdfBuffer(_packing.Count * 12);
        for (var i = 0; i < _packing.Count; i++)
        {
            header.Integer(_packing[i].Number).Byte((byte)' ').Integer(_packing[i].Offset).Byte((byte)' ');
            _packed[_packing[i].Number] = (stream, i);
        }
        var data = new byte[header.Length + _packedBodies.Length];
        header.Span.CopyTo(data);
        _packedBodies.Span.CopyTo(data.AsSpan(header.Length));
        Stream(stream, data, $"/Type /ObjStm /N {_packing.Count} /First {header.Length}");
        _packing.Clear();
        _packedBodies.Clear();
        _anyPacked = true;
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
        var length = BeginStream(number, extraEntries);
        var start = _flushed;
        using (var zlib = new ZLibStream(_file, CompressionLevel.Fastest, leaveOpen: true)) zlib.Write(data);
        EndStream(length, _flushed - start);
    }

    /// <summary>
    /// A stream object of data <see cref="Deflate"/> compressed before (a font program kept for other documents):
    /// the same bytes <see cref="Stream"/> writes for those data.
    /// </summary>
    public void DeflatedStream(int number, ReadOnlySpan<byte> deflated, string? extraEntries = null)
    {
        var length = BeginStream(number, extraEntries);
        Emit(deflated);
        EndStream(length, deflated.Length);
    }

    /// <summary>The data deflated as <see cref="Stream"/> deflates them, for <see cref="DeflatedStream"/>.</summary>
    public static byte[] Deflate(ReadOnlySpan<byte> data)
    {
        using var deflated = new MemoryStream();
        using (var zlib = new ZLibStream(deflated, CompressionLevel.Fastest, leaveOpen: true)) zlib.Write(data);
        return deflated.ToArray();
    }

    /// <summary>A stream's dictionary and keyword, flushed so its data can go straight into the file; returns its /Length object.</summary>
    private int BeginStream(int number, string? extraEntries)
    {
        var length = Reserve();
        var body = BeginObject(number).Ascii("<< /Length ").Integer(length).Ascii(" 0 R /Filter /FlateDecode");
        if (extraEntries != null) body.Byte((byte)' ').Ascii(extraEntries);
        body.Ascii(" >>\nstream\n");
        Flush();
        return length;
    }

    private void EndStream(int length, long compressed)
    {
        _pending.Ascii("\nendstream");
        EndObject();
        BeginObject(length).Integer(compressed);
        EndObject();
    }

    /// <summary>A stream written as it is, not deflated: PDF/A wants the XMP metadata readable without a filter (§6.6.2.1).</summary>
    public void PlainStream(int number, ReadOnlySpan<byte> data, string? extraEntries = null)
    {
        var body = BeginObject(number).Ascii("<< /Length ").Integer(data.Length);
        if (extraEntries != null) body.Byte((byte)' ').Ascii(extraEntries);
        body.Ascii(" >>\nstream\n").Bytes(data).Ascii("\nendstream");
        EndObject();
    }

    /// <summary>The cross-reference table and the trailer; every reserved object must have been written.</summary>
    public void Finish(int catalog, int info)
    {
        FlushPacked();
        if (_anyPacked)
        {
            FinishWithStream(catalog, info);
            return;
        }
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

    /// <summary>
    /// The cross-reference stream (§7.5.8), which is also the trailer: per object a type (1: at an offset, 2: in an
    /// object stream), the offset or the stream's number, and the generation or the index in the stream.
    /// </summary>
    private void FinishWithStream(int catalog, int info)
    {
        var self = Reserve();
        Flush();
        var xref = _flushed;
        _offsets[self] = xref;
        var missing = _offsets.FindIndex(1, o => o < 0);
        if (missing > 0) throw new InvalidOperationException($"PDF object {missing} was reserved but never written");
        var rows = new byte[_offsets.Count * 7];
        for (var n = 0; n < _offsets.Count; n++)
        {
            var row = rows.AsSpan(n * 7, 7);
            var (stream, index) = _packed[n];
            if (n == 0) { row[0] = 0; row[5] = 0xFF; row[6] = 0xFF; continue; }
            row[0] = (byte)(stream > 0 ? 2 : 1);
            var field = stream > 0 ? stream : _offsets[n];
            for (var i = 4; i >= 1; i--) { row[i] = (byte)field; field >>= 8; }
            var third = stream > 0 ? index : 0;
            row[5] = (byte)(third >> 8);
            row[6] = (byte)third;
        }
        using var deflated = new MemoryStream();
        using (var zlib = new ZLibStream(deflated, CompressionLevel.Fastest, leaveOpen: true)) zlib.Write(rows);
        var id = Convert.ToHexString(_hash.GetHashAndReset());
        _pending.Integer(self).Ascii(" 0 obj\n<< /Type /XRef /Size ").Integer(_offsets.Count).Ascii(" /W [1 4 2] /Root ").Integer(catalog)
            .Ascii(" 0 R /Info ").Integer(info).Ascii(" 0 R /ID [<").Ascii(id).Ascii("> <").Ascii(id).Ascii(">] /Filter /FlateDecode /Length ")
            .Integer(deflated.Length).Ascii(" >>\nstream\n").Bytes(deflated.GetBuffer().AsSpan(0, (int)deflated.Length)).Ascii("\nendstream\nendobj\n");
        _pending.Ascii("startxref\n").Integer(xref).Ascii("\n%%EOF\n");
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
