using System.Runtime.InteropServices;

namespace Publishing.Layout.Fonts;

/// <summary>
/// Cuts a 10-15 MB CJK font down to what a document or a web page uses, with HarfBuzz's hb_subset (P/Invoke into
/// the libHarfBuzzSharp that HarfBuzzSharp ships): for a PDF the glyphs drawn, for a browser the characters shown
/// with their layout closure. Glyph ids are renumbered; the returned map translates old to new.
/// </summary>
internal static partial class FontSubsetter
{
    private const string Lib = "libHarfBuzzSharp";
    private const uint FlagNoHinting = 0x1;
    // Keeps the outline of glyph 0 (.notdef): a character no font has then shows as a box, not as a blank.
    private const uint FlagNotdefOutline = 0x40;

    // Keeps exactly the glyphs asked for: no GSUB/GPOS closure (the PDF draws shaped glyphs; nothing shapes them again).
    private const uint FlagNoLayoutClosure = 0x200;
    private const uint SetGlyphIds = 0, SetDropTables = 3;
    // What a PDF's CID TrueType font does not use (ISO 32000-1 §9.9): layout tables and vertical metrics (glyphs are
    // addressed by id and placed by the content stream). The cmap stays, though no PDF reader needs it for a CID
    // font: it is a required table of a TrueType font, and a strict font loader may refuse a font without one.
    private static readonly string[] TablesPdfDoesNotUse = ["GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "vhea", "vmtx", "VORG"];

    internal sealed record Result(byte[] Data, IReadOnlyDictionary<ushort, ushort> GlyphMap);

    /// <summary>
    /// A subset whose bytes live in an array rented from the shared pool (the first <see cref="Length"/> bytes):
    /// a CJK subset is larger than the large-object threshold, and a nightly makes one per document and face.
    /// <see cref="Return"/> gives the array back once the bytes are written.
    /// </summary>
    internal sealed class PooledResult(byte[] rented, int length, IReadOnlyDictionary<ushort, ushort> glyphMap)
    {
        private byte[]? _rented = rented;
        public ReadOnlySpan<byte> Data => (_rented ?? throw new ObjectDisposedException(nameof(PooledResult))).AsSpan(0, Length);
        public int Length { get; } = length;
        public IReadOnlyDictionary<ushort, ushort> GlyphMap { get; } = glyphMap;

        public void Return()
        {
            if (_rented != null) System.Buffers.ArrayPool<byte>.Shared.Return(_rented);
            _rented = null;
        }
    }

    /// <summary>
    /// A font program for a PDF: exactly the glyphs drawn (and .notdef), renumbered in their order, with only the
    /// tables a PDF reader needs to draw them. Glyphs are named through the characters that map to them where
    /// they can be (HarfBuzz finds those in the cmap directly; a glyph named by id makes it scan the whole
    /// cmap of a CJK font), and by id only when shaping produced them (full-width forms, ligatures).
    /// </summary>
    public static PooledResult SubsetGlyphs(FontFace face, IEnumerable<int> codePoints, IEnumerable<ushort> glyphs)
    {
        var input = hb_subset_input_create_or_fail();
        if (input == IntPtr.Zero) throw new InvalidOperationException("hb_subset_input_create_or_fail failed");
        var glyphList = glyphs.Distinct().Order().ToList();
        var drawn = glyphList.ToHashSet();
        var unicodes = hb_subset_input_unicode_set(input);
        var reached = new HashSet<ushort>();
        foreach (var cp in codePoints.Distinct().Order())
            if (face.Font.TryGetNominalGlyph((uint)cp, out var nominal) && drawn.Contains((ushort)nominal))
            {
                hb_set_add(unicodes, (uint)cp);
                reached.Add((ushort)nominal);
            }
        if (glyphList.Any(g => !reached.Contains(g)))
        {
            var ids = hb_subset_input_set(input, SetGlyphIds);
            foreach (var g in glyphList.Where(g => !reached.Contains(g))) hb_set_add(ids, g);
        }
        var drop = hb_subset_input_set(input, SetDropTables);
        foreach (var tag in TablesPdfDoesNotUse) hb_set_add(drop, HarfBuzzSharp.Tag.Parse(tag));
        hb_subset_input_set_flags(input, FlagNoHinting | FlagNotdefOutline | FlagNoLayoutClosure);
        return Execute(face, input, glyphList, (data, map) =>
        {
            var rented = System.Buffers.ArrayPool<byte>.Shared.Rent(data.Length);
            data.CopyTo(rented);
            return new PooledResult(rented, data.Length, map);
        });
    }

    public static Result Subset(FontFace face, IEnumerable<int> codePoints, IEnumerable<ushort> glyphs)
    {
        var input = hb_subset_input_create_or_fail();
        if (input == IntPtr.Zero) throw new InvalidOperationException("hb_subset_input_create_or_fail failed");
        var unicodes = hb_subset_input_unicode_set(input);
        foreach (var cp in codePoints.Distinct().Order()) hb_set_add(unicodes, (uint)cp);
        // Glyphs are NOT added by id: HarfBuzz would then also keep every code point mapped to them (U+2F00 ⼀
        // beside U+4E00 一) in the subset's cmap, which a browser reads. The layout closure of the code points
        // already holds every glyph shaping produced from them.
        hb_subset_input_set_flags(input, FlagNoHinting | FlagNotdefOutline);
        return Execute(face, input, glyphs.Distinct().Order().ToList(), (data, map) => new Result(data.ToArray(), map));
    }

    private delegate T Take<T>(ReadOnlySpan<byte> data, IReadOnlyDictionary<ushort, ushort> glyphMap);

    /// <summary>
    /// Runs the subset <paramref name="input"/> describes (and destroys it), mapping <paramref name="glyphList"/>;
    /// <paramref name="take"/> copies the bytes out while HarfBuzz still holds them.
    /// </summary>
    private static unsafe T Execute<T>(FontFace face, IntPtr input, List<ushort> glyphList, Take<T> take)
    {
        IntPtr plan = IntPtr.Zero, subsetFace = IntPtr.Zero, blob = IntPtr.Zero;
        try
        {
            plan = hb_subset_plan_create_or_fail(face.Face.Handle, input);
            if (plan == IntPtr.Zero) throw new InvalidOperationException($"hb_subset_plan_create_or_fail failed for {face}");
            var map = hb_subset_plan_old_to_new_glyph_mapping(plan);
            var glyphMap = new Dictionary<ushort, ushort>();
            foreach (var g in glyphList)
            {
                var mapped = hb_map_get(map, g);
                glyphMap[g] = mapped == uint.MaxValue ? (ushort)0 : (ushort)mapped;
            }
            subsetFace = hb_subset_plan_execute_or_fail(plan);
            if (subsetFace == IntPtr.Zero) throw new InvalidOperationException($"hb_subset_plan_execute_or_fail failed for {face}");
            blob = hb_face_reference_blob(subsetFace);
            var data = hb_blob_get_data(blob, out var length);
            return take(new ReadOnlySpan<byte>((void*)data, (int)length), glyphMap);
        }
        finally
        {
            if (blob != IntPtr.Zero) hb_blob_destroy(blob);
            if (subsetFace != IntPtr.Zero) hb_face_destroy(subsetFace);
            if (plan != IntPtr.Zero) hb_subset_plan_destroy(plan);
            hb_subset_input_destroy(input);
        }
    }

    [LibraryImport(Lib)] private static partial IntPtr hb_subset_input_create_or_fail();
    [LibraryImport(Lib)] private static partial void hb_subset_input_destroy(IntPtr input);
    [LibraryImport(Lib)] private static partial IntPtr hb_subset_input_unicode_set(IntPtr input);
    [LibraryImport(Lib)] private static partial IntPtr hb_subset_input_set(IntPtr input, uint setType);
    [LibraryImport(Lib)] private static partial void hb_subset_input_set_flags(IntPtr input, uint flags);
    [LibraryImport(Lib)] private static partial void hb_set_add(IntPtr set, uint value);
    [LibraryImport(Lib)] private static partial IntPtr hb_subset_plan_create_or_fail(IntPtr face, IntPtr input);
    [LibraryImport(Lib)] private static partial IntPtr hb_subset_plan_old_to_new_glyph_mapping(IntPtr plan);
    [LibraryImport(Lib)] private static partial IntPtr hb_subset_plan_execute_or_fail(IntPtr plan);
    [LibraryImport(Lib)] private static partial void hb_subset_plan_destroy(IntPtr plan);
    [LibraryImport(Lib)] private static partial uint hb_map_get(IntPtr map, uint key);
    [LibraryImport(Lib)] private static partial IntPtr hb_face_reference_blob(IntPtr face);
    [LibraryImport(Lib)] private static partial void hb_face_destroy(IntPtr face);
    [LibraryImport(Lib)] private static partial IntPtr hb_blob_get_data(IntPtr blob, out uint length);
    [LibraryImport(Lib)] private static partial void hb_blob_destroy(IntPtr blob);
}
