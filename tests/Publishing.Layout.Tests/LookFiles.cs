using Publishing.Layout.Flow;
using Publishing.Layout.Pages;

namespace Publishing.Layout.Tests;

/// <summary>Writes sample PDFs to the temp folder so a person can render and look at them (pdftoppm).</summary>
public class LookFiles
{
    [Fact]
    public void Write_table_sample()
    {
        var table = TestDocuments.IndicatorTable(80, 20, 30);
        var doc = TestDocuments.Of(new DocumentSection(new Stack(new SolidBox("above", 300), table), PageNumbering.RestartAtOne));
        var dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "layout-look"));
        using var f = File.Create(Path.Combine(dir.FullName, "table.pdf"));
        DocumentRenderer.RenderPdf(doc, f);
    }
}
