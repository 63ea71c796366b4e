using System.Text;
using Publishing.Layout.Frames;

namespace Publishing.Layout.Ofd;

/// <summary>
/// A glyph run as OFD text (GB/T 33190 §11.3–11.4): the characters it spells, each placed where layout put its
/// glyph (X of the first, DeltaX to each next one, in micrometres here). Where a glyph is not the one the
/// font's cmap gives the character (a full-width form HarfBuzz chose), a CGTransform names the glyph; where
/// characters and glyphs are not one to one (a ligature, a decomposition), the cluster gets a TextCode of its
/// own with one CGTransform for it all. A character beyond the BMP also stands alone in its TextCode, so a
/// reader counting UTF-16 units and one counting characters place it alike.
/// </summary>
internal sealed class OfdTextCodes
{
    internal sealed record Transform(int CodePosition, int CodeCount, ushort[] Glyphs);

    internal sealed class Code(long x)
    {
        public long X { get; } = x;
        public StringBuilder Text { get; } = new();
        public List<long> Deltas { get; } = new();
        public List<Transform> Transforms { get; } = new();
        public long LastX { get; set; }
    }

    public List<Code> Codes { get; } = new();
    /// <summary>The leftmost glyph's and the rightmost glyph's end's offsets from the run's x, in points.</summary>
    public double MinX { get; private set; }
    public double MaxX { get; private set; }

    public static OfdTextCodes Of(GlyphRun run, OfdFonts.Subset font)
    {
        var result = new OfdTextCodes { MinX = run.Offsets.Min(), MaxX = run.Offsets.Max() + run.Size };
        Code? open = null;
        var n = run.Glyphs.Length;
        for (var i = 0; i < n;)
        {
            var cluster = run.Clusters[i];
            var j = i + 1;
            while (j < n && run.Clusters[j] == cluster) j++;
            var end = j < n && run.Clusters[j] > cluster ? run.Clusters[j] : j < n ? cluster + 1 : run.CodePoints.Length;
            var characters = run.CodePoints.AsSpan(cluster, Math.Max(0, Math.Min(end, run.CodePoints.Length) - cluster));
            var x = OfdXml.Micrometres(run.X + run.Offsets[i]);

            if (characters.Length == 1 && j - i == 1 && characters[0] <= 0xFFFF)
            {
                // One character, one glyph: into the open TextCode, with a CGTransform when cmap would give another glyph.
                open ??= result.Start(x);
                if (open.Text.Length > 0) open.Deltas.Add(x - open.LastX);
                if (run.Glyphs[i] != font.Nominal(characters[0]))
                    open.Transforms.Add(new Transform(open.Text.Length, 1, [font.NewId(run.Glyphs[i])]));
                open.Text.Append((char)characters[0]);
                open.LastX = x;
            }
            else if (characters.Length > 0)
            {
                // A cluster of its own: its characters spread over the glyphs' width (for selection and for a
                // reader without CGTransform), its glyphs named by the transform.
                var code = result.Start(x);
                var next = j < n ? OfdXml.Micrometres(run.X + run.Offsets[j]) : OfdXml.Micrometres(run.X + run.Width);
                var text = new StringBuilder();
                foreach (var cp in characters) text.Append(char.ConvertFromUtf32(cp));
                code.Text.Append(text);
                var oneNominal = characters.Length == 1 && j - i == 1 && run.Glyphs[i] == font.Nominal(characters[0]);
                if (!oneNominal)
                {
                    var glyphs = new ushort[j - i];
                    for (var g = i; g < j; g++) glyphs[g - i] = font.NewId(run.Glyphs[g]);
                    code.Transforms.Add(new Transform(0, text.Length, glyphs));
                }
                if (characters.Length > 1)
                {
                    // Per UTF-16 unit: the two halves of a surrogate pair share their character's place.
                    var share = Math.Max(0, next - x) / characters.Length;
                    for (var c = 0; c < characters.Length; c++)
                    {
                        if (c > 0) code.Deltas.Add(share);
                        if (characters[c] > 0xFFFF) code.Deltas.Add(0);
                    }
                }
                open = null;
            }
            i = j;
        }
        return result;
    }

    private Code Start(long x)
    {
        var code = new Code(x);
        Codes.Add(code);
        return code;
    }
}
