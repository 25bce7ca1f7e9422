using Jixiao.Core.Model;
using Jixiao.Core.Scoring;

namespace Jixiao.Core.Monitoring;

/// <summary>
/// A row's colour and the working behind it. <see cref="Light"/> is null when the row lacks the figures any rule
/// needs (the review reports the missing figures). <see cref="Rules"/> names the rules that coloured it.
/// </summary>
public sealed record RowLight(Light? Light, string Working, IReadOnlyList<string> Rules)
{
    public bool NeedsExplanation => Light is Monitoring.Light.Yellow or Monitoring.Light.Red;
}

/// <summary>A fund line's computed 执行率 and its light.</summary>
public sealed record FundLight(string Label, decimal? ExecutionRate, RowLight Light, int? Line);

/// <summary>An indicator row's light (1-based <see cref="Row"/>).</summary>
public sealed record IndicatorLight(int Row, string Name, RowLight Light, int? Line);

/// <summary>The monitoring engine's answer for one form: every row's light with its working, and the worst of them.</summary>
public sealed record MonitoringSheet(
    string? ProjectName,
    string ProfileId,
    MonitoringPeriod Period,
    decimal TimeProgress,
    IReadOnlyList<FundLight> Funds,
    IReadOnlyList<IndicatorLight> Indicators)
{
    /// <summary>预算执行预警: the worst fund light.</summary>
    public Light? FundsLight => WorstOf(Funds.Select(f => f.Light.Light));

    /// <summary>目标完成预警: the worst indicator light.</summary>
    public Light? TargetsLight => WorstOf(Indicators.Select(i => i.Light.Light));

    public Light? Overall => WorstOf([FundsLight, TargetsLight]);

    static Light? WorstOf(IEnumerable<Light?> lights)
    {
        Light? worst = null;
        foreach (var l in lights)
            if (l is { } x) worst = worst is { } w ? Lights.Worst(w, x) : x;
        return worst;
    }
}

/// <summary>
/// Colours a monitoring form by its profile's <see cref="MonitoringRules"/>: each fund line by execution against time
/// progress and by the forecast execution, each indicator by its forecast against the target and by 完成目标可能性.
/// Pure: the form and the profile in, the sheet out.
/// </summary>
public static class MonitoringAssessor
{
    public const string ExecutionAgainstTimeId = "execution-against-time";
    public const string ForecastExecutionShortfallId = "forecast-execution-shortfall";
    public const string ForecastMissesTargetId = "forecast-misses-target";
    public const string LikelihoodId = "likelihood";

    public static MonitoringSheet Assess(MonitoringForm form, ScoringProfile profile)
    {
        var rules = profile.Monitoring;
        var period = form.Period;
        var funds = form.Funds.Rows.Select(r => Fund(r, period, rules, profile)).ToList();
        var indicators = form.Indicators.Select((row, i) => new IndicatorLight(i + 1, row.Name, Indicator(row, rules), row.Line)).ToList();
        return new MonitoringSheet(form.ProjectName, profile.Id, period, profile.RoundExecutionRate(period.TimeProgressPercent), funds, indicators);
    }

    /// <summary>1-X月执行率: 执行数 ÷ 预算数 × 100 (调整后预算数 where the row has it), rounded as the profile rounds 执行率.</summary>
    public static decimal? ExecutionRate(MonitoringFundRow row, ScoringProfile profile) =>
        row.ExecutedToDate is { } done && row.Budget is { } budget && budget > 0
            ? profile.RoundExecutionRate(done / budget * 100m)
            : null;

    static FundLight Fund(MonitoringFundRow row, MonitoringPeriod period, MonitoringRules rules, ScoringProfile profile)
    {
        var rate = ExecutionRate(row, profile);
        var parts = new List<(Light Light, string Working, string? Rule)>();
        if (rules.ExecutionAgainstTime is { } t)
        {
            if (rate is null)
                parts.Add((Light.Green, row.Budget is null or 0 ? "没有预算数，不计执行率" : $"未填{period.Label}执行数，不计执行率", null));
            else
            {
                var time = period.TimeProgressPercent;
                var ratio = profile.RoundExecutionRate(rate.Value / time * 100m);
                var light = ratio < t.Red ? Light.Red : ratio < t.Yellow ? Light.Yellow : Light.Green;
                parts.Add((light,
                    $"{period.Label} 执行 {Num.Fixed(rate.Value)}% ÷ 时间进度 {Num.Fixed(profile.RoundExecutionRate(time))}% = {Num.Fixed(ratio)}% → {light.ToChinese()}"
                    + $"（低于 {Num.Plain(t.Red)}% 红，低于 {Num.Plain(t.Yellow)}% 黄）",
                    ExecutionAgainstTimeId));
            }
        }
        if (rules.ForecastExecutionShortfall is { } s && row.ForecastExecuted is { } forecast && row.Budget is { } budget && budget > 0)
        {
            var share = profile.RoundExecutionRate(forecast / budget * 100m);
            var floor = 100m - s.Percent;
            var light = share < floor ? s.Light : Light.Green;
            parts.Add((light,
                $"全年预计执行 {Num.Fixed(forecast)} ÷ 预算 {Num.Fixed(budget)} = {Num.Fixed(share)}%"
                + (share < floor ? $"，低于 {Num.Plain(floor)}% → {light.ToChinese()}" : $"，不低于 {Num.Plain(floor)}%"),
                ForecastExecutionShortfallId));
        }
        return new FundLight(row.Label, rate, Combine(parts), row.Line);
    }

    static RowLight Indicator(Indicator row, MonitoringRules rules)
    {
        var parts = new List<(Light Light, string Working, string? Rule)>();
        if (rules.ForecastMissesTarget is { } f)
        {
            if (ForecastMeetsTarget(row) is { } verdict)
            {
                // A qualitative forecast of 部分达成 is at risk, not off course.
                var light = verdict.Meets ? Light.Green : verdict.Partly ? Light.Yellow : f.Light;
                parts.Add((light, verdict.Working + (verdict.Meets ? "" : $" → {light.ToChinese()}"), ForecastMissesTargetId));
            }
            else if (row.Forecast is null)
                parts.Add((Light.Green, "未填全年预计完成情况", null));
            else
                parts.Add((Light.Green, $"全年预计“{row.Forecast.Text}”无法与指标值“{row.Target?.Text}”比较", null));
        }
        if (rules.Likelihood is { } l && row.Likelihood is { } likely)
        {
            var light = likely switch
            {
                Likelihood.Possible => l.Possible,
                Likelihood.Impossible => l.Impossible,
                _ => Light.Green,
            };
            parts.Add((light, $"完成目标可能性：{likely.ToChinese()}" + (light == Light.Green ? "" : $" → {light.ToChinese()}"), LikelihoodId));
        }
        return Combine(parts);
    }

    /// <summary>
    /// Whether the row's 全年预计完成情况 reaches its 年度指标值: a number against the comparator (units must agree), or
    /// for a qualitative target the forecast's achievement label. Null when the two cannot be compared.
    /// </summary>
    public static (bool Meets, bool Partly, string Working)? ForecastMeetsTarget(Indicator row)
    {
        if (row.Target is not { } target || row.Forecast is not { } forecast) return null;
        if (target.IsQuantitative && forecast.IsQuantitative)
        {
            if (!Units.Agree(target.Unit, forecast.Unit)) return null;
            var c = target.Comparator ?? Comparator.Equal;
            var unit = Units.Normalize(target.Unit) ?? Units.Normalize(forecast.Unit) ?? "";
            var meets = Scorer.IsMet(c, target.Value!.Value, forecast.Value!.Value);
            return (meets, false,
                $"全年预计 {Num.Plain(forecast.Value)}{unit}，指标值 {c.ToSymbol()}{Num.Plain(target.Value)}{unit}：{(meets ? "能达到" : "达不到")}");
        }
        if (forecast.Achievement is { } a)
            return (a == Achievement.Achieved, a == Achievement.PartiallyAchieved,
                $"全年预计“{a.ToChinese()}”，指标值“{target.Text}”：{(a == Achievement.Achieved ? "能达到" : a == Achievement.PartiallyAchieved ? "部分达到" : "达不到")}");
        return null;
    }

    static RowLight Combine(List<(Light Light, string Working, string? Rule)> parts)
    {
        var judged = parts.Where(p => p.Rule is not null).ToList();
        Light? light = judged.Count == 0 ? null : judged.Select(p => p.Light).Aggregate(Lights.Worst);
        var rules = judged.Where(p => p.Light != Light.Green).Select(p => p.Rule!).Distinct().ToList();
        return new RowLight(light, parts.Count == 0 ? "方案未设监控预警规则" : string.Join("；", parts.Select(p => p.Working)), rules);
    }
}

/// <summary>One monitoring form of a round as a tally sees it: where it belongs, how far it got, its light.</summary>
public sealed record RoundItem(long Id, string? Department, string? Unit, string Status, Light? Light, bool Overdue)
{
    public bool Reported => Status is not ("draft" or "returned");
}

/// <summary>A round's forms counted by light and by how far they got, for one 主管部门, one unit or all.</summary>
[System.ComponentModel.Description("按主管部门或单位汇总的预警")]
public sealed record LightTally(
    [property: System.ComponentModel.Description("主管部门或实施单位")] string Name,
    [property: System.ComponentModel.Description("张数")] int Forms,
    [property: System.ComponentModel.Description("红")] int Red,
    [property: System.ComponentModel.Description("黄")] int Yellow,
    [property: System.ComponentModel.Description("绿")] int Green,
    [property: System.ComponentModel.Description("未判断（未填）")] int Unjudged,
    [property: System.ComponentModel.Description("已报送")] int Submitted,
    [property: System.ComponentModel.Description("逾期未报")] int Overdue)
{
    public static LightTally Of(string name, IEnumerable<RoundItem> items)
    {
        var g = items.ToList();
        return new LightTally(name, g.Count, g.Count(f => f.Light == Light.Red), g.Count(f => f.Light == Light.Yellow), g.Count(f => f.Light == Light.Green),
            g.Count(f => f.Light is null), g.Count(f => f.Reported), g.Count(f => f.Overdue));
    }

    /// <summary>The items grouped (by 主管部门 or unit), the groups with most red first, then by name.</summary>
    public static IReadOnlyList<LightTally> By(IEnumerable<RoundItem> items, Func<RoundItem, string?> key, string missing) =>
        items.GroupBy(i => key(i) ?? missing).Select(g => Of(g.Key, g))
            .OrderByDescending(t => t.Red).ThenBy(t => t.Name, StringComparer.Ordinal).ToList();
}

public static class RedReasons
{
    /// <summary>Each red row of a form: its working and what the unit gave as the reason and the 纠偏措施.</summary>
    public static IReadOnlyList<string> Of(MonitoringForm m, ScoringProfile profile)
    {
        var sheet = MonitoringAssessor.Assess(m, profile);
        static string Why(Deviation? d) => d is null ? "（未填偏差原因）"
            : $"原因：{string.Join("、", d.Causes.Select(c => c.ToChinese()))}{(string.IsNullOrWhiteSpace(d.Reason) ? "" : "，" + d.Reason.TrimEnd('。'))}"
              + (string.IsNullOrWhiteSpace(d.CorrectiveAction) ? "" : $"；措施：{d.CorrectiveAction}");
        var reasons = new List<string>();
        foreach (var (f, row) in sheet.Funds.Zip(m.Funds.Rows))
            if (f.Light.Light == Light.Red) reasons.Add($"{f.Label}：{f.Light.Working}。{Why(row.Deviation)}");
        foreach (var (i, row) in sheet.Indicators.Zip(m.Indicators))
            if (i.Light.Light == Light.Red) reasons.Add($"第 {i.Row} 行 {i.Name}：{i.Light.Working}。{Why(row.Deviation)}");
        return reasons;
    }
}
