using Jixiao.Core.Model;
using Jixiao.Core.Review;
using Jixiao.Core.Scoring;

namespace Jixiao.Core.Monitoring;

/// <summary>A self-evaluation row beside what its monitoring forecast said (全年预计完成情况), with the gap when both are numbers.</summary>
public sealed record ForecastBeside(int Row, string Name, string? Forecast, string? Actual, decimal? GapPercent, string? Likelihood);

/// <summary>
/// What monitoring said against what the year brought: each 自评表 row beside the last approved 监控表's forecast for
/// the same indicator, and a finding where the actual departs from the forecast by more than the profile's
/// <see cref="ForecastActualGapRule"/>. Pure.
/// </summary>
public static class MonitoringFollowUp
{
    public static IReadOnlyList<ForecastBeside> Beside(SelfEvaluation evaluation, MonitoringForm monitoring)
    {
        var rows = new List<ForecastBeside>();
        for (var i = 0; i < evaluation.Indicators.Count; i++)
        {
            var row = evaluation.Indicators[i];
            var m = monitoring.Indicators.FirstOrDefault(x => x.Level1 == row.Level1 && x.Level2 == row.Level2 && x.Name == row.Name);
            if (m is null) continue;
            rows.Add(new ForecastBeside(i + 1, row.Name, m.Forecast?.Text, row.Actual?.Text, Gap(m.Forecast, row.Actual), m.Likelihood?.ToChinese()));
        }
        return rows;
    }

    /// <summary>|actual − forecast| ÷ |forecast| × 100 when both are numbers in the same unit and the forecast is not 0.</summary>
    static decimal? Gap(ActualValue? forecast, ActualValue? actual)
    {
        if (forecast?.Value is not { } f || actual?.Value is not { } a || f == 0 || !Units.Agree(forecast.Unit, actual.Unit)) return null;
        return Num.TwoPlaces(Math.Abs(a - f) / Math.Abs(f) * 100m);
    }

    public static IReadOnlyList<Finding> Findings(SelfEvaluation evaluation, MonitoringForm monitoring, ScoringProfile profile)
    {
        if (profile.Monitoring.ForecastActualGap is not { } rule) return [];
        var findings = new List<Finding>();
        foreach (var b in Beside(evaluation, monitoring))
        {
            if (b.GapPercent is not { } gap || gap <= rule.Percent) continue;
            var row = evaluation.Indicators[b.Row - 1];
            findings.Add(Checks.ForecastActualGap.At(
                $"第 {b.Row} 行“{b.Name}”：{monitoring.Period.Label}监控时预计全年 {b.Forecast}，实际完成 {b.Actual}，相差 {Num.Fixed(gap)}%（超过 {Num.Plain(rule.Percent)}%）。请在偏差原因中说明监控之后发生了什么。",
                evaluation.ProjectName, row.Name, row.Line, b.Row));
        }
        return findings;
    }
}
