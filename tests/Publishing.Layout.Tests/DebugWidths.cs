#if PUBLISHING_PDF
using Publishing.Layout.Flow;
using Publishing.Layout.Tables;
namespace Publishing.Layout.Tests;
public class DebugWidths
{
    [Fact]
    public void Print()
    {
        var root = Path.GetFullPath(Path.Combine(TestFonts.FontDir, "..", ".."));
        var theme = Publishing.Theming.ThemeLoader.Load(Path.Combine(root, "templates"));
        var styles = new Publishing.Rendering.Pdf.PdfStyles(theme, TestFonts.Library);
        var html = File.ReadAllText(Path.Combine(root, "tests/Publishing.Tests/Pdf/Fixtures/seed.html"));
        var mapped = Publishing.Rendering.Pdf.HtmlToLayout.Map(html, styles, new("t","a","s","k","zh-CN", DateTimeOffset.UnixEpoch));
        var ctx = new LayoutContext();
        void Walk(Block b) { if (b is Stack s) foreach (var c in s.Children) Walk(c); if (b is Table t) { var plan = t.PlanFor(ctx, 442.2);
            Console.WriteLine(string.Join(" ", plan.ColumnWidths.Select(w => w.ToString("0.0"))));
            foreach (var c in plan.BodyCells.Concat(plan.HeaderCells)) { var (mi, ma) = c.Cell.Content.IntrinsicWidths(ctx); Console.WriteLine($"{c.Row},{c.Column} {mi:0.0} {ma:0.0} {((Paragraph)c.Cell.Content).Text}"); } } }
        foreach (var s in mapped.Document.Sections) Walk(s.Content);
    }
}
#endif
