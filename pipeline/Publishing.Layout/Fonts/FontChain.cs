namespace Publishing.Layout.Fonts;

/// <summary>A fallback chain of faces, consulted character by character: the first face with a glyph wins.</summary>
public sealed class FontChain
{
    public IReadOnlyList<FontFace> Faces { get; }
    public string Name { get; }

    public FontChain(string name, IReadOnlyList<FontFace> faces)
    {
        if (faces.Count == 0) throw new ArgumentException("a font chain needs at least one face", nameof(faces));
        Name = name;
        Faces = faces;
    }

    public FontFace Primary => Faces[0];

    /// <summary>The face to use for a code point, or null when no face in the chain has it.</summary>
    public FontFace? FaceFor(int codePoint)
    {
        foreach (var face in Faces)
            if (face.HasGlyph(codePoint)) return face;
        return null;
    }

    public override string ToString() => Name;
}
