namespace Jixiao.Core.Monitoring;

/// <summary>The colour of a monitored row (预警): green on course, yellow at risk, red off course.</summary>
public enum Light
{
    Green,
    Yellow,
    Red,
}

public static class Lights
{
    public static string ToCode(this Light l) => l switch
    {
        Light.Green => "green",
        Light.Yellow => "yellow",
        _ => "red",
    };

    public static string ToChinese(this Light l) => l switch
    {
        Light.Green => "绿",
        Light.Yellow => "黄",
        _ => "红",
    };

    public static Light? FromCode(string? code) => code switch
    {
        "green" => Light.Green,
        "yellow" => Light.Yellow,
        "red" => Light.Red,
        _ => null,
    };

    public static Light Worst(Light a, Light b) => (Light)Math.Max((int)a, (int)b);
}

/// <summary>Where a rule comes from and how firm it is (rules.md's tags: S, K, V, P, I, U).</summary>
public sealed record RuleSource(string Source, string Firmness);

/// <summary>
/// 预算执行预警: 1-X月执行率 ÷ 时间进度 × 100 below <see cref="Red"/> is red, below <see cref="Yellow"/> yellow.
/// </summary>
public sealed record ExecutionAgainstTimeRule(decimal Red, decimal Yellow, RuleSource Basis);

/// <summary>A forecast (全年预计完成情况) that will not meet the target by the row's comparator gets <see cref="Light"/>.</summary>
public sealed record ForecastMissesTargetRule(Light Light, RuleSource Basis);

/// <summary>The colour each 完成目标可能性 gives its row (有可能 yellow, 完全不可能 red).</summary>
public sealed record LikelihoodRule(Light Possible, Light Impossible, RuleSource Basis);

/// <summary>全年预计执行数 below the budget by more than <see cref="Percent"/> of it gets <see cref="Light"/>.</summary>
public sealed record ForecastExecutionShortfallRule(decimal Percent, Light Light, RuleSource Basis);

/// <summary>
/// A self-evaluation's actual value that departs from the monitoring forecast by more than <see cref="Percent"/> of
/// the forecast: a review finding (the forecast was not honest, or something happened that the unit must explain).
/// </summary>
public sealed record ForecastActualGapRule(decimal Percent, RuleSource Basis);

/// <summary>
/// The monitoring rules of a region and year (the profile's <c>monitoring</c> section). A rule left out of the
/// section is not applied; a profile without the section uses <see cref="Default"/>.
/// </summary>
public sealed record MonitoringRules(
    ExecutionAgainstTimeRule? ExecutionAgainstTime,
    ForecastMissesTargetRule? ForecastMissesTarget,
    LikelihoodRule? Likelihood,
    ForecastExecutionShortfallRule? ForecastExecutionShortfall,
    ForecastActualGapRule? ForecastActualGap)
{
    static readonly RuleSource Vendor = new("deployed provincial systems (docs/monitoring-form.md §3 W3)", "V");

    /// <summary>The defaults of docs/monitoring-form.md §3; the national profile states the same figures.</summary>
    public static readonly MonitoringRules Default = new(
        new ExecutionAgainstTimeRule(60, 80, Vendor),
        new ForecastMissesTargetRule(Light.Red, new RuleSource("issue 11; 财预〔2019〕136号 asks for deviation analysis", "K")),
        new LikelihoodRule(Light.Yellow, Light.Red, new RuleSource("issue 11", "V")),
        new ForecastExecutionShortfallRule(10, Light.Yellow, new RuleSource("issue 11", "U")),
        new ForecastActualGapRule(20, new RuleSource("issue 11", "U")));
}
