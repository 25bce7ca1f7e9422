using Jixiao.Core.Model;
using Jixiao.Core.Review;

namespace Jixiao.Generation;

/// <summary>The mistakes the generator puts into forms on purpose, each one a check of the review engine must find.</summary>
public enum DefectKind
{
    TotalSlip,               // 总分加错
    ExecutionScoreSlip,      // 执行率得分算错
    ReversedComparator,      // 交付数量写成 ≤
    FarExceeded,             // 实际远超指标值
    MetTargetUnderscored,    // 已达成却扣分
    MissedTargetFullScore,   // 未达成却满分
    MissingDeviationReason,  // 扣分未写偏差原因
    CopiedGoal,              // 实际完成情况照抄预期目标
    LowExecutionUnexplained, // 执行率偏低未说明
    DuplicateIndicator,      // 三级指标重名

    // 运行监控 (monitoring forms only)
    MonitoringDeviationMissing,   // 预警行缺偏差原因或纠偏措施
    MonitoringCertainButMisses,   // 确定能，但全年预计达不到
    MonitoringForecastBelowDone,  // 全年预计执行数小于已执行数
    MonitoringSourcesNotSumming,  // 资金来源之和与总额不符
    MonitoringRateMiscalculated,  // 执行率不是执行数 ÷ 预算数
    MonitoringForecastMissing,    // 全年预计完成情况未填
}

public static class DefectKinds
{
    public static readonly IReadOnlyList<DefectKind> All = Enum.GetValues<DefectKind>();

    public static string ToCode(this DefectKind k) => k switch
    {
        DefectKind.TotalSlip => "total-slip",
        DefectKind.ExecutionScoreSlip => "execution-score-slip",
        DefectKind.ReversedComparator => "reversed-comparator",
        DefectKind.FarExceeded => "far-exceeded",
        DefectKind.MetTargetUnderscored => "met-target-underscored",
        DefectKind.MissedTargetFullScore => "missed-target-full-score",
        DefectKind.MissingDeviationReason => "missing-deviation-reason",
        DefectKind.CopiedGoal => "copied-goal",
        DefectKind.LowExecutionUnexplained => "low-execution-unexplained",
        DefectKind.DuplicateIndicator => "duplicate-indicator",
        DefectKind.MonitoringDeviationMissing => "monitoring-deviation-missing",
        DefectKind.MonitoringCertainButMisses => "monitoring-certain-but-misses",
        DefectKind.MonitoringForecastBelowDone => "monitoring-forecast-below-done",
        DefectKind.MonitoringSourcesNotSumming => "monitoring-sources-not-summing",
        DefectKind.MonitoringRateMiscalculated => "monitoring-rate-miscalculated",
        DefectKind.MonitoringForecastMissing => "monitoring-forecast-missing",
        _ => throw new ArgumentOutOfRangeException(nameof(k)),
    };

    public static DefectKind? FromCode(string? code) => All.Cast<DefectKind?>().FirstOrDefault(k => k!.Value.ToCode() == code);

    /// <summary>The monitoring form's defects, in the order the generator puts them in (figures before the lights they change).</summary>
    public static readonly IReadOnlyList<DefectKind> Monitoring =
    [
        DefectKind.MonitoringForecastBelowDone, DefectKind.MonitoringSourcesNotSumming, DefectKind.MonitoringCertainButMisses,
        DefectKind.MonitoringForecastMissing, DefectKind.MonitoringRateMiscalculated, DefectKind.MonitoringDeviationMissing,
    ];

    /// <summary>Whether the defect is put into forms of the kind (the older kinds into 自评表 and 申报表, the monitoring ones into 监控表).</summary>
    public static bool AppliesTo(this DefectKind k, FormKind form) => Monitoring.Contains(k) == (form == FormKind.Monitoring);

    /// <summary>The review check that must report the defect (monitoring-not-filled is the submission gate's, <c>Gate.Findings</c>).</summary>
    public static Check Check(this DefectKind k) => k switch
    {
        DefectKind.TotalSlip => Checks.ScoreSum,
        DefectKind.ExecutionScoreSlip => Checks.ExecutionScoreMismatch,
        DefectKind.ReversedComparator => Checks.ComparatorReversed,
        DefectKind.FarExceeded => Checks.TargetFarExceeded,
        DefectKind.MetTargetUnderscored => Checks.MetTargetUnderscored,
        DefectKind.MissedTargetFullScore => Checks.MissedTargetFullScore,
        DefectKind.MissingDeviationReason => Checks.MissingDeviationReason,
        DefectKind.CopiedGoal => Checks.ActualCopiesGoal,
        DefectKind.LowExecutionUnexplained => Checks.LowExecutionUnexplained,
        DefectKind.DuplicateIndicator => Checks.DuplicateIndicator,
        DefectKind.MonitoringDeviationMissing => Checks.MonitoringDeviationUnexplained,
        DefectKind.MonitoringCertainButMisses => Checks.MonitoringLikelihoodContradicts,
        DefectKind.MonitoringForecastBelowDone or DefectKind.MonitoringSourcesNotSumming => Checks.MonitoringFiguresInconsistent,
        DefectKind.MonitoringRateMiscalculated => Checks.ExecutionRateMismatch,
        DefectKind.MonitoringForecastMissing => Checks.MonitoringNotFilled,
        _ => throw new ArgumentOutOfRangeException(nameof(k)),
    };

    public static string ToChinese(this DefectKind k) => k switch
    {
        DefectKind.TotalSlip => "总分加错",
        DefectKind.ExecutionScoreSlip => "执行率得分算错",
        DefectKind.ReversedComparator => "交付数量的比较符写反",
        DefectKind.FarExceeded => "实际远超指标值",
        DefectKind.MetTargetUnderscored => "已达成却扣分",
        DefectKind.MissedTargetFullScore => "未达成却满分",
        DefectKind.MissingDeviationReason => "扣分未写偏差原因",
        DefectKind.CopiedGoal => "实际完成情况照抄预期目标",
        DefectKind.LowExecutionUnexplained => "执行率偏低未说明",
        DefectKind.DuplicateIndicator => "三级指标重名",
        DefectKind.MonitoringDeviationMissing => "预警行缺偏差原因或纠偏措施",
        DefectKind.MonitoringCertainButMisses => "预计达不到目标却填“确定能”",
        DefectKind.MonitoringForecastBelowDone => "全年预计执行数小于已执行数",
        DefectKind.MonitoringSourcesNotSumming => "各资金来源之和与年度资金总额不符",
        DefectKind.MonitoringRateMiscalculated => "执行率不等于执行数 ÷ 预算数",
        DefectKind.MonitoringForecastMissing => "全年预计完成情况未填",
        _ => throw new ArgumentOutOfRangeException(nameof(k)),
    };
}

/// <summary>
/// One injected defect: its kind and where it sits: the 三级 indicator (with its 1-based <paramref name="Row"/> where
/// the defect is a monitoring form's) or the monitoring form's fund line (<paramref name="FundLine"/>, its label);
/// all null for form-level defects.
/// </summary>
public sealed record InjectedDefect(DefectKind Kind, string? Indicator, int? Row = null, string? FundLine = null)
{
    public string CheckCode => Kind.Check().Code;

    /// <summary>
    /// Whether a finding reports this defect: its check code, on the defect's indicator (and row), or naming the
    /// defect's fund line (fund-line findings carry no row, their message names the line).
    /// </summary>
    public bool FoundBy(Finding f) =>
        f.Code == CheckCode
        && (Indicator is null || f.IndicatorName == Indicator)
        && (Row is null || f.Row == Row)
        && (FundLine is null || (f.Row is null && f.Message.Contains(FundLine, StringComparison.Ordinal)));
}
