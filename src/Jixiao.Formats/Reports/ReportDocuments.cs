using System.ComponentModel;
using Jixiao.Core.Review;
using Jixiao.Core.Monitoring;
using Jixiao.Core.Scoring;

namespace Jixiao.Formats.Reports;

// The two shapes every program sees, whether it asks the CLI (`check --json`, `score --json`) or the API
// (`/api/check`, the refusals of the workflow): one finding, one score sheet.

[Description("审核发现")]
public sealed record FindingDocument(
    [property: Description("项目名称")] string? ProjectName,
    [property: Description("三级指标")] string? Name,
    [property: Description("严重程度（error / warning / info）")] string Severity,
    [property: Description("规则代码（docs/checks.md）")] string Code,
    [property: Description("说明")] string Message,
    [property: Description("依据")] string Rule,
    [property: Description("原文行号")] int? Line,
    [property: Description("指标行（从 1 起）")] int? Row)
{
    public static FindingDocument Of(Finding f) =>
        new(f.ProjectName, f.IndicatorName, f.Severity.ToCode(), f.Code, f.Message, f.Rule, f.Line, f.Row);
}

[Description("一行指标的计分")]
public sealed record IndicatorScoreDocument(
    [property: Description("三级指标")] string Name,
    [property: Description("原文行号")] int? Line,
    [property: Description("分值")] decimal? Weight,
    [property: Description("表上（或单位改定）的得分")] decimal? PrintedScore,
    [property: Description("按规则计算的得分")] decimal? ComputedScore,
    [property: Description("计分过程")] string Explanation,
    [property: Description("计分方式（quantitative / qualitative / unscorable）")] string Kind);

[Description("计分表：表上的数与按规则计算的数并列，附计分过程")]
public sealed record ScoreSheetDocument(
    [property: Description("项目名称")] string? ProjectName,
    [property: Description("评分方案")] string ProfileId,
    [property: Description("执行率（%）")] decimal? ExecutionRate,
    [property: Description("表上执行率")] decimal? PrintedExecutionRate,
    [property: Description("执行率分值")] decimal ExecutionWeight,
    [property: Description("执行率得分")] decimal? ExecutionScore,
    [property: Description("表上执行率得分")] decimal? PrintedExecutionScore,
    [property: Description("执行率计分过程")] string ExecutionExplanation,
    [property: Description("各指标")] IReadOnlyList<IndicatorScoreDocument> Indicators,
    [property: Description("总分（表上得分重算）")] decimal? TotalScore,
    [property: Description("表上总分")] decimal? PrintedTotalScore,
    [property: Description("总分（按规则计分）")] decimal? RuleBasedTotalScore,
    [property: Description("等级")] string? Grade,
    [property: Description("表上等级")] string? PrintedGrade,
    [property: Description("按规则的等级")] string? RuleBasedGrade,
    [property: Description("说明")] string? TotalsNote,
    [property: Description("为何用这个评分方案（地区、年度、执行率分值是否相符）")] string? ProfileReason)
{
    public static ScoreSheetDocument Of(ScoreSheet s) => new(
        s.ProjectName, s.ProfileId, s.ExecutionRate, s.PrintedExecutionRate, s.ExecutionWeight, s.ExecutionScore, s.PrintedExecutionScore,
        s.ExecutionExplanation,
        s.Indicators.Select(r => new IndicatorScoreDocument(r.Name, r.Line, r.Weight, r.PrintedScore, r.ComputedScore, r.Explanation,
            r.Kind switch { RowKind.Quantitative => "quantitative", RowKind.Qualitative => "qualitative", _ => "unscorable" })).ToList(),
        s.TotalScore, s.PrintedTotalScore, s.RuleBasedTotalScore, s.Grade, s.PrintedGrade, s.RuleBasedGrade, s.TotalsNote, s.ProfileReason);
}

[Description("监控表的预警（每行的颜色及其计算过程）")]
public sealed record MonitoringSheetDocument(
    [property: Description("表的类型")] string Kind,
    [property: Description("项目名称")] string? ProjectName,
    [property: Description("评分方案")] string ProfileId,
    [property: Description("监控期（如 1-7月）")] string Period,
    [property: Description("时间进度（%）")] decimal TimeProgress,
    [property: Description("预算执行预警（资金行中最差的颜色）")] string? FundsLight,
    [property: Description("目标完成预警（指标行中最差的颜色）")] string? TargetsLight,
    [property: Description("总体颜色")] string? Light,
    [property: Description("资金行")] IReadOnlyList<MonitoringRowDocument> Funds,
    [property: Description("指标行")] IReadOnlyList<MonitoringRowDocument> Indicators)
{
    public static MonitoringSheetDocument Of(MonitoringSheet s) => new(
        "monitoring", s.ProjectName, s.ProfileId, s.Period.Label, s.TimeProgress,
        s.FundsLight?.ToCode(), s.TargetsLight?.ToCode(), s.Overall?.ToCode(),
        s.Funds.Select(f => new MonitoringRowDocument(null, f.Label, f.Line, f.ExecutionRate, f.Light.Light?.ToCode(), f.Light.Working, f.Light.Rules)).ToList(),
        s.Indicators.Select(i => new MonitoringRowDocument(i.Row, i.Name, i.Line, null, i.Light.Light?.ToCode(), i.Light.Working, i.Light.Rules)).ToList());
}

[Description("监控表一行的预警")]
public sealed record MonitoringRowDocument(
    [property: Description("指标行号（从 1 起）")] int? Row,
    [property: Description("资金行名称或三级指标")] string Name,
    [property: Description("原文行号")] int? Line,
    [property: Description("执行率（%，资金行）")] decimal? ExecutionRate,
    [property: Description("颜色（green / yellow / red；无法判断时为 null）")] string? Light,
    [property: Description("计算过程")] string Working,
    [property: Description("使该行变色的规则")] IReadOnlyList<string> Rules);
