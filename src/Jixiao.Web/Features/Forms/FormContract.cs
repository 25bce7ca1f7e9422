using System.ComponentModel;
using Jixiao.Core.Model;
using System.Diagnostics.CodeAnalysis;
using Jixiao.Core.Entry;
using Jixiao.Core.Workflow;
using Jixiao.Core.Interchange;
using Jixiao.Formats.Reports;
using Jixiao.Storage;

namespace Jixiao.Web.Features.Forms;

// The typed contract of the forms API: what each endpoint reads and answers. OpenAPI is generated from these.

/// <summary>
/// A stored form as `GET /api/forms/{id}` answers it: the JSON format plus what the server owns. The same record is
/// what `PUT` reads, so an answer can be sent back as it is: the server-owned fields are ignored there, never trusted.
/// </summary>
[Description("存储的绩效表：交换格式，加服务器所有的编号、状态、版本和关联")]
public sealed record StoredFormDocument : FormDocument
{
    [SetsRequiredMembers]
    public StoredFormDocument(FormDocument document) : base(document) { }

    public StoredFormDocument() { }

    [Description("编号（服务器所有）")] public long? Id { get; init; }
    [Description("状态（服务器所有）")] public string? Status { get; init; }
    [Description("版本（服务器所有；保存时在地址中给出 ?version=）")] public int? Version { get; init; }
    [Description("所依据的申报表的编号（由申报表建立的自评表）")] public long? DeclarationId { get; init; }
    [Description("所调整的表的编号（调整）")] public long? AdjustsId { get; init; }

    public static StoredFormDocument Of(StoredForm s) => new(FormJson.ToDocument(s.Form))
    {
        Id = s.Id, Status = s.Status.ToCode(), Version = s.Version, DeclarationId = s.DeclarationId, AdjustsId = s.AdjustsId,
    };
}

[Description("绩效表列表中的一行")]
public sealed record FormSummaryDocument(
    [property: Description("编号")] long Id,
    [property: Description("类型")] string Kind,
    [property: Description("年度")] int? Year,
    [property: Description("项目名称")] string? ProjectName,
    [property: Description("主管部门")] string? Department,
    [property: Description("实施单位")] string? ImplementingUnit,
    [property: Description("单位编号")] long? UnitId,
    [property: Description("状态")] string Status,
    [property: Description("版本")] int Version,
    [property: Description("总分")] decimal? TotalScore,
    [property: Description("等级")] string? Grade,
    [property: Description("错误数")] int? ErrorCount = null,
    [property: Description("警告数")] int? WarningCount = null,
    [property: Description("逾期（填报时间已过仍未提交）")] bool Overdue = false,
    [property: Description("所依据的申报表的编号")] long? DeclarationId = null,
    [property: Description("所调整的表的编号")] long? AdjustsId = null)
{
    public static FormSummaryDocument Of(FormSummary f) => new(f.Id, f.Kind, f.Year, f.ProjectName, f.Department, f.ImplementingUnit, f.UnitId,
        f.Status, f.Version, f.TotalScore is null ? null : decimal.Parse(f.TotalScore, System.Globalization.CultureInfo.InvariantCulture), f.Grade,
        f.ErrorCount, f.WarningCount, f.Overdue, f.DeclarationId, f.AdjustsId);
}

[Description("保存结果")]
public sealed record SavedForm(
    [property: Description("编号")] long Id,
    [property: Description("状态")] string Status,
    [property: Description("保存后的版本")] int Version,
    [property: Description("调整次数（调整时）")] int? Revision = null);

[Description("退回时对某一行的意见")]
public sealed record RowComment([property: Description("指标行（从 1 起）")] int? Row, [property: Description("意见")] string? Text);

[Description("流程操作")]
public sealed record TransitionRequest
{
    [Description("操作：submit 提交、return 退回、approve 审核通过、publish 公开")] public required string Action { get; init; }
    [Description("所依据的版本")] public required int Version { get; init; }
    [Description("理由（退回必填）")] public string? Reason { get; init; }
    [Description("逐行意见（随退回）")] public IReadOnlyList<RowComment>? Comments { get; init; }
    [Description("提交时对警告的确认理由（有警告时必填）")] public string? Acknowledgement { get; init; }
}

[Description("流程操作的结果")]
public sealed record TransitionResponse([property: Description("编号")] long Id, [property: Description("新状态")] string Status, [property: Description("版本")] int Version);

[Description("复核分")]
public sealed record ReviewScoreRequest
{
    [Description("复核分（0–100，最多两位小数）")] public required decimal Score { get; init; }
    [Description("所依据的版本")] public required int Version { get; init; }
}

/// <summary>The body of the actions that make a new form from another (调整, 建立自评表): an empty object.</summary>
[Description("空对象 {}")]
public sealed record EmptyRequest;

[Description("实时审核与计分（不保存）")]
public sealed record CheckResponse(
    [property: Description("评分方案")] string Profile,
    [property: Description("审核发现（含提交前须具备的条件）")] IReadOnlyList<FindingDocument> Findings,
    [property: Description("不能保存的值")] IReadOnlyList<FieldProblem> Problems,
    [property: Description("计分表（自评表）")] ScoreSheetDocument? Score,
    [property: Description("将要保存的记录（由申报表建立的自评表：指标、年初预算数与各得分由系统计算）")] FormDocument? Record,
    [property: Description("预警（监控表：每行的颜色及其计算过程）")] MonitoringSheetDocument? Monitoring = null,
    [property: Description("每行的参考（申报表：本单位去年同一指标的指标值与实际完成值，同年其他单位指标值的中位数）")] IReadOnlyList<Jixiao.Core.Review.RowContext>? Context = null,
    [property: Description("推荐指标（申报表：去年本项目的表中、本表还没有的指标，然后是指标库中按与项目名称、类别共有的词和使用情况排序的已审定指标）")] IReadOnlyList<SuggestionDocument>? Suggestions = null);

[Description("推荐指标")]
public sealed record SuggestionDocument(
    [property: Description("一级指标")] string? Level1,
    [property: Description("二级指标")] string? Level2,
    [property: Description("三级指标")] string Name,
    [property: Description("指标值")] TargetDocument? Target,
    [property: Description("来源")] string Source,
    [property: Description("推荐的理由（因为：……）")] string Because)
{
    public static SuggestionDocument Of(Jixiao.Core.Review.RowSuggestion s) => new(s.Level1, s.Level2, s.Name,
        s.Target is { } t ? new TargetDocument { Text = t.Text, Comparator = t.Comparator?.ToSymbol(), Value = t.Value, Unit = t.Unit } : null, s.Source, s.Because);
}

[Description("标记退回意见是否已处理")]
public sealed record AddressedRequest
{
    [Description("已处理（true）或改回未处理（false）")] public required bool Addressed { get; init; }
}

/// <summary>A row comment of the last return, with what the unit made of it.</summary>
[Description("退回时的逐行意见及处理情况")]
public sealed record ReturnCommentDocument(
    [property: Description("意见编号")] long Id,
    [property: Description("指标行（从 1 起，退回时的行号）")] int? Row,
    [property: Description("所在行")] string Label,
    [property: Description("意见")] string Text,
    [property: Description("提出意见的人员")] string Actor,
    [property: Description("退回时间")] DateTimeOffset At,
    [property: Description("是否已处理")] bool Addressed,
    [property: Description("标记的人员")] string? AddressedBy,
    [property: Description("标记时间")] DateTimeOffset? AddressedAt);
