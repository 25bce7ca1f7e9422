using System.Globalization;

namespace Jixiao.Core.Scoring;

/// <summary>Rounding and printing of decimals the way the forms print them.</summary>
public static class Num
{
    public static decimal Round(decimal value, int decimals, RoundingMode mode) => mode switch
    {
        // AwayFromZero is half-up for the non-negative figures forms carry; ToZero truncates.
        RoundingMode.Truncate => Math.Round(value, decimals, MidpointRounding.ToZero),
        _ => Math.Round(value, decimals, MidpointRounding.AwayFromZero),
    };

    /// <summary>A score or rate as printed on the forms: 9.32, 10.00.</summary>
    public static string Fixed(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Fixed(decimal? value) => value is null ? "-" : Fixed(value.Value);

    /// <summary>A value without trailing zeros: 90.00 → 90, 97.4455 → 97.4455.</summary>
    public static string Plain(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    public static string Plain(decimal? value) => value is null ? "-" : Plain(value.Value);

    /// <summary>
    /// The value with at least two decimal places and no trailing zeros beyond them (121.720000 → 121.72, 25 →
    /// 25.00, 0.123456 stays), the way forms print amounts and weights.
    /// </summary>
    public static decimal TwoPlaces(decimal value)
    {
        var trimmed = value / 1.0000000000000000000000000000m;
        return decimal.Round(trimmed, 2) == trimmed ? decimal.Round(trimmed, 2) + 0.00m : trimmed;
    }

    /// <summary>
    /// The p-quantile by linear interpolation between closest ranks (Excel's QUARTILE.INC, R's type 7): for sorted
    /// x₀ … xₙ₋₁ it lies at h = (n − 1)·p, between x⌊h⌋ and x⌊h⌋₊₁. Exact in decimal. <paramref name="sorted"/> must be sorted.
    /// </summary>
    public static decimal Quantile(IReadOnlyList<decimal> sorted, decimal p) => Quantile(sorted.Count, i => sorted[i], p);

    /// <summary>As <see cref="Quantile(IReadOnlyList{decimal}, decimal)"/>, over <paramref name="count"/> sorted values read by rank.</summary>
    public static decimal Quantile(int count, Func<int, decimal> at, decimal p)
    {
        var h = (count - 1) * p;
        var i = (int)decimal.Floor(h);
        return i + 1 >= count ? at(i) : at(i) + (h - i) * (at(i + 1) - at(i));
    }

    /// <summary>The middle value; for an even count, the mean of the two in the middle (the 0.5 quantile).</summary>
    public static decimal Median(IEnumerable<decimal> values) => Quantile(values.Order().ToList(), 0.5m);
}
