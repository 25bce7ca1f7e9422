using System.ComponentModel;
using Jixiao.Core.Review;
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
    [property: Description("说明")] string? TotalsNote)
{
    public static ScoreSheetDocument Of(ScoreSheet s) => new(
        s.ProjectName, s.ProfileId, s.ExecutionRate, s.PrintedExecutionRate, s.ExecutionWeight, s.ExecutionScore, s.PrintedExecutionScore,
        s.ExecutionExplanation,
        s.Indicators.Select(r => new IndicatorScoreDocument(r.Name, r.Line, r.Weight, r.PrintedScore, r.ComputedScore, r.Explanation,
            r.Kind switch { RowKind.Quantitative => "quantitative", RowKind.Qualitative => "qualitative", _ => "unscorable" })).ToList(),
        s.TotalScore, s.PrintedTotalScore, s.RuleBasedTotalScore, s.Grade, s.PrintedGrade, s.RuleBasedGrade, s.TotalsNote);
}
