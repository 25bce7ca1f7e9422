using System.ComponentModel;

namespace Jixiao.Web.Features.ResultsApplication;

// The typed requests and answers of 结果应用 (the register and finance's decisions); OpenAPI shows the Chinese names.

[Description("财政部门的结果应用决定")]
public sealed record ResultDecisionRequest
{
    [Description("决定：建议的结果应用之一（如 适当优先保障、一定比例核减），或 其他")] public required string Decision { get; init; }
    [Description("理由；与建议不同（含 其他）时必填")] public string? Reason { get; init; }
}

[Description("项目各表的整改事项数")]
public sealed record RectificationCounts(
    [property: Description("未完成（含逾期）")] int Open,
    [property: Description("其中逾期")] int Overdue,
    [property: Description("已完成")] int Done);

[Description("财政部门的结果应用决定")]
public sealed record ResultDecisionDocument(
    [property: Description("决定")] string Decision,
    [property: Description("理由")] string? Reason,
    [property: Description("决定时的建议")] string? Suggested,
    [property: Description("与建议不同")] bool Departs,
    [property: Description("决定人")] string DecidedBy,
    [property: Description("决定时间")] string DecidedAt);

[Description("结果应用台账的一行：一个项目的自评结果、建议、财政决定和整改情况")]
public sealed record ResultLineDocument(
    [property: Description("自评表编号")] long SelfEvaluationId,
    [property: Description("申报表编号")] long? DeclarationId,
    [property: Description("年度")] int? Year,
    [property: Description("项目名称")] string? ProjectName,
    [property: Description("实施单位")] string? ImplementingUnit,
    [property: Description("主管部门")] string? Department,
    [property: Description("自评表状态")] string Status,
    [property: Description("单位自评总分")] decimal? TotalScore,
    [property: Description("单位自评等级")] string? Grade,
    [property: Description("复核分")] decimal? ReviewScore,
    [property: Description("建议所依据的等级")] string? SuggestionGrade,
    [property: Description("等级依据：review-score 复核分 / unit-score 单位自评分")] string? GradeBasis,
    [property: Description("建议的结果应用（下一年度预算）")] string? SuggestedAction,
    [property: Description("建议的出处")] string? SuggestionSource,
    [property: Description("出处的可靠程度（S、K、V、P、I、U）")] string? SuggestionFirmness,
    [property: Description("财政部门可选的决定")] IReadOnlyList<string> Choices,
    [property: Description("财政部门的决定；未决定为 null")] ResultDecisionDocument? Decision,
    [property: Description("项目各表（申报表、监控表、自评表）的整改事项")] RectificationCounts Rectifications);

[Description("一个年度的结果应用台账（按您的范围）")]
public sealed record ResultsRegister(
    [property: Description("年度（自评的年度；结果用于下一年度预算）")] int Year,
    [property: Description("您能否记录决定")] bool MayDecide,
    [property: Description("各项目")] IReadOnlyList<ResultLineDocument> Lines);
