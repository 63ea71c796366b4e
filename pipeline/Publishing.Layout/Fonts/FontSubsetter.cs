using System.Runtime.InteropServices;

namespace Publishing.Layout.Fonts;

/// <summary>
/// Cuts a font down to the characters and glyphs a document uses, with HarfBuzz's hb_subset (P/Invoke into
/// the libHarfBuzzSharp that HarfBuzzSharp ships). Skia would otherwise embed a 10-15 MB CJK font whole, and
/// the subset's cmap holds only the used code points, so text extraction maps 一 to U+4E00, not to the
/// radical ⼀ that shares its glyph. Glyph ids are renumbered; the returned map translates old to new.
/// </summary>
internal static partial class FontSubsetter
{
    private const string Lib = "libHarfBuzzSharp";
    private const uint FlagNoHinting = 0x1;
    // Keeps the outline of glyph 0 (.notdef): a character no font has then shows as a box, not as a blank.
    private const uint FlagNotdefOutline = 0x40;

    internal sealed record Result(byte[] Data, IReadOnlyDictionary<ushort, ushort> GlyphMap);

    public static Result Subset(FontFace face, IEnumerable<int> codePoints, IEnumerable<ushort> glyphs)
    {
        var input = hb_subset_input_create_or_fail();
        if (input == IntPtr.Zero) throw new InvalidOperationException("hb_subset_input_create_or_fail failed");
        IntPtr plan = IntPtr.Zero, subsetFace = IntPtr.Zero, blob = IntPtr.Zero;
        var glyphList = glyphs.Distinct().OrderBy(g => g).ToList();
        try
        {
            var unicodes = hb_subset_input_unicode_set(input);
            foreach (var cp in codePoints.Distinct().OrderBy(c => c)) hb_set_add(unicodes, (uint)cp);
            // Glyphs are NOT added by id: HarfBuzz would then also keep every code point mapped to them
            // (U+2F00 ⼀ beside U+4E00 一) and Skia's ToUnicode would pick the radical. The layout closure
            // of the code points already holds every glyph shaping produced from them.
            hb_subset_input_set_flags(input, FlagNoHinting | FlagNotdefOutline);

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
            var bytes = new byte[length];
            Marshal.Copy(data, bytes, 0, (int)length);
            return new Result(bytes, glyphMap);
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
