using Publishing.Content.Workbooks;

namespace Publishing.Tests.Workbooks;

/// <summary>Numbers shown as Excel shows them under their number format (zh-CN Excel for the built-in ids).</summary>
public sealed class NumberFormatsTests
{
    [Theory]
    [InlineData(0.95, "0%", "95%")]
    [InlineData(0.955, "0.0%", "95.5%")]
    [InlineData(0.25, "0.00%", "25.00%")]
    [InlineData(60, "0.00", "60.00")]
    [InlineData(2023.1, "0.00", "2023.10")]
    [InlineData(1234.5, "#,##0.00", "1,234.50")]
    [InlineData(1234567.891, "#,##0.00", "1,234,567.89")]
    [InlineData(-1234.5, "#,##0.00", "-1,234.50")]
    [InlineData(999.995, "0.00", "1000.00")]
    [InlineData(2.5, "0", "3")]
    [InlineData(-2.5, "0", "-3")]
    [InlineData(0.5, "#.##", ".5")]
    [InlineData(7, "000", "007")]
    [InlineData(1234567, "#,##0,", "1,235")]
    [InlineData(0.1, "0.###", "0.1")]
    [InlineData(-5, "0.00;(0.00)", "(5.00)")]
    [InlineData(0, "0.00;-0.00;\"-\"", "-")]
    [InlineData(3, "0\"万元\"", "3万元")]
    [InlineData(3, "[Red]0.0", "3.0")]
    [InlineData(1234.5, "[$¥-804]#,##0.00", "¥1,234.50")]
    [InlineData(12345, "0.00E+00", "1.23E+04")]
    [InlineData(60, "General", "60")]
    [InlineData(0.95, "General", "0.95")]
    [InlineData(2023.1, "General", "2023.1")]
    [InlineData(1.0 / 3, "General", "0.333333333333333")]
    [InlineData(42, "@", "42")]
    [InlineData(150, "[>=100]\"大\"0;0", "大150")]
    public void Numbers(double value, string code, string shown) => NumberFormats.Format(value, code).ShouldBe(shown);

    [Theory]
    [InlineData(45200, "yyyy/m/d", "2023/10/1")]
    [InlineData(45200, "yyyy\"年\"m\"月\"d\"日\"", "2023年10月1日")]
    [InlineData(45200, "yyyy.mm", "2023.10")]
    [InlineData(45200, "yyyy-mm-dd", "2023-10-01")]
    [InlineData(45200.5, "yyyy-mm-dd hh:mm:ss", "2023-10-01 12:00:00")]
    [InlineData(45200.75, "h:mm AM/PM", "6:00 PM")]
    [InlineData(45200.75, "上午/下午h\"时\"mm\"分\"", "下午6时00分")]
    [InlineData(45200, "aaaa", "星期日")]
    [InlineData(1.5, "[h]:mm", "36:00")]
    [InlineData(59, "yyyy-mm-dd", "1900-02-28")]
    [InlineData(61, "yyyy-mm-dd", "1900-03-01")]
    public void Dates(double serial, string code, string shown) => NumberFormats.Format(serial, code).ShouldBe(shown);

    [Theory]
    [InlineData(9, 0.95, "95%")]
    [InlineData(10, 0.95, "95.00%")]
    [InlineData(4, 1234.5, "1,234.50")]
    [InlineData(14, 45200, "2023/10/1")]
    [InlineData(31, 45200, "2023年10月1日")]
    [InlineData(57, 45200, "2023年10月")]
    [InlineData(49, 60, "60")]
    [InlineData(0, 60, "60")]
    [InlineData(999, 60, "60")]
    public void Built_in_formats_as_a_Chinese_Excel_shows_them(int id, double value, string shown) =>
        NumberFormats.Format(value, NumberFormats.BuiltInCode(id)).ShouldBe(shown);

    [Fact]
    public void The_1904_date_system_counts_from_1904() =>
        NumberFormats.Format(43738, "yyyy-mm-dd", date1904: true).ShouldBe("2023-10-01");

    [Fact]
    public void A_minute_is_m_after_an_hour_or_before_seconds_and_a_month_elsewhere()
    {
        NumberFormats.Format(45200.5 + 5.0 / 1440, "m/d h:mm", false).ShouldBe("10/1 12:05");
        NumberFormats.Format(45200 + 5.0 / 1440 + 7.0 / 86400, "mm:ss", false).ShouldBe("05:07");
    }
}
