using System.Globalization;

namespace Jixiao.Core.Workflow;

/// <summary>
/// A band of 执行率 (percent) for the dashboards: from <see cref="From"/> (included) to <see cref="Below"/> (left out);
/// an open end has no bound. The dashboard counts a band and the list shows the same forms (`rate=60-80`), so both
/// read the bounds from here.
/// </summary>
public sealed record ExecutionRateBand(decimal? From, decimal? Below, string Label)
{
    /// <summary>The bands people read: below 60 (a 差 execution), 60–80, 80–90, 90–100 (the usual 90% threshold), 100 and over.</summary>
    public static readonly IReadOnlyList<ExecutionRateBand> All =
    [
        new(null, 60m, "低于 60%"),
        new(60m, 80m, "60%–80%"),
        new(80m, 90m, "80%–90%"),
        new(90m, 100m, "90%–100%"),
        new(100m, null, "100% 及以上"),
    ];

    /// <summary>The band as the list's `rate` parameter: `60-80`, `-60`, `100-`.</summary>
    public string Code => $"{Text(From)}-{Text(Below)}";

    public bool Contains(decimal rate) => (From is not { } f || rate >= f) && (Below is not { } b || rate < b);

    /// <summary>Reads `a-b` (either side may be empty, not both): the bounds, or null when it does not parse.</summary>
    public static (decimal? From, decimal? Below)? Parse(string? code)
    {
        if (code is null) return null;
        var dash = code.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0) return null;
        decimal? Side(string s) => s.Length == 0 ? null
            : decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) ? v : decimal.MinValue;
        var (from, below) = (Side(code[..dash]), Side(code[(dash + 1)..]));
        if (from == decimal.MinValue || below == decimal.MinValue || from is null && below is null) return null;
        if (from is { } a && below is { } b && a >= b) return null;
        return (from, below);
    }

    static string Text(decimal? d) => d?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";
}
