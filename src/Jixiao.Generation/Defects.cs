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
        _ => throw new ArgumentOutOfRangeException(nameof(k)),
    };

    public static DefectKind? FromCode(string? code) => All.Cast<DefectKind?>().FirstOrDefault(k => k!.Value.ToCode() == code);

    /// <summary>The review check that must report the defect.</summary>
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
        _ => throw new ArgumentOutOfRangeException(nameof(k)),
    };
}

/// <summary>One injected defect: its kind and the 三级 indicator it sits on (null for form-level defects).</summary>
public sealed record InjectedDefect(DefectKind Kind, string? Indicator)
{
    public string CheckCode => Kind.Check().Code;
}
