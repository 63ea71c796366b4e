namespace Publishing.Tests.Typesetting;

/// <summary>A cell value that cannot break anywhere allowed is a located warning (PUB4211) at its CSV cell, not a silent break.</summary>
public class CellOverflowWarningTests
{
    [Fact]
    public void A_value_with_no_place_to_break_is_a_warning_at_its_csv_cell()
    {
        var (content, document) = Support.RepoPaths.CopyOfSample();
        var csv = Path.Combine(document, "data", "indicators.csv");
        var lines = File.ReadAllLines(csv).ToList();
        const string Unbreakable = "202307012024010112345678901234567890";
        var row = 3;                                          // the second indicator: line 3 of the file
        lines[row - 1] = lines[row - 1].Replace("年度工作计划", Unbreakable);
        File.WriteAllLines(csv, lines);
        var output = Support.RepoPaths.NewTempDirectory("artifacts");
        var result = Support.PublishingCommand.Run("build", content, "--out", output, "--templates", Support.RepoPaths.Templates, "--format", "pdf");
        result.ExitCode.ShouldBe(0, result.Stderr);
        var warning = result.DiagnosticLines.Where(l => l.Contains("PUB4211", StringComparison.Ordinal)).ShouldHaveSingleItem();
        var column = lines[row - 1].IndexOf(Unbreakable, StringComparison.Ordinal) + 1;       // the cell's start (one UTF-16 unit a character here)
        warning.ShouldContain($"data/indicators.csv({row},{column}): warning PUB4211");
        warning.ShouldContain(Unbreakable[..20]);
        // Values that can break after a separator say nothing (the shipped sample builds without it).
        var clean = Support.PublishingCommand.Run("build", Support.RepoPaths.Sample, "--out", Support.RepoPaths.NewTempDirectory(), "--templates",
            Support.RepoPaths.Templates, "--format", "pdf");
        clean.DiagnosticLines.ShouldNotContain(l => l.Contains("PUB4211", StringComparison.Ordinal));
    }
}
