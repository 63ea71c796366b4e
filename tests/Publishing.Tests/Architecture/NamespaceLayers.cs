namespace Publishing.Tests.Architecture;

/// <summary>
/// The one order of the product's namespaces (Publishing.X, named by X), lowest first: a namespace may use those of
/// earlier layers only, never a later layer's nor a peer's in its own layer. It follows the build's stages (content →
/// model → checks → assembly → rendering → site → build), with two placements the code needs: the model is below
/// the content readers, which make it, and Output (atomic writes, the in-memory RenderedDocument) is below the site,
/// which adds its files to it. docs/architecture.md shows the same order (ArchitectureMapTests compares them).
/// </summary>
internal static class NamespaceLayers
{
    public static readonly string[][] Order =
    [
        ["Layout", "Text"],
        ["Diagnostics"],
        ["Model"],
        ["Yaml"],
        ["Theming", "Forms", "Markdown"],
        ["Content"],
        ["Checks", "Changes", "FillIn", "Output"],
        ["Assembly"],
        ["Rendering"],
        ["Site"],
        ["Build"],
        ["Nightly"],
        ["Cli"],
    ];

    private static readonly Dictionary<string, int> LayerOfName = Order
        .SelectMany((names, layer) => names.Select(name => (name, layer)))
        .ToDictionary(e => e.name, e => e.layer, StringComparer.Ordinal);

    /// <summary>X of Publishing.X.…, or null for a namespace outside the product (System, AngleSharp …).</summary>
    public static string? NameOf(string? ns)
    {
        if (ns is null || !ns.StartsWith("Publishing.", StringComparison.Ordinal)) return null;
        var name = ns["Publishing.".Length..];
        var dot = name.IndexOf('.');
        return dot < 0 ? name : name[..dot];
    }

    public static int? LayerOf(string name) => LayerOfName.TryGetValue(name, out var layer) ? layer : null;

    /// <summary>Whether a use of <paramref name="to"/> by <paramref name="from"/> goes against the order (both placed, not the same).</summary>
    public static bool IsBackEdge(string from, string to) =>
        from != to && LayerOf(from) is { } fromLayer && LayerOf(to) is { } toLayer && toLayer >= fromLayer;
}
