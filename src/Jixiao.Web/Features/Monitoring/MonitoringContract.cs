using System.ComponentModel;
using System.Globalization;
using Jixiao.Core.Monitoring;
using Jixiao.Storage;

namespace Jixiao.Web.Features.Monitoring;

// The typed requests and answers of 运行监控 (rounds, the 整改 register, 暂缓拨款); OpenAPI shows the Chinese names.

[Description("开展运行监控：年度、监控期末、报送截止日期，可选重点监控的申报表")]
public sealed record OpenRoundRequest
{
    [Description("年度")] public required int Year { get; init; }
    [Description("监控期末（yyyy-MM-dd，月末；1-7月为该年 07-31）")] public required string PeriodEnd { get; init; }
    [Description("报送截止日期（yyyy-MM-dd）")] public required string Deadline { get; init; }
    [Description("名称（如 第三季度），可不填")] public string? Name { get; init; }
    [Description("重点监控的申报表编号；不填则为该年度全部审核通过的申报表")] public IReadOnlyList<long>? Declarations { get; init; }
}

[Description("监控轮次")]
public sealed record RoundDocument(
    [property: Description("编号")] long Id,
    [property: Description("年度")] int Year,
    [property: Description("监控期（如 1-7月）")] string Period,
    [property: Description("监控期末月份")] int EndMonth,
    [property: Description("监控期末")] string PeriodEnd,
    [property: Description("名称")] string? Name,
    [property: Description("报送截止日期")] string Deadline,
    [property: Description("是否重点监控（选定的申报表）")] bool Focused,
    [property: Description("标题")] string Title,
    [property: Description("开展人")] string OpenedBy,
    [property: Description("截止日期已过")] bool Closed)
{
    public static RoundDocument Of(MonitoringRound r, DateOnly today) => new(r.Id, r.Year, r.Period.Label, r.EndMonth,
        r.PeriodEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Name, r.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        r.Focused, r.Title, r.OpenedBy, r.Deadline < today);
}

[Description("开展运行监控的结果")]
public sealed record RoundOpened(
    [property: Description("监控轮次")] RoundDocument Round,
    [property: Description("建立的监控表编号")] IReadOnlyList<long> Forms);

[Description("监控轮次中的一张监控表")]
public sealed record RoundFormDocument(
    [property: Description("监控表编号")] long Id,
    [property: Description("申报表编号")] long? DeclarationId,
    [property: Description("项目名称")] string? ProjectName,
    [property: Description("主管部门")] string? Department,
    [property: Description("实施单位")] string? ImplementingUnit,
    [property: Description("状态")] string Status,
    [property: Description("预警（green / yellow / red；未填为 null）")] string? Light,
    [property: Description("执行率（%）")] decimal? ExecutionRate,
    [property: Description("逾期未报")] bool Overdue,
    [property: Description("暂缓拨款")] bool FundingHeld);

[Description("红灯项目及原因")]
public sealed record RedItem(
    [property: Description("监控表编号")] long FormId,
    [property: Description("项目名称")] string? ProjectName,
    [property: Description("实施单位")] string? ImplementingUnit,
    [property: Description("红灯的行及计算过程、偏差原因")] IReadOnlyList<string> Reasons);

[Description("一轮运行监控的汇总（按您的范围）")]
public sealed record RoundSummary(
    [property: Description("监控轮次")] RoundDocument Round,
    [property: Description("合计")] LightTally Total,
    [property: Description("按主管部门")] IReadOnlyList<LightTally> ByDepartment,
    [property: Description("按实施单位")] IReadOnlyList<LightTally> ByUnit,
    [property: Description("红灯清单")] IReadOnlyList<RedItem> RedList,
    [property: Description("各监控表")] IReadOnlyList<RoundFormDocument> Forms,
    [property: Description("本轮的整改事项")] IReadOnlyList<RectificationDocument> Rectifications);

[Description("提出整改要求")]
public sealed record RectificationRequest
{
    [Description("整改要求和建议")] public required string Requirement { get; init; }
    [Description("整改期限（yyyy-MM-dd）")] public required string Deadline { get; init; }
}

[Description("填报整改结果")]
public sealed record RectificationResultRequest
{
    [Description("整改结果和结论")] public required string Result { get; init; }
}

[Description("整改事项")]
public sealed record RectificationDocument(
    [property: Description("编号")] long Id,
    [property: Description("提出整改的表的编号")] long FormId,
    [property: Description("表的类型")] string? Kind,
    [property: Description("项目名称")] string? ProjectName,
    [property: Description("主管部门")] string? Department,
    [property: Description("实施单位")] string? ImplementingUnit,
    [property: Description("整改要求和建议")] string Requirement,
    [property: Description("整改期限")] string Deadline,
    [property: Description("提出人")] string RaisedBy,
    [property: Description("提出时间")] string RaisedAt,
    [property: Description("整改结果和结论")] string? Result,
    [property: Description("填报人")] string? DoneBy,
    [property: Description("填报时间")] string? DoneAt,
    [property: Description("状态：open 未完成 / overdue 逾期未完成 / done 已完成")] string State)
{
    public static RectificationDocument Of(Rectification r, DateOnly today) => new(r.Id, r.FormId, r.Kind, r.ProjectName, r.Department,
        r.ImplementingUnit, r.Requirement, r.Deadline[..10], r.RaisedBy, r.RaisedAt, r.Result, r.DoneBy, r.DoneAt, StateOf(r, today));

    public static string StateOf(Rectification r, DateOnly today) => r.Done ? "done" : r.OverdueOn(today) ? "overdue" : "open";

    public static string StateChinese(string state) => state switch
    {
        "done" => "已完成",
        "overdue" => "逾期未完成",
        _ => "未完成",
    };
}

[Description("暂缓拨款（或解除）的理由")]
public sealed record FundingHoldRequest
{
    [Description("理由")] public required string Reason { get; init; }
}

[Description("暂缓拨款")]
public sealed record FundingHoldDocument(
    [property: Description("编号")] long Id,
    [property: Description("申报表编号")] long DeclarationId,
    [property: Description("理由")] string Reason,
    [property: Description("决定人")] string HeldBy,
    [property: Description("决定时间")] string HeldAt,
    [property: Description("是否仍在暂缓")] bool InForce,
    [property: Description("解除人")] string? ReleasedBy,
    [property: Description("解除时间")] string? ReleasedAt,
    [property: Description("解除理由")] string? ReleaseReason)
{
    public static FundingHoldDocument Of(FundingHold h) =>
        new(h.Id, h.DeclarationId, h.Reason, h.HeldBy, h.HeldAt, h.InForce, h.ReleasedBy, h.ReleasedAt, h.ReleaseReason);
}
