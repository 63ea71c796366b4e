using System.Diagnostics;
using Publishing.Tests.Support;

namespace Publishing.Tests.Pdf;

/// <summary>The same input gives the same PDF bytes wherever the build runs: Shanghai, New York or UTC.</summary>
public class TimeZoneTests
{
    [Fact]
    public void The_PDF_does_not_depend_on_the_machines_time_zone()
    {
        var pdfs = new[] { "UTC", "Asia/Shanghai", "America/New_York" }.Select(BuildIn).ToList();
        pdfs[1].ShouldBe(pdfs[0]);
        pdfs[2].ShouldBe(pdfs[0]);
        System.Text.Encoding.Latin1.GetString(pdfs[0]).ShouldContain("/CreationDate (D:20210115000000+00'00')");
    }

    private static byte[] BuildIn(string timeZone)
    {
        var output = RepoPaths.NewTempDirectory("tz");
        var info = PublishingProcess.StartInfo("build", RepoPaths.Sample, "--out", output, "--format", "pdf", "--templates", RepoPaths.Templates);
        info.Environment["TZ"] = timeZone;
        info.Environment.Remove("SOURCE_DATE_EPOCH");
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit(60_000).ShouldBeTrue();
        process.ExitCode.ShouldBe(0, stderr.Result);
        return File.ReadAllBytes(Path.Combine(output, "chengde-xinfang-2021", "chengde-xinfang-2021.pdf"));
    }
}
