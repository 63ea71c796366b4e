namespace Publishing.Layout.Ofd;

/// <summary>Where a link or a bookmark goes: a page (its unit id) and a point on it, in points.</summary>
internal readonly record struct OfdDestination(long PageId, double Left, double Top)
{
    /// <summary>The Dest element (GB/T 33190 §14.2, table 54): the page opened at the point, zoom unchanged.</summary>
    public void Write(OfdXml xml) =>
        xml.Start("Dest").Attribute("Type", "XYZ").Attribute("PageID", PageId).Mm("Left", Left).Mm("Top", Top).Empty();
}
