using System.Globalization;

namespace Publishing.Text;

/// <summary>How the form prints amounts of money.</summary>
public static class MoneyText
{
    /// <summary>Money in 万元 with two decimals, as the form prints it.</summary>
    public static string Format(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
