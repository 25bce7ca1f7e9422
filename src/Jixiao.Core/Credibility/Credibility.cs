using Jixiao.Core.Model;
using Jixiao.Core.Monitoring;
using Jixiao.Core.Review;
using Jixiao.Core.Scoring;

namespace Jixiao.Core.Credibility;

/// <summary>
/// What lowers a self-evaluation's credibility, and by how many points (the profile's <c>credibility</c> section).
/// Each reason is a sign a reviewer would look for before trusting the unit's own score.
/// </summary>
public sealed record CredibilityRules(
    decimal ScoreAheadOfExecutionPercent, // 自评预警: indicator score ÷ its points ahead of 执行率得分 ÷ its weight by more than this share
    decimal ScoreAheadOfExecutionPoints,
    decimal ActualsEqualTargetsShare,     // this share of the quantitative rows (at least 3) printed exactly at their target
    decimal ActualsEqualTargetsPoints,
    decimal QualitativeFullMarksPoints,   // every qualitative row (at least 3) at full marks
    decimal CopiedGoalPoints,             // 实际完成情况 copies 预期目标
    decimal BudgetCutPercent,             // 全年预算数 cut by at least this share below 年初预算数 …
    decimal BudgetCutPoints,              // … and then executed in full
    decimal ForecastGapPoints,            // per row far from the monitoring forecast, up to twice
    decimal ErrorPoints,                  // per error finding …
    decimal WarningPoints,                // … per warning …
    decimal FindingsCap)                  // … together at most this many
{
    /// <summary>
    /// The deployed 自评预警's 5% (rules.md §8 [V]); the other weights are this product's judgement, stated in the
    /// profiles so that a region can weigh them otherwise.
    /// </summary>
    public static readonly CredibilityRules Default = new(5, 25, 50, 15, 10, 10, 20, 15, 10, 10, 3, 20);
}

/// <summary>One reason a self-evaluation is less credible: its code, the points it costs and what it means here.</summary>
public sealed record CredibilityReason(string Code, decimal Points, string Message);

/// <summary>0–100: 100 less the points of every reason. Below 70 is worth a spot-check first.</summary>
public sealed record CredibilityScore(decimal Score, IReadOnlyList<CredibilityReason> Reasons);

/// <summary>
/// The credibility of a self-evaluation's own score, with its reasons. Pure: the form, its profile, the findings the
/// workflow sees, and (when the project was monitored) the last approved monitoring form.
/// </summary>
public static class CredibilityAssessor
{
    public const string ScoreAheadOfExecution = "score-ahead-of-execution";
    public const string ActualsEqualTargets = "actuals-equal-targets";
    public const string QualitativeFullMarks = "qualitative-full-marks";
    public const string CopiedGoal = "copied-goal";
    public const string BudgetCutThenSpent = "budget-cut-then-spent";
    public const string ForecastGap = "forecast-gap";
    public const string Findings = "findings";

    public static CredibilityScore Assess(SelfEvaluation form, ScoringProfile profile, IReadOnlyList<Finding> findings, MonitoringForm? forecast = null)
    {
        var r = profile.Credibility;
        var reasons = new List<CredibilityReason>();
        var sheet = Scorer.Score(form, profile);

        // 自评预警: the indicators score a larger share of their points than the budget execution earns of its own.
        var indicatorPoints = 100m - sheet.ExecutionWeight;
        var indicatorScore = form.Indicators.Where(i => i.Score is not null).Sum(i => i.Score!.Value);
        if (sheet.ExecutionScore is { } execScore && indicatorPoints > 0 && indicatorScore > 0 && sheet.ExecutionWeight > 0)
        {
            var indicatorShare = indicatorScore / indicatorPoints;
            var executionShare = execScore / sheet.ExecutionWeight;
            var ahead = (indicatorShare - executionShare) / indicatorShare * 100m;
            if (ahead > r.ScoreAheadOfExecutionPercent)
                reasons.Add(new(ScoreAheadOfExecution, r.ScoreAheadOfExecutionPoints,
                    $"指标得分 {Num.Fixed(indicatorScore)}/{Num.Fixed(indicatorPoints)}（{Num.Fixed(indicatorShare * 100m)}%）高于执行率得分 {Num.Fixed(execScore)}/{Num.Fixed(sheet.ExecutionWeight)}（{Num.Fixed(executionShare * 100m)}%）{Num.Fixed(ahead)}%，超过 {Num.Plain(r.ScoreAheadOfExecutionPercent)}%：钱没有花完，目标却几乎全部完成"));
        }

        var quantitative = form.Indicators.Where(i => i.Target?.Value is not null && i.Actual?.Value is not null).ToList();
        var equal = quantitative.Count(i => i.Actual!.Value == i.Target!.Value && Units.Agree(i.Target.Unit, i.Actual.Unit));
        if (quantitative.Count >= 3 && equal * 100m >= r.ActualsEqualTargetsShare * quantitative.Count)
            reasons.Add(new(ActualsEqualTargets, r.ActualsEqualTargetsPoints,
                $"{quantitative.Count} 个定量指标中有 {equal} 个实际完成值与指标值分毫不差：像是照抄了目标"));

        var qualitative = form.Indicators.Where(i => i.Target is { IsQuantitative: false } && i.Weight is > 0 && i.Score is not null).ToList();
        if (qualitative.Count >= 3 && qualitative.All(i => i.Score == i.Weight))
            reasons.Add(new(QualitativeFullMarks, r.QualitativeFullMarksPoints, $"{qualitative.Count} 个定性指标全部满分"));

        if (findings.Any(f => f.Code == Checks.ActualCopiesGoal.Code))
            reasons.Add(new(CopiedGoal, r.CopiedGoalPoints, "实际完成情况照抄预期目标"));

        if (form.Funds.Total is { InitialBudget: { } initial, AdjustedBudget: { } adjusted } && initial > 0
            && (initial - adjusted) * 100m >= r.BudgetCutPercent * initial && sheet.ExecutionRate is >= 100m)
            reasons.Add(new(BudgetCutThenSpent, r.BudgetCutPoints,
                $"全年预算数 {Num.Fixed(adjusted)} 比年初预算数 {Num.Fixed(initial)} 调减 {Num.Fixed((initial - adjusted) / initial * 100m)}%，随后执行率 {Num.Fixed(sheet.ExecutionRate)}%：先调减预算再报全部执行"));

        if (forecast is not null)
        {
            var gaps = MonitoringFollowUp.Findings(form, forecast, profile);
            if (gaps.Count > 0)
                reasons.Add(new(ForecastGap, Math.Min(2, gaps.Count) * r.ForecastGapPoints,
                    $"{gaps.Count} 个指标的实际完成值与{forecast.Period.Label}监控时的全年预计相差较大（第 {string.Join("、", gaps.Select(g => g.Row))} 行）"));
        }

        var errors = findings.Count(f => f.Severity == Severity.Error);
        var warnings = findings.Count(f => f.Severity == Severity.Warning);
        if (errors + warnings > 0)
            reasons.Add(new(Findings, Math.Min(r.FindingsCap, errors * r.ErrorPoints + warnings * r.WarningPoints),
                $"审核发现：错误 {errors} 个、警告 {warnings} 个"));

        return new CredibilityScore(Math.Max(0m, 100m - reasons.Sum(x => x.Points)), reasons);
    }
}
