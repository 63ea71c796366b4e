using Publishing.Layout.Pages;

namespace Publishing.Tests.Typesetting;

/// <summary>GB/T 9704: the page number's dash-number-dash has its top 7 mm under the text block — on every numbered page
/// of the stress document and of every shipped example.</summary>
public class PageNumberTests
{
    [Fact]
    public void The_page_number_top_is_7_mm_below_the_text_block_on_every_page()
    {
        var numbered = 0;
        foreach (var document in LaidOutDocument.All)
            foreach (var page in document.Layout.Pages.Where(p => p.Number is not null))
            {
                var setup = page.Width > page.Height == document.Page.IsLandscape ? document.Page : null;
                if (setup is null) continue;                       // a page on another setup (a landscape table)
                var footer = page.Runs.Single(r => r.Text == $"— {page.Number} —");
                var digits = footer.Text.Where(char.IsAsciiDigit).Max(d => footer.Face.InkTop(d)) * footer.Size;
                (footer.Baseline - digits - (setup.MarginTop + setup.BodyHeight)).ShouldBe(7 * PageSetup.PointsPerMm, 0.35,
                    $"{document.Name} page {page.Number}");
                numbered++;
            }
        numbered.ShouldBeGreaterThan(30);
    }
}
