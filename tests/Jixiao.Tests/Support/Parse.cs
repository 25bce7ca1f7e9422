using System.Globalization;

namespace Jixiao.Tests.Support;

/// <summary>Decimals in [InlineData] are strings (attributes cannot hold decimals); read them culture-free.</summary>
public static class Parse
{
    public static decimal D(string s) => decimal.Parse(s, CultureInfo.InvariantCulture);
}
