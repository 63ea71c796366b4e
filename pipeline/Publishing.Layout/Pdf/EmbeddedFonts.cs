using System.Text;
using Publishing.Layout.Fonts;
using Publishing.Layout.Frames;

namespace Publishing.Layout.Pdf;

/// <summary>
/// The subset fonts of one document and the PDF objects that embed them. A PDF font maps each glyph to one text
/// (ToUnicode), so when a document uses two characters a font draws with the same glyph (… U+2026 and ⋯ U+22EF,
/// 一 and the radical ⼀), the second one goes into a second subset of that face: every glyph drawn then
/// extracts as the character written.
/// </summary>
internal sealed class EmbeddedFonts
{
    /// <summary>One subset: its font program, old → new glyph ids, and per new glyph its width and text.</summary>
    internal sealed class SubsetFont(FontFace face, int part, FontProgramCache.Program program)
    {
        public FontFace Face { get; } = face;
        public int Part { get; } = part;
        public FontProgramCache.Program Program { get; } = program;
        public IReadOnlyDictionary<ushort, ushort> GlyphMap { get; } = program.GlyphMap;
        /// <summary>Advance widths in thousandths of an em, by new glyph id: the /W array and the writer's pen.</summary>
        public Dictionary<ushort, double> Widths { get; } = new();
        /// <summary>The text each new glyph draws, the first time it is drawn: the ToUnicode map.</summary>
        public Dictionary<ushort, string> Texts { get; } = new();
        public string ResourceName { get; set; } = "";
        public int ObjectNumber { get; set; }
    }

    private sealed class FaceSubsets
    {
        public readonly List<SubsetFont> Parts = new();
        /// <summary>Characters drawn from a part other than the first, with the glyph they share.</summary>
        public readonly Dictionary<int, (int Part, ushort Glyph)> Moved = new();

        public int PartOf(GlyphRun run, int index)
        {
            var cp = run.CodePoints[run.Clusters[index]];
            return Moved.TryGetValue(cp, out var moved) && moved.Glyph == run.Glyphs[index] ? moved.Part : 0;
        }
    }

    /// <summary>What a run draws, glyph by glyph: the subset font, the glyph's id in it and its /W width.</summary>
    internal sealed record RunCodes(SubsetFont[] Fonts, ushort[] Codes, double[] Widths);

    private readonly List<SubsetFont> _all = new();
    private readonly Dictionary<GlyphRun, RunCodes> _runs = new(ReferenceEqualityComparer.Instance);

    private EmbeddedFonts() { }

    public IReadOnlyList<SubsetFont> All => _all;

    public static EmbeddedFonts Build(IReadOnlyList<PageFrame> pages)
    {
        var runsByFace = new Dictionary<FontFace, List<GlyphRun>>();
        foreach (var page in pages)
            foreach (var item in page.Items)
                if (item is GlyphRun { Glyphs.Length: > 0 } run)
                {
                    if (!runsByFace.TryGetValue(run.Face, out var list)) runsByFace[run.Face] = list = new List<GlyphRun>();
                    list.Add(run);
                }

        // Which characters and glyphs each face's subsets keep, face by face in a fixed order.
        var faces = new List<(FontFace Face, List<GlyphRun> Runs, FaceSubsets Subsets, List<List<int>> Parts, List<HashSet<ushort>> Glyphs, List<int[]> PartsOfRuns)>();
        foreach (var (face, runs) in runsByFace.OrderBy(kv => kv.Key.Path, StringComparer.Ordinal))
        {
            var codePoints = new HashSet<int>();
            foreach (var run in runs) codePoints.UnionWith(run.CodePoints);
            var subsets = new FaceSubsets();
            var parts = SplitSharedGlyphs(face, codePoints.Order(), subsets.Moved);
            var glyphs = parts.Select(_ => new HashSet<ushort>()).ToList();
            var partsOfRuns = new List<int[]>(runs.Count);
            foreach (var run in runs)
            {
                var partOf = new int[run.Glyphs.Length];
                for (var i = 0; i < run.Glyphs.Length; i++)
                    glyphs[partOf[i] = subsets.PartOf(run, i)].Add(run.Glyphs[i]);
                partsOfRuns.Add(partOf);
            }
            faces.Add((face, runs, subsets, parts, glyphs, partsOfRuns));
        }
        // The font programs cut at once, one subset per core: cutting and deflating is most of writing a PDF, and a
        // lone document (the seed, a live preview) has a core to spare. Each result goes to its own slot: same bytes.
        var subsetsToCut = faces.SelectMany(f => Enumerable.Range(0, f.Parts.Count).Select(p => (f.Face, Part: f.Parts[p], Glyphs: f.Glyphs[p]))).ToArray();
        var programs = new FontProgramCache.Program[subsetsToCut.Length];
        Parallel.For(0, subsetsToCut.Length, i => programs[i] = FontProgramCache.Shared.Get(subsetsToCut[i].Face, subsetsToCut[i].Part, subsetsToCut[i].Glyphs));

        var fonts = new EmbeddedFonts();
        var next = 0;
        foreach (var (face, runs, subsets, parts, glyphs, partsOfRuns) in faces)
        {
            for (var p = 0; p < parts.Count; p++)
            {
                var font = new SubsetFont(face, p, programs[next++]);
                subsets.Parts.Add(font);
                fonts._all.Add(font);
                font.ResourceName = "F" + fonts._all.Count;
            }
            var unitsToThousandths = 1000.0 / face.UnitsPerEm;
            for (var r = 0; r < runs.Count; r++)
            {
                var run = runs[r];
                var codes = new RunCodes(new SubsetFont[run.Glyphs.Length], new ushort[run.Glyphs.Length], new double[run.Glyphs.Length]);
                fonts._runs[run] = codes;
                for (var i = 0; i < run.Glyphs.Length; i++)
                {
                    var font = codes.Fonts[i] = subsets.Parts[partsOfRuns[r][i]];
                    var glyph = codes.Codes[i] = font.GlyphMap.TryGetValue(run.Glyphs[i], out var g) ? g : (ushort)0;
                    if (!font.Widths.TryGetValue(glyph, out var width))
                        font.Widths[glyph] = width = Math.Round(face.Font.GetHorizontalGlyphAdvance(run.Glyphs[i]) * unitsToThousandths, 2);
                    codes.Widths[i] = width;
                    if (glyph != 0 && !font.Texts.ContainsKey(glyph) && ClusterText(run, i) is { } text) font.Texts[glyph] = text;
                }
            }
        }
        return fonts;
    }

    /// <summary>Code points by subset: the first holds all but the second, third … user of a shared glyph.</summary>
    private static List<List<int>> SplitSharedGlyphs(FontFace face, IEnumerable<int> cps, Dictionary<int, (int, ushort)> moved)
    {
        var parts = new List<List<int>> { new() };
        var users = new Dictionary<ushort, int>();
        foreach (var cp in cps)
        {
            if (!face.Font.TryGetNominalGlyph((uint)cp, out var gid) || gid == 0) { parts[0].Add(cp); continue; }
            var glyph = (ushort)gid;
            var part = users.TryGetValue(glyph, out var n) ? n : 0;
            users[glyph] = part + 1;
            if (part == parts.Count) parts.Add(new List<int>());
            parts[part].Add(cp);
            if (part > 0) moved[cp] = (part, glyph);
        }
        return parts;
    }

    /// <summary>
    /// The characters glyph <paramref name="index"/> draws: from its cluster to the next cluster of the run (a
    /// ligature spells several). Null for the second and later glyphs of one cluster, so a character drawn with
    /// two glyphs extracts once.
    /// </summary>
    private static string? ClusterText(GlyphRun run, int index)
    {
        var cluster = run.Clusters[index];
        if (index > 0 && run.Clusters[index - 1] == cluster) return null;
        var end = run.CodePoints.Length;
        for (var j = index + 1; j < run.Clusters.Length; j++)
            if (run.Clusters[j] > cluster) { end = run.Clusters[j]; break; }
        var text = new StringBuilder();
        for (var c = cluster; c < Math.Max(end, cluster + 1); c++) text.Append(char.ConvertFromUtf32(run.CodePoints[c]));
        return text.ToString();
    }

    /// <summary>The subset font and glyph id of every glyph of a run of the document.</summary>
    public RunCodes Codes(GlyphRun run) => _runs[run];

    /// <summary>Gives every subset its font object's number, so pages can name it before it is written.</summary>
    public void Reserve(PdfFileWriter file)
    {
        foreach (var font in _all) font.ObjectNumber = file.Reserve();
    }

    /// <summary>
    /// Each subset as a Type 0 font over a CIDFontType2 (TrueType outlines), two-byte glyph ids as codes
    /// (Identity-H, CIDToGIDMap Identity), its widths, its ToUnicode map and the font program itself.
    /// </summary>
    public void Write(PdfFileWriter file)
    {
        var buffer = new PdfBuffer();
        foreach (var font in _all)
        {
            int cidFont = file.Reserve(), descriptor = file.Reserve(), program = file.Reserve(), toUnicode = file.Reserve();
            var values = FontDescriptorValues.For(font.Face);
            var baseFont = SubsetTag(font) + "+" + values.PostScriptName;

            buffer.Clear();
            buffer.Ascii("<< /Type /Font /Subtype /Type0 /BaseFont /").Ascii(baseFont)
                .Ascii(" /Encoding /Identity-H /DescendantFonts [").Integer(cidFont).Ascii(" 0 R] /ToUnicode ")
                .Integer(toUnicode).Ascii(" 0 R >>");
            file.Object(font.ObjectNumber, buffer.Span);

            buffer.Clear();
            buffer.Ascii("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /").Ascii(baseFont)
                .Ascii(" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ")
                .Integer(descriptor).Ascii(" 0 R /CIDToGIDMap /Identity /DW 1000 /W [");
            WriteWidths(buffer, font.Widths);
            buffer.Ascii("] >>");
            file.Object(cidFont, buffer.Span);

            buffer.Clear();
            buffer.Ascii("<< /Type /FontDescriptor /FontName /").Ascii(baseFont)
                .Ascii(" /Flags 4 /FontBBox [").Integer(values.BoundingBox[0]).Byte((byte)' ').Integer(values.BoundingBox[1])
                .Byte((byte)' ').Integer(values.BoundingBox[2]).Byte((byte)' ').Integer(values.BoundingBox[3])
                .Ascii("] /ItalicAngle ").Number(values.ItalicAngle).Ascii(" /Ascent ").Integer(values.Ascent)
                .Ascii(" /Descent ").Integer(values.Descent).Ascii(" /CapHeight ").Integer(values.CapHeight)
                .Ascii(" /StemV 80 /FontFile2 ").Integer(program).Ascii(" 0 R >>");
            file.Object(descriptor, buffer.Span);

            file.DeflatedStream(program, font.Program.Deflated, "/Length1 " + font.Program.Length);
            file.Stream(toUnicode, ToUnicodeMap(font.Texts));
        }
    }

    /// <summary>/W runs of consecutive glyph ids, leaving out the default width (1000: a CJK character).</summary>
    private static void WriteWidths(PdfBuffer buffer, Dictionary<ushort, double> widths)
    {
        var previous = -2;
        var open = false;
        foreach (var (glyph, width) in widths.OrderBy(w => w.Key))
        {
            if (width == 1000) continue;
            if (!open || glyph != previous + 1)
            {
                if (open) buffer.Ascii("] ");
                buffer.Integer(glyph).Ascii(" [");
                open = true;
            }
            else buffer.Byte((byte)' ');
            buffer.Number(width);
            previous = glyph;
        }
        if (open) buffer.Byte((byte)']');
    }

    /// <summary>The ToUnicode CMap (§9.10.3): each glyph id to the UTF-16BE of its text, 100 per block.</summary>
    private static byte[] ToUnicodeMap(Dictionary<ushort, string> texts)
    {
        var cmap = new PdfBuffer();
        cmap.Ascii("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
            .Ascii("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
            .Ascii("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        foreach (var block in texts.OrderBy(t => t.Key).Chunk(100))
        {
            cmap.Integer(block.Length).Ascii(" beginbfchar\n");
            foreach (var (glyph, text) in block)
            {
                cmap.Byte((byte)'<').Hex4(glyph).Ascii("> <");
                foreach (var c in text) cmap.Hex4(c);
                cmap.Ascii(">\n");
            }
            cmap.Ascii("endbfchar\n");
        }
        cmap.Ascii("endcmap\nCMapName currentdict /CIDInit /ProcSet findresource defineresource pop\nend\nend\n");
        return cmap.Span.ToArray();
    }

    /// <summary>Six capital letters naming the subset (§9.6.4), a function of the face, part and glyphs kept.</summary>
    private static string SubsetTag(SubsetFont font)
    {
        var hash = 14695981039346656037UL;
        void Mix(int value) { hash ^= (uint)value; hash *= 1099511628211UL; }
        foreach (var c in Path.GetFileName(font.Face.Path)) Mix(c);
        Mix(font.Part);
        foreach (var glyph in font.GlyphMap.Keys.Order()) Mix(glyph);
        var tag = new char[6];
        for (var i = 0; i < 6; i++) { tag[i] = (char)('A' + (int)(hash % 26)); hash /= 26; }
        return new string(tag);
    }
}
