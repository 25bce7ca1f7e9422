using Jixiao.Core.Model;

namespace Jixiao.Core.Workflow;

/// <summary>The stages of a year that finance opens with a deadline (rules.md §1).</summary>
public enum Stage
{
    Declaration,    // 绩效目标申报
    Monitoring,     // 绩效运行监控
    SelfEvaluation, // 绩效自评
}

public static class Stages
{
    public static readonly IReadOnlyList<Stage> All = [Stage.Declaration, Stage.Monitoring, Stage.SelfEvaluation];

    public static string ToCode(this Stage s) => s switch
    {
        Stage.Declaration => "declaration",
        Stage.Monitoring => "monitoring",
        _ => "self-evaluation",
    };

    public static Stage? FromCode(string? code) => code switch
    {
        "declaration" => Stage.Declaration,
        "monitoring" => Stage.Monitoring,
        "self-evaluation" => Stage.SelfEvaluation,
        _ => null,
    };

    public static string ToChinese(this Stage s) => s switch
    {
        Stage.Declaration => "绩效目标申报",
        Stage.Monitoring => "绩效运行监控",
        _ => "绩效自评",
    };

    /// <summary>The stage a form of this kind is filled in during.</summary>
    public static Stage Of(FormKind kind) => kind switch
    {
        FormKind.TargetDeclaration or FormKind.DepartmentDeclaration => Stage.Declaration,
        FormKind.Monitoring => Stage.Monitoring,
        _ => Stage.SelfEvaluation,
    };
}

/// <summary>
/// A window of a year's stage: the units fill in and submit between <see cref="OpensOn"/> and <see cref="ClosesOn"/>
/// (both days included). A form still a draft or returned after it closes is overdue.
/// </summary>
public sealed record Window(int Year, Stage Stage, DateOnly OpensOn, DateOnly ClosesOn)
{
    /// <summary>Days a window counts as closing soon before its last day (the 工作台 says so).</summary>
    public const int ClosingSoonDays = 7;

    public bool IsOpen(DateOnly today) => today >= OpensOn && today <= ClosesOn;

    public bool IsClosingSoon(DateOnly today) => IsOpen(today) && ClosesOn.DayNumber - today.DayNumber < ClosingSoonDays;

    public bool IsClosed(DateOnly today) => today > ClosesOn;

    /// <summary>Whether a form of this status is overdue on <paramref name="today"/>.</summary>
    public bool IsOverdue(FormStatus status, DateOnly today) => IsClosed(today) && status is FormStatus.Draft or FormStatus.Returned;

    /// <summary>A Chinese line for the 工作台: when it opens or closes, counted in days.</summary>
    public string Describe(DateOnly today) =>
        today < OpensOn ? $"{Year}年度{Stage.ToChinese()}：{OpensOn:yyyy-MM-dd} 开始，{ClosesOn:yyyy-MM-dd} 截止"
        : IsOpen(today) ? $"{Year}年度{Stage.ToChinese()}：进行中，{ClosesOn:yyyy-MM-dd} 截止（还有 {ClosesOn.DayNumber - today.DayNumber + 1} 天）"
        : $"{Year}年度{Stage.ToChinese()}：已于 {ClosesOn:yyyy-MM-dd} 截止";
}
